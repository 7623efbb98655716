// The panel's one door to the API. The resources (offices, users, municipalities…) run on
// ra-data-graphql with our buildQuery over the bundled schema; everything that is not CRUD is a
// custom method on the same Apollo client (graphql/client.ts), each area's in its folder
// (rooms/api.ts, reports/api.ts…, over the generated operations of its *.graphql file), called as
// `dataProvider.room(id)` through graphql/useApi.ts. Every error becomes one HttpError shape
// (graphql/errors.ts).
import buildGraphQLProvider from 'ra-data-graphql';
import type { DataProvider, Identifier, RaRecord } from 'react-admin';
import { buildQuery } from './graphql/buildQuery';
import { buildOperation } from './graphql/operations';
import { fieldPathMapper } from './graphql/fieldPaths';
import { introspectionSchema } from './graphql/schema';
import { resourceApi } from './graphql/resources';
import { toApiError } from './graphql/errors';
import { client } from './graphql/client';
import { roomMethods } from './rooms/api';
import { roomApplicationMethods } from './rooms/applicationApi';
import { applicationMethods } from './applications/api';
import { reportMethods } from './reports/api';
import { tokenMethods } from './tokens/api';
import { auditMethods } from './audit/api';
import { fhirMethods } from './fhir/api';

// react-admin keeps its own cache: Apollo's would only hold stale copies
const noCache = () => ({ fetchPolicy: 'no-cache' as const });

const graphqlProvider = buildGraphQLProvider({
  client,
  introspection: { schema: introspectionSchema },
  buildQuery,
  query: noCache,
  mutation: noCache,
});

/** Which mutation a write call runs, to put its field errors on the right form inputs. */
function mutationOf(method: string, resource: string): string | null {
  const api = resourceApi(resource);
  if (method === 'create') return api.create;
  if (method === 'update') return api.update;
  if (method === 'delete') return api.remove ?? null;
  return null;
}

async function call<T>(method: string, resource: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const mutation = mutationOf(method, resource);
    throw toApiError(error, mutation ? fieldPathMapper(introspectionSchema, mutation) : undefined);
  }
}

/** Runs one named mutation with the given variables; the result is the returned record. */
async function mutate<T extends RaRecord>(name: string, variables: Record<string, unknown>): Promise<{ data: T }> {
  try {
    const { document } = buildOperation(introspectionSchema, 'mutation', name);
    const result = await client.mutate({ mutation: document, variables, fetchPolicy: 'no-cache' });
    return { data: (result.data as { data: T }).data };
  } catch (error) {
    throw toApiError(error, fieldPathMapper(introspectionSchema, name));
  }
}

const customMethods = { ...roomMethods, ...roomApplicationMethods, ...applicationMethods, ...reportMethods, ...tokenMethods, ...auditMethods, ...fhirMethods };

export interface PanelDataProvider extends DataProvider, Readonly<typeof customMethods> {
  unlockUser: (id: Identifier) => Promise<{ data: RaRecord }>;
  resetUserCredentials: (id: Identifier) => Promise<{ data: RaRecord }>;
  reactivateUser: (record: RaRecord) => Promise<{ data: RaRecord }>;
  reactivateOffice: (record: RaRecord) => Promise<{ data: RaRecord }>;
}

export const dataProvider: PanelDataProvider = {
  getList: (resource, params) => call('getList', resource, () => graphqlProvider.getList(resource, params)),
  getOne: (resource, params) => call('getOne', resource, () => graphqlProvider.getOne(resource, params)),
  getMany: (resource, params) => call('getMany', resource, () => graphqlProvider.getMany(resource, params)),
  getManyReference: (resource, params) => call('getManyReference', resource, () => graphqlProvider.getManyReference(resource, params)),
  create: (resource, params) => call('create', resource, () => graphqlProvider.create(resource, params)),
  update: (resource, params) => call('update', resource, () => graphqlProvider.update(resource, params)),
  delete: (resource, params) => call('delete', resource, () => graphqlProvider.delete(resource, params)),
  // the API has no bulk writes; the panel offers none
  updateMany: () => Promise.reject(new Error('updateMany is not supported')),
  deleteMany: () => Promise.reject(new Error('deleteMany is not supported')),

  unlockUser: (id) => mutate('unlockUser', { id }),
  resetUserCredentials: (id) => mutate('resetUserCredentials', { id }),
  reactivateUser: (record) => mutate('reactivateUser', { id: record.id, version: record.version }),
  reactivateOffice: (record) => mutate('reactivateOffice', { id: record.id, version: record.version }),
  ...customMethods,
};
