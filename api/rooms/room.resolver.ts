import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PageResult } from '../common/list.js';
import { todayInTokyo } from '../common/dates.js';
import { Municipality } from '../municipalities/municipality.entity.js';
import { Consent } from '../patients/consent.entity.js';
import { Patient } from '../patients/patient.entity.js';
import { people, PersonSummary } from '../users/person.js';
import { Room, RoomMember } from './room.entity.js';
import { RoomPermission, RoomStatus } from './room.enums.js';
import { DirectoryArgs, MemberChangeInput, MemberInput, RoomListArgs } from './room.inputs.js';
import { RoomService, unreadCounts, type MemberView } from './room.service.js';
import type { RoomView } from './room.access.js';
import { consentsById } from '../patients/patient.reads.js';
import { selectionOf } from '../common/read-rows.js';
import { holdsMemberships, roomPolicy } from './room.policy.js';

@ObjectType()
export class RoomPage extends PageResult(Room) {}

@ObjectType()
export class DirectoryPage extends PageResult(PersonSummary) {}

@ObjectType({ description: 'How many rooms, without anything about who is in them' })
export class RoomCount {
  @Field(() => ID)
  municipalityId!: string;

  @Field(() => RoomStatus)
  status!: RoomStatus;

  @Field(() => Int)
  count!: number;
}

const svc = (ctx: Context) => new RoomService(ctx);

@Resolver(() => Room)
export class RoomResolver {
  @Query(() => RoomPage, { description: 'CITY: its municipality’s rooms; office staff: the rooms they are members of now' })
  rooms(@Args() args: RoomListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).list(args, selectionOf(info, ['items']));
  }

  @Query(() => Room)
  room(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).get(id, selectionOf(info));
  }

  @Query(() => DirectoryPage, { description: 'Active users of the municipality, to invite: name, office and job type only' })
  directory(@Args() args: DirectoryArgs, @Ctx() ctx: Context) {
    return svc(ctx).directory(args);
  }

  @Query(() => [RoomCount])
  roomCounts(@Ctx() ctx: Context) {
    return svc(ctx).counts();
  }

  @Mutation(() => RoomMember, { description: 'CITY adds a member directly' })
  addRoomMember(@Arg('roomId', () => ID) roomId: string, @Arg('member') member: MemberInput, @Ctx() ctx: Context) {
    return svc(ctx).addMember(roomId, member);
  }

  @Mutation(() => RoomMember)
  changeRoomMember(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input') input: MemberChangeInput, @Ctx() ctx: Context) {
    return svc(ctx).changeMember(id, version, input);
  }

  @Mutation(() => RoomMember, { description: 'Access ends at once; the membership stays in the history' })
  removeRoomMember(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Ctx() ctx: Context) {
    return svc(ctx).removeMember(id, version);
  }

  @Mutation(() => Room)
  setCareReportTitles(@Arg('roomId', () => ID) roomId: string, @Arg('version', () => Int) version: number, @Arg('titles', () => [String]) titles: string[], @Ctx() ctx: Context) {
    return svc(ctx).setTitles(roomId, version, titles);
  }

  @Mutation(() => Municipality, { description: 'The titles new rooms start with' })
  setDefaultCareReportTitles(@Arg('titles', () => [String]) titles: string[], @Ctx() ctx: Context) {
    return svc(ctx).setDefaultTitles(titles);
  }

  @Mutation(() => Consent, { description: 'A newly signed consent covers more offices' })
  coverOfficesByConsent(@Arg('roomId', () => ID) roomId: string, @Arg('officeIds', () => [ID]) officeIds: string[], @Ctx() ctx: Context) {
    return svc(ctx).coverOffices(roomId, officeIds);
  }

  @Mutation(() => Consent, { description: 'CITY or the room’s coordinator: sharing ends at once, the room turns read-only' })
  withdrawConsent(@Arg('roomId', () => ID) roomId: string, @Arg('note', () => String, { nullable: true }) note: string | null, @Ctx() ctx: Context) {
    return svc(ctx).withdrawConsent(roomId, note);
  }

  @FieldResolver(() => Patient, { description: 'Reading it is logged' })
  patient(@Root() room: RoomView, @Ctx() ctx: Context) {
    return svc(ctx).patient(room);
  }

  @FieldResolver(() => Consent, { description: 'Reading it is logged' })
  consent(@Root() room: RoomView, @Ctx() ctx: Context) {
    return svc(ctx).consent(room);
  }

  @FieldResolver(() => [RoomMember])
  members(@Root() room: RoomView, @Ctx() ctx: Context) {
    return svc(ctx).members(room);
  }

  @FieldResolver(() => RoomPermission, { nullable: true, description: 'The caller’s permission (office staff)' })
  async myPermission(@Root() room: RoomView, @Ctx() ctx: Context) {
    return (await svc(ctx).myMembership(room))?.permission ?? null;
  }

  @FieldResolver(() => Boolean, { description: 'Can the caller post now?' })
  async writable(@Root() room: RoomView, @Ctx() ctx: Context) {
    const membership = await svc(ctx).myMembership(room);
    if (!roomPolicy.write(ctx.viewer!, { membership, room, consentWithdrawn: false })) return false; // no need to load the consent
    return roomPolicy.write(ctx.viewer!, { membership, room, consentWithdrawn: !!(await consentsById(ctx).load(room.consent.id)).withdrawnAt });
  }

  @FieldResolver(() => Int, { description: 'Posts by others the caller has not read' })
  unreadCount(@Root() room: RoomView, @Ctx() ctx: Context) {
    return holdsMemberships(ctx.viewer!) ? unreadCounts(ctx).load(room.id) : 0;
  }
}

@Resolver(() => RoomMember)
export class RoomMemberResolver {
  @FieldResolver(() => PersonSummary)
  person(@Root() m: MemberView, @Ctx() ctx: Context) {
    return m.person ?? people(ctx).load(m.user.id);
  }

  @FieldResolver(() => Boolean, { description: 'Gives access today' })
  live(@Root() m: MemberView) {
    const today = todayInTokyo();
    return m.fromDate <= today && (!m.untilDate || m.untilDate >= today);
  }
}
