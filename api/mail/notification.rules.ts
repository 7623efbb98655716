import { policyRule } from '../authz/policy.js';
import { notificationPolicy } from './notification.policy.js';

// Which mails each caller reads is notificationPolicy.scope (in the resolver's query).
const readsOutbox = policyRule('notifications.list', notificationPolicy.list);

export const notificationRules = {
  Query: { notifications: readsOutbox },
  Notification: { '*': readsOutbox },
  NotificationPage: { '*': readsOutbox },
};
