import { randomUUID } from 'node:crypto';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { BaseEntity } from '../common/base.entity.js';
import { StoredFile } from '../common/stored-file.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { User } from '../users/user.entity.js';
import { ApplicationAction, ApplicationState, ApplicationType } from './application.enums.js';

/** How the form reached the system. */
export enum ApplicationChannel {
  /** filed online by the office admin */
  OFFICE = 'OFFICE',
  /** a paper form typed in by the city */
  CITY = 'CITY',
  /** the public page, by an office that has no account yet */
  PUBLIC = 'PUBLIC',
}
registerEnumType(ApplicationChannel, { name: 'ApplicationChannel' });

/** 申請: one paper form, as a record that moves through the state machine (application.workflow.ts). */
@ObjectType()
@Entity()
@Index({ properties: ['municipality', 'state', 'submittedAt'] })
@Index({ properties: ['office', 'state'] })
@Index({ properties: ['state', 'submittedAt'] })
// the list's orders (ApplicationSortField), for a CITY's municipality and for VENDOR's forwarded forms
@Index({ properties: ['municipality', 'submittedAt', 'id'] })
@Index({ properties: ['municipality', 'updatedAt', 'id'] })
@Index({ properties: ['submittedAt', 'id'] })
@Index({ properties: ['updatedAt', 'id'] })
// 受付番号 search (the id's first 8 characters, as the applicant quotes them)
@Index({ name: 'application_receipt_number', expression: 'create index "application_receipt_number" on "application" (upper(left(id::text, 8)))' })
export class Application extends BaseEntity<'state' | 'submittedAt' | 'firstSubmittedAt'> {
  @ManyToOne(() => Municipality, { ref: true, deleteRule: 'restrict' })
  municipality!: Ref<Municipality>;

  @Field(() => ApplicationType)
  @Enum({ items: () => ApplicationType })
  type!: ApplicationType;

  @Field(() => ApplicationState)
  @Enum({ items: () => ApplicationState, default: ApplicationState.SUBMITTED })
  state: ApplicationState = ApplicationState.SUBMITTED;

  @Field(() => ApplicationChannel)
  @Enum({ items: () => ApplicationChannel })
  channel!: ApplicationChannel;

  /** The office concerned; for a registration, set when it is completed. */
  @ManyToOne(() => Office, { ref: true, nullable: true, deleteRule: 'restrict' })
  office?: Ref<Office> | null;

  /** Who filed it (null for the public page). */
  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'restrict' })
  applicant?: Ref<User> | null;

  @Field({ description: 'Who is applying, as written on the form' })
  @Property({ length: 200 })
  applicantName!: string;

  /** Where notices about this application go (never with patient data or credentials). */
  @Field()
  @Property({ length: 254 })
  applicantEmail!: string;

  /** One line for lists and search: the office and the people concerned. */
  @Field({ description: 'One line for lists and search. A room form names its patient: to whom may not read that, its receipt number only' })
  @Property({ length: 500 })
  summary!: string;

  /**
   * Room forms: the patient the form concerns, known from submission so that every read of the
   * form is logged with it before the room exists (the room's Patient row is created with this
   * id; join and closing requests take their room's patient). Not exposed; null for account forms.
   */
  @Property({ type: 'uuid', nullable: true })
  patientId?: string | null;

  /** The form's fields (see application.payload.ts for the shapes). */
  @Field(() => GraphQLJSON, {
    description: 'The form’s fields. A room form’s patient data only to whom may read it (the city; its applicant while SUBMITTED or RETURNED), else only the room it concerns',
  })
  @Property({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  submittedAt: Date = new Date();

  /**
   * 初回提出: the first submission, which a correction (RESUBMIT moves submittedAt) leaves as it was.
   * The applications report counts each step's days from it (api/reports/kept-counts.entity.ts).
   */
  @Property({ type: 'timestamptz', onCreate: (app: Application) => app.submittedAt })
  firstSubmittedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  forwardedAt?: Date | null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  completedAt?: Date | null;
}

/** One step in an application's history: who, when, from which state to which, and why. */
@ObjectType()
@Entity()
export class ApplicationEvent {
  [OptionalProps]?: 'at';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Application, { ref: true, index: true, deleteRule: 'restrict' })
  application!: Ref<Application>;

  @Field(() => ApplicationAction)
  @Enum({ items: () => ApplicationAction })
  action!: ApplicationAction;

  @Field(() => ApplicationState, { nullable: true })
  @Enum({ items: () => ApplicationState, nullable: true })
  fromState?: ApplicationState | null;

  @Field(() => ApplicationState)
  @Enum({ items: () => ApplicationState })
  toState!: ApplicationState;

  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorId?: string | null;

  @Field()
  @Property({ length: 200 })
  actorName!: string;

  @Field(() => String, { nullable: true })
  @Property({ length: 10, nullable: true })
  actorRole?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at: Date = new Date();
}

/** A scanned paper form (PDF or image) of an application. */
@ObjectType()
@Entity()
export class Attachment extends StoredFile {
  @ManyToOne(() => Application, { ref: true, index: true, deleteRule: 'restrict' })
  application!: Ref<Application>;

  @Property({ type: 'uuid', nullable: true })
  uploadedBy?: string | null;
}
