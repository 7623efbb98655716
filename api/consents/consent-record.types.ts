// One row of the consents register: the consent (様式5) with the patient and room it belongs to,
// read as a plain row in one statement (no entities: it is a read).
import { ArgsType, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import { PageInput, PageResult, SortInputOf } from '../common/list.js';
import { ConsentSigner } from '../patients/patient.enums.js';
import { RoomStatus } from '../rooms/room.enums.js';

@ObjectType({ description: '同意書の一覧の1行 (CITY)' })
export class ConsentRecord {
  @Field(() => ID, { description: 'The consent' })
  id!: string;

  @Field(() => ID)
  roomId!: string;

  @Field()
  roomName!: string;

  @Field(() => RoomStatus)
  roomStatus!: RoomStatus;

  @Field(() => ID)
  patientId!: string;

  @Field()
  patientName!: string;

  @Field({ description: 'フリガナ' })
  patientNameKana!: string;

  @Field({ description: '同意日 (YYYY-MM-DD, Japan)' })
  consentDate!: string;

  @Field(() => ConsentSigner, { description: '本人 or 代理人' })
  signer!: ConsentSigner;

  @Field(() => String, { nullable: true })
  proxyName!: string | null;

  @Field(() => String, { nullable: true, description: '続柄' })
  proxyRelationship!: string | null;

  @Field({ description: 'システム利用同意取得事業所' })
  explainingOfficeName!: string;

  @Field({ description: '説明者' })
  explainingPersonName!: string;

  @Field(() => [String], { description: 'The offices the consent covers' })
  coveredOfficeNames!: string[];

  @Field(() => Date, { nullable: true })
  withdrawnAt!: Date | null;

  @Field(() => String, { nullable: true })
  withdrawalNote!: string | null;

  @Field(() => ID, { nullable: true, description: 'The scanned signed form: /attachments/<id>' })
  formAttachmentId!: string | null;
}

@ObjectType()
export class ConsentRecordPage extends PageResult(ConsentRecord) {}

export enum ConsentSortField {
  consentDate = 'consentDate',
  patientNameKana = 'patientNameKana',
  withdrawnAt = 'withdrawnAt',
}
registerEnumType(ConsentSortField, { name: 'ConsentSortField' });

export const ConsentSort = SortInputOf<ConsentSortField>(ConsentSortField, 'ConsentSort', ConsentSortField.consentDate);

@InputType()
export class ConsentFilter {
  @Field(() => String, { nullable: true, description: "The patient's name or フリガナ" })
  @IsOptional()
  @MaxLength(100, { message: 'TOO_LONG' })
  q?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: withdrawn only; false: in force only' })
  withdrawn?: boolean | null;

  @Field(() => ID, { nullable: true })
  explainingOfficeId?: string | null;

  @Field(() => ID, { nullable: true, description: 'One room (its consent)' })
  roomId?: string | null;

  @Field(() => String, { nullable: true, description: 'Consent date from (YYYY-MM-DD)' })
  @IsOptional()
  @MaxLength(10, { message: 'TOO_LONG' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' })
  consentDateFrom?: string | null;

  @Field(() => String, { nullable: true, description: 'Consent date to (YYYY-MM-DD)' })
  @IsOptional()
  @MaxLength(10, { message: 'TOO_LONG' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' })
  consentDateTo?: string | null;
}

@ArgsType()
export class ConsentListArgs {
  @Field(() => ConsentFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: ConsentFilter;

  @Field(() => ConsentSort, { nullable: true })
  sort?: InstanceType<typeof ConsentSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
