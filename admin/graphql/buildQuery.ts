// ra-data-graphql's buildQuery: react-admin's data-provider calls → the API's operations.
//   getList / getMany / getManyReference → things(filter, sort, page) { items total }
//   getOne → thing(id); create → createThing(input, ...); update → updateThing(id, version, input)
//   delete → the resource's stop/deactivate mutation (id, version): nothing is hard-deleted
import type { IntrospectionSchema } from 'graphql';
import type { BuildQueryFactory, BuildQueryResult } from 'ra-data-graphql';
import { buildOperation } from './operations';
import { mutationVariables } from './inputs';
import { resourceApi, type ResourceApi } from './resources';
import { inputType, namedType } from './schema';
import { listLocally, type Row } from './localList';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../../api/common/paging';

interface ListParams {
  filter?: Record<string, unknown>;
  sort?: { field: string; order: string };
  pagination?: { page: number; perPage: number };
}

function argType(schema: IntrospectionSchema, queryName: string, arg: string): string {
  const field = buildOperation(schema, 'query', queryName).field;
  const a = field.args.find((x) => x.name === arg);
  if (!a) throw new Error(`${queryName} has no argument ${arg}`);
  return namedType(a.type).name;
}

/** Only the filters the API declares, without empty values. */
function apiFilter(schema: IntrospectionSchema, api: ResourceApi, filter: Record<string, unknown> = {}): Record<string, unknown> {
  const allowed = new Set(inputType(schema, argType(schema, api.list, 'filter')).inputFields.map((f) => f.name));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (!allowed.has(key) || value === undefined || value === null) continue;
    if (typeof value === 'string' && value.trim() === '') continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

/** What the API can order a list by (its sort enum) and its default: read from the schema, never copied. */
export function listSorts(schema: IntrospectionSchema, queryName: string): { fields: string[]; defaultField: string } {
  const sortInput = inputType(schema, argType(schema, queryName, 'sort'));
  const fieldDef = sortInput.inputFields.find((f) => f.name === 'field')!;
  const enumType = schema.types.find((t) => t.name === namedType(fieldDef.type).name);
  const fields = enumType?.kind === 'ENUM' ? enumType.enumValues.map((v) => v.name) : [];
  return { fields, defaultField: fieldDef.defaultValue ?? fields[0] };
}

/**
 * react-admin's sort → the API's sort input, for the list query `queryName`: a column the API cannot
 * sort, or no sort, falls back to the schema's defaults (the field's, and ASC for the order).
 */
export function apiSort(schema: IntrospectionSchema, queryName: string, sort?: ListParams['sort']) {
  const { fields, defaultField } = listSorts(schema, queryName);
  const field = sort && fields.includes(sort.field) ? sort.field : defaultField;
  return { field, order: sort?.order === 'DESC' ? 'DESC' : 'ASC' } as const;
}

function apiPage(pagination?: ListParams['pagination']) {
  const perPage = Math.min(Math.max(pagination?.perPage ?? DEFAULT_PER_PAGE, 1), MAX_PER_PAGE);
  return { page: Math.max(pagination?.page ?? 1, 1), perPage };
}

function listQuery(schema: IntrospectionSchema, api: ResourceApi, params: ListParams): BuildQueryResult {
  const { document } = buildOperation(schema, 'query', api.list);
  if (!api.paged) {
    // a short, unpaged list (municipalities): filtered, sorted and paged here
    return {
      query: document,
      variables: {},
      parseResponse: (r) => listLocally(r.data.data as Row[], params),
    };
  }
  return {
    query: document,
    variables: { filter: apiFilter(schema, api, params.filter), sort: apiSort(schema, api.list, params.sort), page: apiPage(params.pagination) },
    parseResponse: (r) => ({ data: r.data.data.items, total: r.data.data.total }),
  };
}

const recordResponse: BuildQueryResult['parseResponse'] = (r) => ({ data: r.data.data });

export const buildQuery: BuildQueryFactory = (introspection) => (fetchType, resource, params) => {
  const schema = introspection.schema;
  const api = resourceApi(resource);
  switch (fetchType) {
    case 'GET_LIST':
      return listQuery(schema, api, params);
    case 'GET_MANY':
      return listQuery(schema, api, { filter: { ids: params.ids }, pagination: { page: 1, perPage: params.ids.length || 1 } });
    case 'GET_MANY_REFERENCE':
      return listQuery(schema, api, { ...params, filter: { ...params.filter, [params.target]: params.id } });
    case 'GET_ONE':
      return { query: buildOperation(schema, 'query', api.one).document, variables: { id: params.id }, parseResponse: recordResponse };
    case 'CREATE': {
      const { document, field } = buildOperation(schema, 'mutation', api.create);
      return { query: document, variables: mutationVariables(schema, field.args, params.data), parseResponse: recordResponse };
    }
    case 'UPDATE': {
      const { document, field } = buildOperation(schema, 'mutation', api.update);
      // optimistic locking: the version of the record as the user loaded it
      const version = params.previousData?.version ?? params.data?.version;
      return { query: document, variables: mutationVariables(schema, field.args, params.data, { id: params.id, version }), parseResponse: recordResponse };
    }
    case 'DELETE': {
      if (!api.remove) throw new Error(`${resource} cannot be deleted`);
      const { document } = buildOperation(schema, 'mutation', api.remove);
      return { query: document, variables: { id: params.id, version: params.previousData?.version }, parseResponse: recordResponse };
    }
    default:
      throw new Error(`${fetchType} is not supported for ${resource}`);
  }
};
