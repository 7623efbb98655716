// API tokens (read-only reporting clients): who may hold, manage and use them.
import type { FilterQuery } from '@mikro-orm/core';
import type { Viewer } from '../context.js';
import { anyOf, is, type PanelAbilities } from '../authz/policy.js';
import { Role } from '../users/user.enums.js';
import type { ApiToken } from './api-token.entity.js';

export const apiTokenPolicy = {
  /**
   * Creating, listing and revoking one's own tokens: CITY and VENDOR (reporting on their scope),
   * from a browser session only (api-token.rules.ts adds isSignedInBySession).
   */
  manage: anyOf(is.city, is.vendor),
  /** A token works only while its owner may still hold one (a role change ends it). */
  usableBy: (owner: { role: Role }) => owner.role === Role.CITY || owner.role === Role.VENDOR,
  /** Each caller sees and revokes only the tokens it created. */
  scope: (viewer: Viewer): FilterQuery<ApiToken> => ({ owner: viewer.id }),
};

export const apiTokenAbilities: PanelAbilities = {
  apiTokens: { list: apiTokenPolicy.manage, create: apiTokenPolicy.manage, delete: apiTokenPolicy.manage },
};
