// The mail outbox: who may read which mail. The outbox is not a side channel (issue 10): VENDOR
// runs the service for every municipality, so it sees only the mail of the account workflows
// (office registration, staff addition, ID stop, account issue) and never one that carries an
// activation code or a link to one; everything about rooms and patients stays with the city of
// the municipality. A mail's category and credential flag are set when it is queued
// (mail/outbox.ts), so this is a query, not a reading of the text.
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities } from '../authz/policy.js';
import { NotificationCategory, type Notification } from './notification.entity.js';

/** The categories VENDOR may read (never those flagged as carrying a credential). */
export const VENDOR_CATEGORIES: readonly NotificationCategory[] = [NotificationCategory.ACCOUNT];

export const notificationPolicy = {
  /** May read the outbox at all (e.g. when no SMTP server is configured). */
  list: anyOf(is.city, is.vendor),

  /** Which mails: CITY its municipality's; VENDOR the account workflows' of every municipality, without credentials. */
  scope(viewer: Viewer): FilterQuery<Notification> {
    if (is.city(viewer)) return { municipalityId: viewer.municipalityId };
    if (is.vendor(viewer)) return { category: { $in: [...VENDOR_CATEGORIES] }, carriesCredential: false };
    return { id: null };
  },
};

/** The panel's notifications resource (admin/notifications). */
export const notificationAbilities: PanelAbilities = {
  notifications: { list: notificationPolicy.list },
};
