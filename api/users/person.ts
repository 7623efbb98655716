// What people see of each other across offices (room members, post authors, the directory):
// name, job type and office, nothing more (no login ID, no e-mail).
import DataLoader from 'dataloader';
import { Field, ID, ObjectType } from 'type-graphql';
import type { Context } from '../context.js';
import { sqlArray, sqlRows } from '../db/rows.js';
import { perRequest } from '../common/per-request.js';
import { fieldsSelection, readPage } from '../common/read-rows.js';
import type { FilterQuery } from '@mikro-orm/core';
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

/**
 * People by user id, one query for a whole page of posts or members. Read as plain rows, not
 * entities: these six columns are all a summary shows, and hydrating ~170 users with their
 * offices through the ORM took 15 ms of a 40 ms rooms page (bench/README.md).
 */
export const people = (ctx: Context) =>
  perRequest(
    ctx,
    'people',
    () =>
      new DataLoader<string, PersonSummary>(async (ids) => {
        // inside a mutation's transaction, on its connection: its own rows too
        const rows = await sqlRows<PersonSummary>(
          ctx.em,
          `select u.id, u.name, u.name_kana as "nameKana", u.job_type as "jobType", o.id as "officeId", o.name as "officeName"
           from app_user u left join office o on o.id = u.office_id
          where u.id = any(?::uuid[])`,
          [sqlArray(ids)],
        );
        const byId = new Map(rows.map((r) => [r.id, r]));
        return ids.map((id) => byId.get(id) ?? new Error(`no user ${id}`));
      }),
  );

const summaryFields = fieldsSelection('id', 'name', 'nameKana', 'jobType', 'officeId', 'officeName');
const summaryColumns = {
  officeId: (a: string) => `${a}.office_id`,
  officeName: (a: string) => `(select o.name from office o where o.id = ${a}.office_id)`,
};

/**
 * A page of people (the directory, the person picker) and its total in one statement, as plain
 * rows (api/common/read-rows.ts). `where` is the caller's scope and filters; a summary's six
 * columns are all it has, so they are always read.
 */
export function readPeople(ctx: Context, where: FilterQuery<User>, paging: { limit: number; offset: number; orderBy: Record<string, 'asc' | 'desc'>[] }) {
  return readPage<User, PersonSummary>(ctx, { entity: User, where, paging, selection: summaryFields, computed: summaryColumns });
}
