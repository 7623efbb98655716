// API tokens: created, listed and revoked by their CITY or VENDOR owner; resolved per request.
import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Max, Min } from 'class-validator';
import { AreaService } from '../common/area-service.js';
import { notFound } from '../common/errors.js';
import { RequiredText } from '../common/validation.js';
import { hashToken, newToken } from '../auth/tokens.js';
import { accountUsable } from '../auth/sessions.js';
import { ApiToken } from './api-token.entity.js';
import { apiTokenPolicy } from './api-token.policy.js';

export const TOKEN_PREFIX = 'zrt_';
/** lastUsedAt is written at most once a minute (it is shown to the owner, not a limit). */
export const TOKEN_TOUCH_EVERY_MS = 60_000;

@InputType()
export class ApiTokenInput {
  @Field()
  @RequiredText(100)
  name!: string;

  @Field(() => Int, { defaultValue: 90, description: 'Days until it expires (1–365)' })
  @Min(1, { message: 'INVALID_VALUE' })
  @Max(365, { message: 'INVALID_VALUE' })
  expiresInDays!: number;
}

@ObjectType()
export class CreatedApiToken {
  @Field(() => ApiToken)
  token!: ApiToken;

  @Field({ description: 'The token itself: shown this once, never again' })
  secret!: string;
}

export class ApiTokenService extends AreaService {
  list(): Promise<ApiToken[]> {
    return this.em.find(ApiToken, apiTokenPolicy.scope(this.viewer), { orderBy: { createdAt: 'desc' } });
  }

  async create(input: ApiTokenInput): Promise<CreatedApiToken> {
    const secret = `${TOKEN_PREFIX}${newToken()}`;
    const token = this.em.create(ApiToken, {
      owner: this.viewer.id,
      name: input.name.trim(),
      prefix: secret.slice(0, 12),
      tokenHash: hashToken(secret),
      expiresAt: new Date(Date.now() + input.expiresInDays * 86_400_000),
    });
    this.ctx.audit.record({ action: 'token.create', target: { type: 'ApiToken', id: token.id }, detail: { name: token.name, expiresAt: token.expiresAt.toISOString() } });
    await this.em.flush();
    return { token, secret };
  }

  async revoke(id: string): Promise<ApiToken> {
    const token = await this.em.findOne(ApiToken, { $and: [{ id }, apiTokenPolicy.scope(this.viewer)] });
    if (!token) throw notFound();
    if (!token.revokedAt) {
      token.revokedAt = new Date();
      this.ctx.audit.record({ action: 'token.revoke', target: { type: 'ApiToken', id: token.id }, detail: { name: token.name } });
      await this.em.flush();
    }
    return token;
  }
}

/** A valid bearer token, its owner loaded, or null (unknown, revoked, expired, owner unusable). */
export async function resolveApiToken(em: EntityManager, secret: string): Promise<ApiToken | null> {
  if (!secret.startsWith(TOKEN_PREFIX)) return null;
  const token = await em.findOne(ApiToken, { tokenHash: hashToken(secret) }, { populate: ['owner'] });
  const now = new Date();
  if (!token || token.revokedAt || token.expiresAt <= now) return null;
  const owner = token.owner.getEntity();
  if (!accountUsable(owner, now) || !apiTokenPolicy.usableBy(owner)) return null;
  if (!token.lastUsedAt || now.getTime() - token.lastUsedAt.getTime() > TOKEN_TOUCH_EVERY_MS) {
    await em.nativeUpdate(ApiToken, { id: token.id }, { lastUsedAt: now });
    token.lastUsedAt = now;
  }
  return token;
}
