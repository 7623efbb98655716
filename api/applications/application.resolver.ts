import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { everyColumn, readAll, related, selectionOf } from '../common/read-rows.js';
import DataLoader from 'dataloader';
import type { Context } from '../context.js';
import { perRequest } from '../common/per-request.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Office } from '../offices/office.entity.js';
import { Application, ApplicationEvent, Attachment } from './application.entity.js';
import { ApplicationAction, ApplicationType } from './application.enums.js';
import { ApplicationInput, ApplicationListArgs, PublicRegistrationArgs } from './application.inputs.js';
import { ApplicationService } from './application.service.js';
import { applicationPolicy } from './application.policy.js';
import { eventsWithoutComments, isRoomForm, receiptNumber, logPatientDataRead, payloadWithoutPatient, readsPatientData, summaryWithoutPatient } from './patient-data.js';
import { GraphQLJSON } from 'graphql-scalars';
import { ActivationLetterEntry, ApplicationPage, ApplicationStateCount, PublicReceipt } from './application.types.js';
import { AttachmentUpload } from './attachment.js';
import { RoomSetupInput } from '../rooms/room.inputs.js';
import { OwnTransactions } from '../db/transaction.js';

const svc = (ctx: Context) => new ApplicationService(ctx);

/** Children of a page of applications, one query per kind for the whole page. */
const byApplication =
  <T extends { application: { id: string } }>(key: string, load: (ctx: Context, ids: string[]) => Promise<T[]>) =>
  (ctx: Context) =>
    perRequest(
      ctx,
      key,
      () =>
        new DataLoader<string, T[]>(async (ids) => {
          const rows = await load(ctx, ids as string[]);
          return ids.map((id) => rows.filter((r) => r.application.id === id));
        }),
    );
// plain rows, not entities (api/common/read-rows.ts); the file's content is lazy, never read here
const eventsOf = byApplication('applicationEvents', (ctx, ids) =>
  readAll<ApplicationEvent>(ctx, { entity: ApplicationEvent, where: { application: { $in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }], selection: everyColumn(ctx, ApplicationEvent) }),
);
const attachmentsOf = byApplication('applicationAttachments', (ctx, ids) =>
  readAll<Attachment>(ctx, { entity: Attachment, where: { application: { $in: ids } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], selection: everyColumn(ctx, Attachment) }),
);
const act = (ctx: Context, id: string, version: number, action: ApplicationAction, comment: string | null, input?: ApplicationInput) => svc(ctx).transition(id, version, action, comment, input);

@Resolver(() => Application)
export class ApplicationResolver {
  @Query(() => ApplicationPage, { description: 'CITY: its municipality; VENDOR: forwarded to it; office admin: its office' })
  applications(@Args() args: ApplicationListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).list(args, selectionOf(info, ['items']));
  }

  @Query(() => Application)
  application(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).read(id, selectionOf(info));
  }

  @Query(() => [ApplicationStateCount], { description: 'Work-queue counts for the dashboard' })
  applicationCounts(@Ctx() ctx: Context) {
    return svc(ctx).counts();
  }

  @Mutation(() => Application, { description: 'Office admin: for its office; CITY: a paper form typed in (officeId for staff addition and ID stop)' })
  submitApplication(
    @Arg('type', () => ApplicationType) type: ApplicationType,
    @Arg('input') input: ApplicationInput,
    @Arg('officeId', () => ID, { nullable: true }) officeId: string | null,
    @Arg('attachments', () => [AttachmentUpload], { nullable: true }) attachments: AttachmentUpload[] | null,
    @Ctx() ctx: Context,
  ) {
    return svc(ctx).submit(type, input, officeId, attachments);
  }

  @Mutation(() => PublicReceipt, { description: 'The public page: a new office applies without an account (rate-limited)' })
  // the rate-limit slot is taken on a connection of its own before the transaction opens: taken
  // inside it, 10 simultaneous submissions would hold every pooled connection while each waits for
  // one more (tests/api/throttling.test.ts, 20 at once)
  @OwnTransactions('the rate-limit slot is taken before the transaction (ApplicationService.submitPublic)')
  submitPublicRegistration(@Args() args: PublicRegistrationArgs, @Ctx() ctx: Context) {
    return svc(ctx).submitPublic(args);
  }

  @Mutation(() => Application, { description: 'The applicant corrects a returned application' })
  resubmitApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: ApplicationInput,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return act(ctx, id, version, ApplicationAction.RESUBMIT, comment, input);
  }

  @Mutation(() => Application, { description: 'CITY returns it for correction (comment required)' })
  returnApplication(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('comment') comment: string, @Ctx() ctx: Context) {
    return act(ctx, id, version, ApplicationAction.RETURN, comment);
  }

  @Mutation(() => Application, { description: 'CITY rejects it (reason required)' })
  rejectApplication(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('comment') comment: string, @Ctx() ctx: Context) {
    return act(ctx, id, version, ApplicationAction.REJECT, comment);
  }

  @Mutation(() => Application, { description: 'CITY approves and forwards it to the vendor' })
  // one write statement after one read, its version and state guarded in its WHERE (ApplicationService.forward):
  // BEGIN and COMMIT would add two round trips and no safety
  @OwnTransactions('one guarded write statement (ApplicationService.forward)')
  forwardApplication(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return svc(ctx).forward(id, version, comment, selectionOf(info));
  }

  @Mutation(() => Application, { description: 'VENDOR completes an account form (offices and accounts created, or stops scheduled); CITY completes a join or closing request' })
  completeApplication(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: Context) {
    return act(ctx, id, version, ApplicationAction.COMPLETE, comment);
  }

  @Mutation(() => Application, { description: 'CITY creates the room from a 様式6 application: members, permissions and care-report titles in one action (⑫–⑮)' })
  createRoomFromApplication(
    @Arg('applicationId', () => ID) applicationId: string,
    @Arg('version', () => Int) version: number,
    @Arg('setup') setup: RoomSetupInput,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    return svc(ctx).transition(applicationId, version, ApplicationAction.COMPLETE, comment, undefined, setup);
  }

  @Mutation(() => Application, { description: 'The applicant withdraws it' })
  withdrawApplication(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('comment', () => String, { nullable: true }) comment: string | null, @Ctx() ctx: Context) {
    return act(ctx, id, version, ApplicationAction.WITHDRAW, comment);
  }

  @Mutation(() => [Attachment])
  addApplicationAttachments(@Arg('applicationId', () => ID) applicationId: string, @Arg('attachments', () => [AttachmentUpload]) attachments: AttachmentUpload[], @Ctx() ctx: Context) {
    return svc(ctx).attach(applicationId, attachments);
  }

  @Mutation(() => [ActivationLetterEntry], { description: 'Fresh activation codes for the new accounts of a completed application, for the printed letter (earlier codes stop working)' })
  issueActivationLetter(@Arg('applicationId', () => ID) applicationId: string, @Ctx() ctx: Context) {
    return svc(ctx).activationLetter(applicationId);
  }

  @FieldResolver(() => Municipality)
  municipality(@Root() app: Application) {
    return related(app.municipality); // a read's row: JSON from its statement; an entity: batched by MikroORM's dataloader
  }

  @FieldResolver(() => Office, { nullable: true })
  office(@Root() app: Application) {
    return related(app.office);
  }

  @FieldResolver(() => String, { description: '受付番号: the 8 characters the applicant is told to quote (the id’s first 8, upper case); the list’s q finds it' })
  receiptNumber(@Root() app: Application) {
    return receiptNumber(app.id);
  }

  // A room form's patient data (its summary, payload, scanned consent and the comments typed about
  // it) goes only to whom application.policy.ts allows; each such read is logged with the patient.

  @FieldResolver(() => String)
  async summary(@Root() app: Application, @Ctx() ctx: Context) {
    return (await readsPatientData(ctx, app)) ? app.summary : summaryWithoutPatient(app);
  }

  @FieldResolver(() => GraphQLJSON)
  async payload(@Root() app: Application, @Ctx() ctx: Context) {
    return (await readsPatientData(ctx, app)) ? app.payload : payloadWithoutPatient(app);
  }

  @FieldResolver(() => [ApplicationEvent], { description: 'The history, oldest first (a room form’s comments only with its patient data)' })
  async events(@Root() app: Application, @Ctx() ctx: Context) {
    const events = await eventsOf(ctx).load(app.id);
    if (!isRoomForm(app) || !events.some((e) => e.comment)) return events;
    return (await readsPatientData(ctx, app)) ? events : eventsWithoutComments(events);
  }

  @FieldResolver(() => [Attachment], { description: 'The scanned forms (a room form’s signed consent only with its patient data)' })
  async attachments(@Root() app: Application, @Ctx() ctx: Context) {
    if (!applicationPolicy.canReadPatientData(ctx.viewer!, app)) return [];
    const files = await attachmentsOf(ctx).load(app.id);
    if (files.length) await logPatientDataRead(ctx, app);
    return files;
  }

  @FieldResolver(() => [ApplicationAction], { description: 'What the caller may do now (the panel’s buttons)' })
  allowedActions(@Root() app: Application, @Ctx() ctx: Context) {
    return svc(ctx).allowedActions(app);
  }
}
