import { Field, Int, ObjectType } from 'type-graphql';
import { PageResult } from '../common/list.js';
import { Application } from './application.entity.js';
import { ApplicationState } from './application.enums.js';

@ObjectType()
export class ApplicationPage extends PageResult(Application) {}

@ObjectType()
export class ApplicationStateCount {
  @Field(() => ApplicationState)
  state!: ApplicationState;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: 'What the public page shows after submission: nothing readable back' })
export class PublicReceipt {
  @Field({ description: 'Quote this when asking the city about the application' })
  receiptNumber!: string;

  @Field(() => Date)
  submittedAt!: Date;
}

@ObjectType({ description: 'One account on the credentials letter (ID/PW 通知書): shown once, to be printed and mailed' })
export class ActivationLetterEntry {
  @Field()
  loginId!: string;

  @Field()
  name!: string;

  @Field()
  nameKana!: string;

  @Field()
  officeName!: string;

  @Field()
  activationCode!: string;

  @Field(() => Date)
  expiresAt!: Date;
}
