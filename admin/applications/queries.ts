// The account lifecycle's view of the API: names for the generated types of the application
// detail (applications.graphql → graphql/generated), and which forms this panel renders.
import type { ApplicationQuery } from '../graphql/generated/graphql';

export type { ActivationLetterEntry, SimpleAction } from './api';
export { commentRequired } from './api';

/** The query key of the home page's application counts (shared by its cards). */
export const APPLICATION_COUNTS_KEY = ['applications', 'counts'] as const;

export type ApplicationEvent = ApplicationQuery['application']['events'][number];
export type ApplicationAttachment = ApplicationQuery['application']['attachments'][number];

/** The account forms, whose detail this panel renders (room forms are the rooms screens'). */
export const ACCOUNT_TYPES = ['OFFICE_REGISTRATION', 'STAFF_ADDITION', 'ID_STOP'] as const;
export const ROOM_TYPES = ['ROOM_CREATION', 'ROOM_JOIN', 'ROOM_END'] as const;
export const isAccountType = (type: unknown) => (ACCOUNT_TYPES as readonly unknown[]).includes(type);
