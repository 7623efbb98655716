// What people see of each other across offices (room members, post authors, the directory):
// name, job type and office, nothing more (no login ID, no e-mail).
import DataLoader from 'dataloader';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../context.js';
import { perRequest } from '../common/per-request.js';
import { Office } from '../offices/office.entity.js';
import { User } from './user.entity.js';
import { JobType } from './user.enums.js';

@ObjectType({ description: 'A person as other professionals see them' })
export class PersonSummary {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field()
  nameKana!: string;

  @Field(() => JobType)
  jobType!: JobType;

  @Field(() => ID, { nullable: true })
  officeId!: string | null;

  @Field(() => String, { nullable: true })
  officeName!: string | null;
}

export const personOf = (user: User, office: Office | null): PersonSummary => ({
  id: user.id,
  name: user.name,
  nameKana: user.nameKana,
  jobType: user.jobType,
  officeId: office?.id ?? null,
  officeName: office?.name ?? null,
});

/** People by user id, two queries for a whole page of posts or members. */
export const people = (ctx: Context) =>
  perRequest(ctx, 'people', () =>
    new DataLoader<string, PersonSummary>(async (ids) => {
      const users = await ctx.em.find(User, { id: { $in: ids as string[] } }, { populate: ['office'] });
      const byId = new Map(users.map((u) => [u.id, personOf(u, u.office?.getEntity() ?? null)]));
      return ids.map((id) => byId.get(id) ?? new Error(`no user ${id}`));
    }),
  );
