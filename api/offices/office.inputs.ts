import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsOptional, ValidateNested } from 'class-validator';
import { Email, Katakana, OfficeNumber, Phone, PostalCode, RequiredText, Text } from '../common/validation.js';
import { FilterText, PageInput, SortInputOf } from '../common/list.js';
import { CredentialsDelivery, OfficeKind, OfficeStatus, ServiceType } from './office.enums.js';

/** The editable fields of an office (様式1-2 / 2-2B / 2-2C); create and update send all of them. */
@InputType()
export class OfficeInput {
  @Field(() => OfficeKind)
  kind!: OfficeKind;

  @Field()
  @RequiredText(200)
  name!: string;

  @Field(() => String, { nullable: true })
  @Katakana()
  @Text(200)
  nameKana?: string | null;

  @Field(() => String, { nullable: true, description: '事業所番号 (10 digits)' })
  @OfficeNumber()
  officeNumber?: string | null;

  @Field(() => String, { nullable: true })
  @PostalCode()
  postalCode?: string | null;

  @Field()
  @RequiredText(300)
  address!: string;

  @Field()
  @RequiredText(20)
  @Phone()
  phone!: string;

  @Field(() => [ServiceType], { defaultValue: [] })
  serviceTypes!: ServiceType[];

  @Field(() => String, { nullable: true })
  @Text(200)
  serviceTypeOther?: string | null;

  @Field()
  @RequiredText(200)
  corporationName!: string;

  @Field()
  @RequiredText(200)
  @Katakana()
  corporationNameKana!: string;

  @Field()
  @RequiredText(100)
  representativeName!: string;

  @Field()
  @RequiredText(100)
  @Katakana()
  representativeNameKana!: string;

  @Field(() => String, { nullable: true })
  @PostalCode()
  corporationPostalCode?: string | null;

  @Field()
  @RequiredText(300)
  corporationAddress!: string;

  @Field()
  @RequiredText(20)
  @Phone()
  corporationPhone!: string;

  @Field()
  @RequiredText(254)
  @Email()
  contactEmail!: string;

  @Field(() => CredentialsDelivery, { defaultValue: CredentialsDelivery.OFFICE_ADDRESS })
  credentialsDelivery!: CredentialsDelivery;

  @Field(() => String, { nullable: true })
  @PostalCode()
  credentialsPostalCode?: string | null;

  @Field(() => String, { nullable: true })
  @Text(300)
  credentialsAddress?: string | null;

  @Field(() => String, { nullable: true })
  @Text(2000)
  note?: string | null;
}

@InputType()
export class OfficeFilter {
  @Field(() => String, { nullable: true, description: 'Part of the name, フリガナ or 事業所番号' })
  @FilterText()
  q?: string | null;

  @Field(() => [ID], { nullable: true })
  ids?: string[] | null;

  @Field(() => OfficeKind, { nullable: true })
  kind?: OfficeKind | null;

  @Field(() => OfficeStatus, { nullable: true })
  status?: OfficeStatus | null;

  @Field(() => ID, { nullable: true })
  municipalityId?: string | null;
}

// only orders an index gives, names by their reading (api/common/list.ts)
export enum OfficeSortField {
  nameKana = 'nameKana',
  officeNumber = 'officeNumber',
  createdAt = 'createdAt',
}
registerEnumType(OfficeSortField, { name: 'OfficeSortField' });

export const OfficeSort = SortInputOf<OfficeSortField>(OfficeSortField, 'OfficeSort', OfficeSortField.nameKana);

@ArgsType()
export class OfficeListArgs {
  @Field(() => OfficeFilter, { nullable: true })
  @IsOptional()
  @ValidateNested()
  filter?: OfficeFilter;

  @Field(() => OfficeSort, { nullable: true })
  sort?: InstanceType<typeof OfficeSort>;

  @Field(() => PageInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  page?: PageInput;
}
