// One list convention for every resource (documented in README.md):
//   things(filter: ThingFilter, sort: ThingSort, page: PageInput): ThingPage { items total }
// page is 1-based; perPage is capped; sort fields are an enum per resource whose values are the entity's
// property names, each backed by an index for every caller whose scope grows with the data
// (tests/api/sort-indexes.test.ts). So an enum offers only orders an index gives: a kind, status or role
// is a filter, not a sort (ordering thousands of rows by a value few of them differ in would need an
// index per scope for nothing), and names sort by their reading (nameKana, 五十音順), not by kanji code points.
import { ArgsType, Field, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import { IsOptional, Max, MaxLength, Min } from 'class-validator';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './paging.js';

export enum SortOrder {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortOrder, { name: 'SortOrder' });

/**
 * Longest text a list filter takes (q, title, action…): a search term, never a document. Longer is
 * BAD_USER_INPUT (TOO_LONG) before any SQL runs; tests/api/bounded-work.test.ts walks the schema so
 * that every text field of every list's filter has a limit.
 */
export const MAX_FILTER_TEXT = 100;
export const FilterText =
  (max = MAX_FILTER_TEXT) =>
  (target: object, key: string) => {
    IsOptional()(target, key);
    MaxLength(max, { message: 'TOO_LONG' })(target, key);
  };

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: 1 })
  @Min(1, { message: 'INVALID_VALUE' })
  page!: number;

  @Field(() => Int, { defaultValue: DEFAULT_PER_PAGE })
  @Min(1, { message: 'INVALID_VALUE' })
  @Max(MAX_PER_PAGE, { message: 'INVALID_VALUE' })
  perPage!: number;
}

export function PageResult<T extends object>(itemType: ClassType<T>) {
  @ObjectType() // not emitted by itself: only the named subclasses are
  abstract class Page {
    @Field(() => [itemType])
    items!: T[];

    @Field(() => Int, { description: 'Rows matching the filter, ignoring paging' })
    total!: number;
  }
  return Page;
}

/**
 * A page of a list that grows for as long as the system runs (the audit trail, the outbox): whether
 * another page follows is known from one row read past the page, and `total` is counted only when
 * a caller asks for it. That count reads every matching row of the whole history, so its cost grows
 * with the years; the panel pages these lists by hasNextPage and never asks for it (read-rows.ts
 * readHistoryPage).
 */
export function HistoryPageResult<T extends object>(itemType: ClassType<T>) {
  @ObjectType() // not emitted by itself, as PageResult
  abstract class HistoryPage extends PageResult(itemType) {
    @Field({ description: 'Whether a page follows this one (known without counting the rows)' })
    hasNextPage!: boolean;

    @Field(() => Int, {
      description:
        'Rows matching the filter, ignoring paging: counted over the whole history when asked for, so it costs as much as the history is long (narrow it with the filter; page by hasNextPage)',
    })
    declare total: number;
  }
  return HistoryPage;
}

/** Sort input per resource: `field` is that resource's enum of sortable columns. */
export function SortInputOf<F extends string>(fieldEnum: object, name: string, defaultField: F) {
  @InputType(name)
  class Sort {
    @Field(() => fieldEnum, { defaultValue: defaultField })
    field!: F;

    @Field(() => SortOrder, { defaultValue: SortOrder.ASC })
    order!: SortOrder;
  }
  return Sort;
}

/**
 * MikroORM paging and ordering from the list arguments: `fields` are the sort enum's values (entity
 * property names; the first is the order without a sort). `id` breaks ties so pages are stable, except
 * after a field in `unique` (unique and never null), which orders the rows alone: so its unique index
 * serves the order (tests/api/sort-indexes.test.ts).
 */
export function findOptions(page: PageInput | undefined, sort: { field: string; order: SortOrder } | undefined, fields: readonly string[], unique: readonly string[] = []) {
  const p = page ?? { page: 1, perPage: DEFAULT_PER_PAGE };
  const perPage = Math.min(p.perPage ?? DEFAULT_PER_PAGE, MAX_PER_PAGE);
  const column = sort && fields.includes(sort.field) ? sort.field : fields[0];
  const order = sort?.order === SortOrder.DESC ? 'desc' : 'asc';
  return {
    limit: perPage,
    offset: (Math.max(1, p.page ?? 1) - 1) * perPage,
    orderBy: (unique.includes(column) ? [{ [column]: order }] : [{ [column]: order }, { id: order }]) as Record<string, 'asc' | 'desc'>[],
  };
}

@ArgsType()
export class IdArgs {
  @Field(() => String)
  id!: string;
}
