import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { IsOptional, Max, Min } from 'class-validator';
import { vitalRanges, type VitalSign } from '../common/formats.js';

/** Within the sign's accepted range (common/formats.ts); out of it, a code whose message names the range. */
const InRange = (sign: VitalSign) => (target: object, key: string) => {
  const code = `VITAL_${sign.toUpperCase()}`;
  IsOptional()(target, key);
  Min(vitalRanges[sign].min, { message: code })(target, key);
  Max(vitalRanges[sign].max, { message: code })(target, key);
};

/** Structured vitals on a care report. Ranges refuse typing slips, not unusual patients. */
@ObjectType('Vitals')
@InputType('VitalsInput')
export class Vitals {
  @Field(() => Int, { nullable: true, description: '収縮期血圧 mmHg' })
  @InRange('systolic')
  systolic?: number | null;

  @Field(() => Int, { nullable: true, description: '拡張期血圧 mmHg' })
  @InRange('diastolic')
  diastolic?: number | null;

  @Field(() => Int, { nullable: true, description: '脈拍 /min' })
  @InRange('pulse')
  pulse?: number | null;

  @Field(() => Float, { nullable: true, description: '体温 ℃' })
  @InRange('temperature')
  temperature?: number | null;

  @Field(() => Int, { nullable: true, description: 'SpO2 %' })
  @InRange('spo2')
  spo2?: number | null;

  @Field(() => Float, { nullable: true, description: '体重 kg' })
  @InRange('weight')
  weight?: number | null;
}
