import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, Field, FieldResolver, ID, Info, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { PageResult } from '../common/list.js';
import { people, PersonSummary } from '../users/person.js';
import { Post, PostAttachment, PostRevision } from './post.entity.js';
import { ClosingRequestArgs, PostEditInput, PostInput, PostListArgs } from './post.inputs.js';
import { PostService, postAttachments, readByViewer, readCounts, type PostView } from './post.service.js';
import { selectionOf } from '../common/read-rows.js';
import { OwnTransactions } from '../db/transaction.js';

@ObjectType()
export class PostPage extends PageResult(Post) {}

@ObjectType({ description: '既読: who read a post, and when' })
export class PostReader {
  @Field(() => PersonSummary)
  person!: PersonSummary;

  @Field(() => Date)
  readAt!: Date;
}

const svc = (ctx: Context) => new PostService(ctx);

/**
 * Why createPost and markPostsRead skip the default transaction: each writes in ONE statement,
 * atomic by itself. markRead reads and decides in that statement; createPost reads the room's
 * access row first, and its write's WHERE re-checks what the decision read (rooms/room.access.ts
 * accessUnchanged: CONFLICT if it changed). BEGIN and COMMIT would add two round trips and no
 * safety. A post with attachments opens its own transaction (PostService.create).
 */
const ONE_GUARDED_WRITE = 'one guarded write statement (PostService.create / markRead)';

@Resolver(() => Post)
export class PostResolver {
  @Query(() => PostPage, { description: 'A room’s notebook and care reports, newest first; filter by kind, title, author or words. Reading it is logged.' })
  posts(@Args() args: PostListArgs, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).list(args, selectionOf(info, ['items']));
  }

  @Query(() => [Post], { description: 'Care reports with vitals, oldest first, for the chart' })
  roomVitals(@Arg('roomId', () => ID) roomId: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return svc(ctx).vitals(roomId, selectionOf(info));
  }

  @Mutation(() => Post, { description: 'Members with a posting permission, while the room is open and the consent stands' })
  @OwnTransactions(ONE_GUARDED_WRITE)
  createPost(@Arg('roomId', () => ID) roomId: string, @Arg('input') input: PostInput, @Ctx() ctx: Context) {
    return svc(ctx).create(roomId, input);
  }

  @Mutation(() => Post, { description: 'The author corrects their post; the earlier version is kept' })
  editPost(@Arg('id', () => ID) id: string, @Arg('version', () => Int) version: number, @Arg('input') input: PostEditInput, @Ctx() ctx: Context) {
    return svc(ctx).edit(id, version, input);
  }

  @Mutation(() => Int, { description: 'Marks posts (all of the room’s when postIds is empty) read; returns how many were new' })
  @OwnTransactions(ONE_GUARDED_WRITE)
  markPostsRead(@Arg('roomId', () => ID) roomId: string, @Arg('postIds', () => [ID], { nullable: true }) postIds: string[] | null, @Ctx() ctx: Context) {
    return svc(ctx).markRead(roomId, postIds);
  }

  @Mutation(() => Post, { description: 'A member asks the city to end the room (death, facility admission…)' })
  requestRoomClosing(@Args() args: ClosingRequestArgs, @Ctx() ctx: Context) {
    return svc(ctx).requestClosing(args);
  }

  @FieldResolver(() => PersonSummary)
  author(@Root() post: PostView, @Ctx() ctx: Context) {
    return post.read?.author ?? people(ctx).load(post.author.id);
  }

  @FieldResolver(() => Int, { description: '既読: how many members other than the author have read it' })
  readCount(@Root() post: PostView, @Ctx() ctx: Context) {
    return post.read?.readCount ?? readCounts(ctx).load(post.id);
  }

  @FieldResolver(() => Boolean)
  readByMe(@Root() post: PostView, @Ctx() ctx: Context) {
    return post.read?.readByMe ?? readByViewer(ctx).load(post.id);
  }

  @FieldResolver(() => [PostReader])
  async readers(@Root() post: PostView, @Ctx() ctx: Context) {
    const reads = await svc(ctx).readers(post);
    return Promise.all(reads.map(async (r) => ({ person: await people(ctx).load(r.userId), readAt: r.readAt })));
  }

  @FieldResolver(() => [PostAttachment])
  attachments(@Root() post: PostView, @Ctx() ctx: Context) {
    return postAttachments(ctx).load(post.id);
  }

  @FieldResolver(() => [PostRevision], { description: 'Earlier versions, oldest first' })
  revisions(@Root() post: PostView, @Ctx() ctx: Context) {
    return post.editedAt ? svc(ctx).revisions(post) : [];
  }
}
