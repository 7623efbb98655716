import { isCityOrVendor } from '../authz/rules.js';

export const notificationRules = {
  Query: { notifications: isCityOrVendor },
  Notification: { '*': isCityOrVendor },
  NotificationPage: { '*': isCityOrVendor },
};
