import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsOptional, Matches, ValidateNested } from 'class-validator';
import { Email, RequiredText, Text } from '../common/validation.js';
import { PageInput, SortInputOf } from '../common/list.js';
import { OfficeInput } from '../offices/office.inputs.js';
import { UserInput } from '../users/user.inputs.js';
import { ApplicationState, ApplicationType } from './application.enums.js';
import { AttachmentUpload } from './attachment.js';
import { ConsentInput, PatientInput } from '../patients/patient.inputs.js';
import { RoomPermission } from '../rooms/room.enums.js';

const DateString = () => Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' });

/** One person on the form, with the date of their 誓約書 (no account without it). */
@InputType()
export class StaffInput extends UserInput {
  @Field({ description: '従業者の誓約書の日付 (YYYY-MM-DD)' })
  @DateString()
  pledgedOn!: string;
}

@InputType()
export class OfficeRegistrationInput {
  @Field(() => OfficeInput)
  @ValidateNested()
  office!: OfficeInput;

  @Field({ description: '事業所の誓約書の日付 (YYYY-MM-DD)' })
  @DateString()
  officePledgedOn!: string;

  @Field(() => [StaffInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(50, { message: 'INVALID_VALUE' })
  staff!: StaffInput[];
}

@InputType()
export class StaffAdditionInput {
  @Field(() => [StaffInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(50, { message: 'INVALID_VALUE' })
  staff!: StaffInput[];
}

@InputType()
export class IdStopInput {
  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(100, { message: 'INVALID_VALUE' })
  userIds!: string[];

  @Field(() => String, { nullable: true, description: 'ID停止年月日 (YYYY-MM-DD); blank = today. Sign-in ends after this day.' })
  @IsOptional()
  @DateString()
  stopDate?: string | null;
}

@InputType({ description: 'A person the applicant asks to have in the room' })
export class RequestedMemberInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => RoomPermission, { defaultValue: RoomPermission.CONTRIBUTOR })
  permission!: RoomPermission;
}

/** 患者（利用者）部屋作成依頼書 (様式6) with the consent (様式5) */
@InputType()
export class RoomCreationInput {
  @Field(() => PatientInput)
  @ValidateNested()
  patient!: PatientInput;

  @Field(() => ConsentInput)
  @ValidateNested()
  consent!: ConsentInput;

  @Field(() => [RequestedMemberInput])
  @ValidateNested({ each: true })
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(50, { message: 'INVALID_VALUE' })
  members!: RequestedMemberInput[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(2000)
  note?: string | null;
}

/** 招待依頼: room, office, person */
@InputType()
export class RoomJoinInput {
  @Field(() => ID)
  roomId!: string;

  @Field(() => ID)
  userId!: string;

  @Field(() => RoomPermission, { defaultValue: RoomPermission.CONTRIBUTOR })
  permission!: RoomPermission;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(2000)
  note?: string | null;
}

/** The form: fill the part that matches the application's type. */
@InputType()
export class ApplicationInput {
  @Field(() => OfficeRegistrationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  officeRegistration?: OfficeRegistrationInput | null;

  @Field(() => StaffAdditionInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  staffAddition?: StaffAdditionInput | null;

  @Field(() => IdStopInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  idStop?: IdStopInput | null;

  @Field(() => RoomCreationInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  roomCreation?: RoomCreationInput | null;

  @Field(() => RoomJoinInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  roomJoin?: RoomJoinInput | null;
}

@ArgsType()
export class PublicRegistrationArgs {
  @Field({ description: '全国地方公共団体コード of the municipality applied to' })
  @Matches(/^\d{6}$/, { message: 'INVALID_VALUE' })
  municipalityCode!: string;

  @Field(() => OfficeRegistrationInput)
  @ValidateNested()
  input!: OfficeRegistrationInput;

  @Field({ description: '申請担当者名' })
  @RequiredText(200)
  applicantName!: string;

  @Field()
  @RequiredText(254)
  @Email()
  applicantEmail!: string;

  @Field(() => [AttachmentUpload], { nullable: true, description: 'scanned signed forms (PDF/JPEG/PNG, 5 MB each, 3 at most)' })
  @IsOptional()
  @ValidateNested({ each: true })
  attachments?: AttachmentUpload[] | null;
}

@InputType()
export class ApplicationFilter {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Text(100)
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => ApplicationType, { nullable: true })
  type?: ApplicationType | null;

  @Field(() => ApplicationState, { nullable: true })
  state?: ApplicationState | null;

  @Field(() => [ApplicationState], { nullable: true, description: 'any of these states (work queues)' })
  states?: ApplicationState[] | null;

  @Field(() => ID, { nullable: true })
  officeId?: string | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

// only orders an index gives, names by their reading (api/common/list.ts)
export enum ApplicationSortField {
  submittedAt = 'submittedAt',
  updatedAt = 'updatedAt',
}
registerEnumType(ApplicationSortField, { name: 'ApplicationSortField' });

export const ApplicationSort = SortInputOf<ApplicationSortField>(ApplicationSortField, 'ApplicationSort', ApplicationSortField.submittedAt);

@ArgsType()
export class ApplicationListArgs {
  @Field(() => ApplicationFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ApplicationFilter;

  @Field(() => ApplicationSort, { nullable: true })
  sort?: InstanceType<typeof ApplicationSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
