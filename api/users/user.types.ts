import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'One account on the credentials letter (ID通知書), from issueActivationCodes: shown once, to be printed and handed over' })
export class ActivationCodeEntry {
  @Field()
  loginId!: string;

  @Field()
  name!: string;

  @Field()
  nameKana!: string;

  @Field({ description: 'The office, or the municipality of a CITY account; empty for VENDOR accounts' })
  officeName!: string;

  @Field()
  activationCode!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
