// The e-mail outbox (notifications): newest first, filtered by status.
export const NOTIFICATIONS = `query Notifications($filter: NotificationFilter, $page: PageInput) {
  notifications(filter: $filter, page: $page) { items { id to subject status attempts lastError createdAt sentAt kind body } total } }`;
