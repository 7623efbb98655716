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

/**
 * People by user id, one query for a whole page of posts or members. Read as plain rows, not
 * entities: these six columns are all a summary shows, and hydrating ~170 users with their
 * offices through the ORM took 15 ms of a 40 ms rooms page (bench/README.md).
 */
export const people = (ctx: Context) =>
  perRequest(ctx, 'people', () =>
    new DataLoader<string, PersonSummary>(async (ids) => {
      const rows = await ctx.em.getConnection().execute<PersonSummary[]>(
        `select u.id, u.name, u.name_kana as "nameKana", u.job_type as "jobType", o.id as "officeId", o.name as "officeName"
           from app_user u left join office o on o.id = u.office_id
          where u.id in (?)`,
        [ids as string[]],
        'all',
        ctx.em.getTransactionContext(), // inside a mutation's transaction, its own rows too
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? new Error(`no user ${id}`));
    }),
  );
