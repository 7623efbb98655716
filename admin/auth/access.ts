// What the panel shows whom: the API's answers, never a copy of its rules. `abilities` comes with
// the signed-in user (Query.abilities, fetched once per sign-in: auth/authApi.ts) and lists the
// "resource.action" pairs the policies allow this caller (api/<area>/<area>.policy.ts). A record
// that carries `allowedActions` in the panel's action names (User, Office: computed by the same
// policies) decides the actions on itself. react-admin asks through authProvider.canAccess.
import type { Me } from './authApi';
import { resourceApis } from '../graphql/resources';

/**
 * Whether `record` is one of `resource`'s own records: react-admin passes whatever record is in
 * context (an office's page asks about its staff list with the office), and an application's
 * allowedActions are its workflow steps (read by applications/ApplicationActions.tsx itself).
 */
const ownRecord = (resource: string, record: Record<string, unknown>) => {
  const type = resourceApis[resource]?.type;
  // no type for resources outside the schema-driven provider (applications): never "own"
  return type !== undefined && record.__typename === type;
};

export function canAccess(me: Pick<Me, 'abilities'>, resource: string, action: string, record?: Record<string, unknown>): boolean {
  if (!me.abilities.includes(`${resource}.${action}`)) return false;
  if (record && Array.isArray(record.allowedActions) && ownRecord(resource, record)) return record.allowedActions.includes(action);
  return true;
}
