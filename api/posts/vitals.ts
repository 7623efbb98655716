import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';

/** Structured vitals on a care report. Ranges refuse typing slips, not unusual patients. */
@ObjectType('Vitals')
@InputType('VitalsInput')
export class Vitals {
  @Field(() => Int, { nullable: true, description: '収縮期血圧 mmHg' }) @IsOptional() @Min(40, { message: 'INVALID_VALUE' }) @Max(300, { message: 'INVALID_VALUE' })
  systolic?: number | null;

  @Field(() => Int, { nullable: true, description: '拡張期血圧 mmHg' }) @IsOptional() @Min(20, { message: 'INVALID_VALUE' }) @Max(200, { message: 'INVALID_VALUE' })
  diastolic?: number | null;

  @Field(() => Int, { nullable: true, description: '脈拍 /min' }) @IsOptional() @Min(20, { message: 'INVALID_VALUE' }) @Max(250, { message: 'INVALID_VALUE' })
  pulse?: number | null;

  @Field(() => Float, { nullable: true, description: '体温 ℃' }) @IsOptional() @Min(30, { message: 'INVALID_VALUE' }) @Max(45, { message: 'INVALID_VALUE' })
  temperature?: number | null;

  @Field(() => Int, { nullable: true, description: 'SpO2 %' }) @IsOptional() @Min(50, { message: 'INVALID_VALUE' }) @Max(100, { message: 'INVALID_VALUE' })
  spo2?: number | null;

  @Field(() => Float, { nullable: true, description: '体重 kg' }) @IsOptional() @Min(10, { message: 'INVALID_VALUE' }) @Max(300, { message: 'INVALID_VALUE' })
  weight?: number | null;
}
