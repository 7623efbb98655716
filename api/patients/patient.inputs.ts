import { Field, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, Matches } from 'class-validator';
import { InsuredNumber, Katakana, Phone, PostalCode, RequiredText, Text } from '../common/validation.js';
import { CareLevel, ConsentSigner, Sex } from './patient.enums.js';

/** 患者（利用者）情報 (様式6) */
@InputType()
export class PatientInput {
  @Field()
  @RequiredText(100)
  name!: string;

  @Field({ description: 'フリガナ' })
  @RequiredText(100)
  @Katakana()
  nameKana!: string;

  @Field(() => Sex)
  sex!: Sex;

  @Field({ description: '生年月日: 和暦 (昭和15年3月2日, S15.3.2) or western (1940-03-02)' })
  @RequiredText(30)
  birthDate!: string;

  @Field(() => String, { nullable: true })
  @PostalCode()
  postalCode?: string | null;

  @Field()
  @RequiredText(300)
  address!: string;

  @Field(() => String, { nullable: true })
  @Phone()
  phone?: string | null;

  @Field(() => CareLevel)
  careLevel!: CareLevel;

  @Field(() => String, { nullable: true, description: '被保険者番号 (10 digits)' })
  @InsuredNumber()
  insuredNumber?: string | null;
}

/** 情報共有同意書 (様式5) */
@InputType()
export class ConsentInput {
  @Field({ description: 'YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'DATE' })
  consentDate!: string;

  @Field(() => ConsentSigner)
  signer!: ConsentSigner;

  @Field(() => String, { nullable: true })
  @Text(100)
  proxyName?: string | null;

  @Field(() => String, { nullable: true })
  @Text(50)
  proxyRelationship?: string | null;

  @Field(() => ID)
  explainingOfficeId!: string;

  @Field()
  @RequiredText(100)
  explainingPersonName!: string;

  @Field(() => [ID])
  @ArrayMinSize(1, { message: 'REQUIRED' })
  @ArrayMaxSize(50, { message: 'INVALID_VALUE' })
  coveredOfficeIds!: string[];
}
