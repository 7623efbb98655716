// The data provider for the account lifecycle and reporting resources (applications,
// notifications, auditEvents), wrapped around the panel's schema-driven one: their lists take
// no sort or a different filter shape, and an application's detail needs its history and
// attachments. Every other resource and method goes to the base provider unchanged.
import type { CreateParams, DataProvider, GetListParams, GetListResult, GetManyParams, GetOneParams, RaRecord, UpdateParams } from 'react-admin';
import type { PanelDataProvider } from '../dataProvider';
import { request } from '../graphql/client';
import { apiSort } from '../graphql/buildQuery';
import { introspectionSchema } from '../graphql/schema';
import {
  AddApplicationAttachmentsDocument,
  ApplicationDocument,
  ApplicationsDocument,
  AuditEventsDocument,
  ConsentsDocument,
  NotificationsDocument,
  ResubmitApplicationDocument,
  SubmitApplicationDocument,
  type ApplicationSortField,
  type ConsentSortField,
  type SortOrder,
} from '../graphql/generated/graphql';
import { applicationInput } from './formValues';
import { toUploads, type FileInputValue } from './files';
import { auditFilter } from '../audit/queries';
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from '../../api/common/paging';

type Page = { items: RaRecord[]; total: number };
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

// the orders the API offers, from its schema, as every other list (buildQuery.ts)
const sortOf = <F extends string>(queryName: string, sort: GetListParams['sort']) => {
  const s = apiSort(introspectionSchema, queryName, sort);
  return { field: s.field as F, order: s.order as SortOrder };
};

interface ResourceHandler {
  getList: (params: GetListParams) => Promise<GetListResult>;
  getOne?: (params: GetOneParams) => Promise<{ data: RaRecord }>;
  getMany?: (params: GetManyParams) => Promise<{ data: RaRecord[] }>;
  create?: (params: CreateParams) => Promise<{ data: RaRecord }>;
  update?: (params: UpdateParams) => Promise<{ data: RaRecord }>;
}

const listOf = (result: Page) => ({ data: result.items, total: result.total });

/**
 * A list that grows for years (the outbox, the audit trail: HistoryPageResult in the API), paged
 * without a count: react-admin's partial pagination ("1-50 件 / 50 件超", previous and next) while
 * a page follows. On the last page the total is known (the rows before it and its own), and given:
 * without it MUI counts a short last page as full ("1-25 件 / 全 25 件" for one row).
 */
const historyListOf = (result: { items: RaRecord[]; hasNextPage: boolean }, pagination: GetListParams['pagination']) => {
  const p = page(pagination);
  if (result.hasNextPage || (p.page > 1 && !result.items.length)) return { data: result.items, pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: p.page > 1 } };
  return { data: result.items, total: (p.page - 1) * p.perPage + result.items.length };
};

const applications: ResourceHandler = {
  getList: ({ filter, sort, pagination }) =>
    request(ApplicationsDocument, {
      filter: pick(filter, ['q', 'type', 'state', 'states', 'officeId', 'ids']),
      sort: sortOf<ApplicationSortField>('applications', sort),
      page: page(pagination),
    }).then((d) => listOf(d.applications)),
  getOne: async ({ id }) => ({ data: (await request(ApplicationDocument, { id: String(id) })).application }),
  getMany: async ({ ids }) => ({
    data: (await request(ApplicationsDocument, { filter: { ids: ids.map(String) }, page: { page: 1, perPage: Math.max(ids.length, 1) } })).applications.items,
  }),
  // submitApplication: `type`, the office (CITY, for staff addition and ID stop), the form's part, the scans
  create: async ({ data }) => {
    const variables = {
      type: data.type,
      officeId: data.officeId || null,
      input: applicationInput(data.type, data, data.officeKind),
      attachments: await toUploads(data.attachments as FileInputValue[]),
    };
    return { data: (await request(SubmitApplicationDocument, variables)).submitApplication };
  },
  // the applicant's correction: resubmitApplication with the version as loaded, after any new scans
  update: async ({ id, data, previousData }) => {
    const uploads = await toUploads(data.newAttachments as FileInputValue[]);
    if (uploads) await request(AddApplicationAttachmentsDocument, { applicationId: String(id), attachments: uploads });
    const variables = { id: String(id), version: previousData.version, input: applicationInput(previousData.type, data, data.officeKind), comment: data.comment?.trim() || null };
    return { data: (await request(ResubmitApplicationDocument, variables)).resubmitApplication };
  },
};

const notifications: ResourceHandler = {
  getList: ({ filter, pagination }) => request(NotificationsDocument, { filter: pick(filter, ['status']), page: page(pagination) }).then((d) => historyListOf(d.notifications, pagination)),
};

const auditEvents: ResourceHandler = {
  getList: ({ filter, pagination }) => request(AuditEventsDocument, { filter: auditFilter(filter), page: page(pagination) }).then((d) => historyListOf(d.auditEvents, pagination)),
};

// 同意書の一覧: `withdrawn` comes from a select as 'true' / 'false'
const consents: ResourceHandler = {
  getList: ({ filter, sort, pagination }) => {
    const f = pick(filter, ['q', 'explainingOfficeId', 'roomId', 'consentDateFrom', 'consentDateTo']);
    if (filter?.withdrawn === 'true' || filter?.withdrawn === true) f.withdrawn = true;
    if (filter?.withdrawn === 'false' || filter?.withdrawn === false) f.withdrawn = false;
    return request(ConsentsDocument, {
      filter: f,
      sort: sortOf<ConsentSortField>('consents', sort),
      page: page(pagination),
    }).then((d) => listOf(d.consents));
  },
};

const handlers: Record<string, ResourceHandler> = { applications, notifications, auditEvents, consents };

const unsupported = (method: string, resource: string) => Promise.reject(new Error(`${method} is not supported for ${resource}`));

export function withAccountWorkflow(base: PanelDataProvider): PanelDataProvider {
  const route =
    <K extends keyof ResourceHandler, P>(method: K, fallback: (resource: string, params: P) => Promise<unknown>) =>
    (resource: string, params: P) => {
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
  } as PanelDataProvider;
}
