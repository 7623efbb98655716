import { ArgsType, Field } from 'type-graphql';
import { IsOptional, Matches, ValidateNested } from 'class-validator';
import { PageInput } from '../common/list.js';

@ArgsType()
export class ActivityOfficesArgs {
  @Field({ description: 'YYYY-MM (Japan time)' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'INVALID_VALUE' })
  month!: string;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
