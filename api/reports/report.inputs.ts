import { ArgsType, Field } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { MAX_FILTER_TEXT, PageInput } from '../common/list.js';

@ArgsType()
export class ActivityOfficesArgs {
  @Field({ description: 'YYYY-MM (Japan time)' })
  @MaxLength(MAX_FILTER_TEXT, { message: 'TOO_LONG' })
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'INVALID_VALUE' })
  month!: string;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
