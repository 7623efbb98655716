// The data provider for the account lifecycle and reporting resources (applications,
// notifications, auditEvents), wrapped around the panel's schema-driven one: their lists take
// no sort or a different filter shape, and an application's detail needs its history and
// attachments. Every other resource and method goes to the base provider unchanged.
// `graphql` runs one operation for the pages and buttons (actions, reports, tokens); it goes
// through react-admin's useDataProvider, so an ended session signs the user out (checkError).
import type { CreateParams, DataProvider, GetListParams, GetManyParams, GetOneParams, RaRecord, UpdateParams } from 'react-admin';
import type { PanelDataProvider } from '../dataProvider';
import { graphqlRequest } from '../graphql/transport';
import { APPLICATION, APPLICATIONS, ADD_ATTACHMENTS, RESUBMIT_APPLICATION, SUBMIT_APPLICATION } from './queries';
import { applicationInput } from './formValues';
import { toUploads, type FileInputValue } from './files';
import { NOTIFICATIONS } from '../notifications/queries';
import { AUDIT_EVENTS, auditFilter } from '../audit/queries';
import { CONSENTS, CONSENT_SORT } from '../consents/queries';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../../api/common/paging';

type Page<T = RaRecord> = { items: T[]; total: number };
type Vars = Record<string, unknown>;

function page(pagination?: GetListParams['pagination']) {
  return { page: Math.max(pagination?.page ?? 1, 1), perPage: Math.min(Math.max(pagination?.perPage ?? DEFAULT_PER_PAGE, 1), MAX_PER_PAGE) };
}

/** Only non-empty values of the declared keys. */
function pick(filter: Vars | undefined, keys: string[]): Vars {
  const out: Vars = {};
  for (const key of keys) {
    const value = filter?.[key];
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
  }
  return out;
}

const APPLICATION_SORT = ['submittedAt', 'updatedAt', 'type', 'state'];

interface ResourceHandler {
  getList: (params: GetListParams) => Promise<{ data: RaRecord[]; total: number }>;
  getOne?: (params: GetOneParams) => Promise<{ data: RaRecord }>;
  getMany?: (params: GetManyParams) => Promise<{ data: RaRecord[] }>;
  create?: (params: CreateParams) => Promise<{ data: RaRecord }>;
  update?: (params: UpdateParams) => Promise<{ data: RaRecord }>;
}

const listOf = async (query: string, variables: Vars) => {
  const data = await graphqlRequest<Record<string, Page>>(query, variables);
  const result = Object.values(data)[0];
  return { data: result.items, total: result.total };
};

const applications: ResourceHandler = {
  getList: ({ filter, sort, pagination }) =>
    listOf(APPLICATIONS, {
      filter: pick(filter, ['q', 'type', 'state', 'states', 'officeId', 'ids']),
      sort: { field: sort && APPLICATION_SORT.includes(sort.field) ? sort.field : 'submittedAt', order: sort?.order === 'ASC' ? 'ASC' : 'DESC' },
      page: page(pagination),
    }),
  getOne: async ({ id }) => ({ data: (await graphqlRequest<{ application: RaRecord }>(APPLICATION, { id })).application }),
  getMany: async ({ ids }) => ({ data: (await listOf(APPLICATIONS, { filter: { ids }, page: { page: 1, perPage: Math.max(ids.length, 1) } })).data }),
  // submitApplication: `type`, the office (CITY, for staff addition and ID stop), the form's part, the scans
  create: async ({ data }) => {
    const variables = {
      type: data.type,
      officeId: data.officeId || null,
      input: applicationInput(data.type, data, data.officeKind),
      attachments: await toUploads(data.attachments as FileInputValue[]),
    };
    return { data: (await graphqlRequest<{ submitApplication: RaRecord }>(SUBMIT_APPLICATION, variables)).submitApplication };
  },
  // the applicant's correction: resubmitApplication with the version as loaded, after any new scans
  update: async ({ id, data, previousData }) => {
    const uploads = await toUploads(data.newAttachments as FileInputValue[]);
    if (uploads) await graphqlRequest(ADD_ATTACHMENTS, { applicationId: id, attachments: uploads });
    const variables = { id, version: previousData.version, input: applicationInput(previousData.type, data, data.officeKind), comment: data.comment?.trim() || null };
    return { data: (await graphqlRequest<{ resubmitApplication: RaRecord }>(RESUBMIT_APPLICATION, variables)).resubmitApplication };
  },
};

const notifications: ResourceHandler = {
  getList: ({ filter, pagination }) => listOf(NOTIFICATIONS, { filter: pick(filter, ['status']), page: page(pagination) }),
};

const auditEvents: ResourceHandler = {
  getList: ({ filter, pagination }) => listOf(AUDIT_EVENTS, { filter: auditFilter(filter), page: page(pagination) }),
};

// 同意書の一覧: `withdrawn` comes from a select as 'true' / 'false'
const consents: ResourceHandler = {
  getList: ({ filter, sort, pagination }) => {
    const f = pick(filter, ['q', 'explainingOfficeId', 'roomId', 'consentDateFrom', 'consentDateTo']);
    if (filter?.withdrawn === 'true' || filter?.withdrawn === true) f.withdrawn = true;
    if (filter?.withdrawn === 'false' || filter?.withdrawn === false) f.withdrawn = false;
    return listOf(CONSENTS, {
      filter: f,
      sort: { field: sort && CONSENT_SORT.includes(sort.field) ? sort.field : 'consentDate', order: sort?.order === 'ASC' ? 'ASC' : 'DESC' },
      page: page(pagination),
    });
  },
};

const handlers: Record<string, ResourceHandler> = { applications, notifications, auditEvents, consents };

export interface WorkflowDataProvider extends PanelDataProvider {
  /** One GraphQL operation; the result is the response's `data`. */
  graphql: <T = Record<string, unknown>>(query: string, variables?: Vars) => Promise<T>;
}

const unsupported = (method: string, resource: string) => Promise.reject(new Error(`${method} is not supported for ${resource}`));

export function withAccountWorkflow(base: PanelDataProvider): WorkflowDataProvider {
  const route =
    <K extends keyof ResourceHandler>(method: K, fallback: (resource: string, params: any) => Promise<any>) =>
    (resource: string, params: any) => {
      const handler = handlers[resource];
      if (!handler) return fallback(resource, params);
      const fn = handler[method] as ((p: unknown) => Promise<unknown>) | undefined;
      return fn ? fn(params) : unsupported(method, resource);
    };
  const dp: DataProvider = base;
  return {
    ...base,
    getList: route('getList', dp.getList),
    getOne: route('getOne', dp.getOne),
    getMany: route('getMany', dp.getMany),
    create: route('create', dp.create),
    update: route('update', dp.update),
    getManyReference: (resource, params) => (handlers[resource] ? unsupported('getManyReference', resource) : dp.getManyReference(resource, params)),
    delete: (resource, params) => (handlers[resource] ? unsupported('delete', resource) : dp.delete(resource, params)),
    graphql: (query, variables) => graphqlRequest(query, variables),
  } as WorkflowDataProvider;
}
