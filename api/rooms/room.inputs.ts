import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageInput, SortInputOf } from '../common/list.js';
import { JobType } from '../users/user.enums.js';
import { RoomPermission, RoomStatus } from './room.enums.js';

export const DateString = () => Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' });
const Title = () => MaxLength(100, { each: true, message: 'TOO_LONG' });

@InputType()
export class MemberInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => RoomPermission, { defaultValue: RoomPermission.CONTRIBUTOR })
  permission!: RoomPermission;

  @Field(() => String, { nullable: true, description: 'First day of access; default today' })
  @IsOptional()
  @DateString()
  fromDate?: string | null;

  @Field(() => String, { nullable: true, description: 'Last day of access; empty = open-ended' })
  @IsOptional()
  @DateString()
  untilDate?: string | null;
}

@InputType()
export class MemberChangeInput {
  @Field(() => RoomPermission)
  permission!: RoomPermission;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @DateString()
  untilDate?: string | null;
}

/** What the city decides when it creates a room (seed steps ⑫–⑮). */
@InputType()
export class RoomSetupInput {
  @Field({ description: '部屋名' })
  @MaxLength(100, { message: 'TOO_LONG' })
  @Matches(/\S/, { message: 'REQUIRED' })
  name!: string;

  @Field(() => [MemberInput])
  @ValidateNested({ each: true })
  @ArrayMaxSize(100, { message: 'INVALID_VALUE' })
  members!: MemberInput[];

  @Field(() => [String], { description: 'ケアレポート標題' })
  @ArrayMaxSize(30, { message: 'INVALID_VALUE' })
  @Title()
  careReportTitles!: string[];
}

@InputType()
export class RoomFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => RoomStatus, { nullable: true })
  status?: RoomStatus | null;
}

// only orders an index gives, names by their reading (api/common/list.ts)
export enum RoomSortField {
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
  name = 'name',
}
registerEnumType(RoomSortField, { name: 'RoomSortField' });
export const RoomSort = SortInputOf<RoomSortField>(RoomSortField, 'RoomSort', RoomSortField.updatedAt);

@ArgsType()
export class RoomListArgs {
  @Field(() => RoomFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: RoomFilter;

  @Field(() => RoomSort, { nullable: true })
  sort?: InstanceType<typeof RoomSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

@InputType()
export class DirectoryFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  q?: string | null;

  @Field(() => ID, { nullable: true })
  officeId?: string | null;

  @Field(() => JobType, { nullable: true })
  jobType?: JobType | null;
}

@ArgsType()
export class DirectoryArgs {
  @Field(() => DirectoryFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: DirectoryFilter;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}

export { Title };
