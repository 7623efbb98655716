// How each react-admin resource maps onto the API's operations (see the list convention in
// schema.graphql). Everything else (fields, inputs, sort enums) is read from the schema.
export interface ResourceApi {
  /** GraphQL object type of a record */
  type: string;
  /** list query; `paged` ones take (filter, sort, page) and return { items total } */
  list: string;
  paged: boolean;
  one: string;
  create: string;
  update: string;
  /** "delete" in the panel: nothing is hard-deleted, this stops or deactivates */
  remove?: string;
}

export const resourceApis: Record<string, ResourceApi> = {
  offices: { type: 'Office', list: 'offices', paged: true, one: 'office', create: 'createOffice', update: 'updateOffice', remove: 'deactivateOffice' },
  users: { type: 'User', list: 'users', paged: true, one: 'user', create: 'createUser', update: 'updateUser', remove: 'stopUser' },
  municipalities: { type: 'Municipality', list: 'municipalities', paged: false, one: 'municipality', create: 'createMunicipality', update: 'updateMunicipality' },
};

export function resourceApi(resource: string): ResourceApi {
  const api = resourceApis[resource];
  if (!api) throw new Error(`Unknown resource ${resource}`);
  return api;
}

/** Fields selected on records referenced from another record (User.office, Office.municipality). */
export const SUMMARY_FIELDS = ['id', 'name', 'kind', 'code', 'status'];
