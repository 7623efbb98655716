import { Field, InputType } from 'type-graphql';
import { Matches } from 'class-validator';
import { Email, RequiredText, Text } from '../common/validation.js';

@InputType()
export class MunicipalityInput {
  @Field({ description: '全国地方公共団体コード (6 digits)' })
  @Matches(/^\d{6}$/, { message: 'INVALID_VALUE' })
  code!: string;

  @Field()
  @RequiredText(100)
  name!: string;

  @Field()
  @RequiredText(20)
  prefecture!: string;

  @Field(() => String, { nullable: true })
  @Text(200)
  contactName?: string | null;

  @Field(() => String, { nullable: true })
  @Email()
  contactEmail?: string | null;
}
