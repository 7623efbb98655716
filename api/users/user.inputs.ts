import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, ValidateNested } from 'class-validator';
import { CareManagerNumber, Email, Katakana, LoginId, RequiredText, Text } from '../common/validation.js';
import { FilterText, PageInput, SortInputOf } from '../common/list.js';
import { JobType, Role, UserStatus } from './user.enums.js';

/** The roster fields of a person (様式1-2 / 2-2B / 2-2C staff rows); create and update send all of them. */
@InputType()
export class UserInput {
  @Field()
  @RequiredText(100)
  name!: string;

  @Field({ description: 'フリガナ (katakana)' })
  @RequiredText(100)
  @Katakana()
  nameKana!: string;

  @Field(() => JobType)
  jobType!: JobType;

  @Field(() => String, { nullable: true })
  @Text(100)
  jobTypeOther?: string | null;

  @Field(() => String, { nullable: true, description: '介護支援専門員番号 (8 digits)' })
  @CareManagerNumber()
  careManagerNumber?: string | null;

  @Field({ defaultValue: false, description: 'ICT情報連携 希望する (service offices)' })
  ictLinkage!: boolean;

  @Field(() => String, { nullable: true })
  @Email()
  email?: string | null;

  @Field({ defaultValue: false, description: '事業所のシステム管理担当者 (OFFICE accounts)' })
  officeAdmin!: boolean;
}

/**
 * Who the new account is and where it belongs: chosen by the VENDOR that issues it. No secret:
 * the account starts PENDING and is activated with a code printed by its municipality's city.
 */
@InputType()
export class NewAccountInput {
  @Field()
  @LoginId()
  loginId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for OFFICE accounts; sets the municipality too' })
  officeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Required for CITY accounts' })
  municipalityId?: string | null;
}

@InputType()
export class UserFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, フリガナ or login ID' })
  @FilterText()
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => ID, { nullable: true })
  officeId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;

  @Field(() => Role, { nullable: true })
  role?: Role | null;

  @Field(() => JobType, { nullable: true })
  jobType?: JobType | null;

  @Field(() => UserStatus, { nullable: true })
  status?: UserStatus | null;

  @Field(() => Boolean, { nullable: true })
  officeAdmin?: boolean | null;
}

// only orders an index gives, names by their reading (api/common/list.ts)
export enum UserSortField {
  nameKana = 'nameKana',
  loginId = 'loginId',
  lastSignInAt = 'lastSignInAt',
  createdAt = 'createdAt',
}
registerEnumType(UserSortField, { name: 'UserSortField' });

export const UserSort = SortInputOf<UserSortField>(UserSortField, 'UserSort', UserSortField.nameKana);

@ArgsType()
export class UserListArgs {
  @Field(() => UserFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: UserFilter;

  @Field(() => UserSort, { nullable: true })
  sort?: InstanceType<typeof UserSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

@ArgsType()
export class ActivationCodesArgs {
  @Field(() => [ID], { description: 'PENDING accounts to print the credentials letter for (at most 100)' })
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(100, { message: 'TOO_LONG' })
  userIds!: string[];
}
