// Request-wide policies that no single field rule can express.
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { AppError } from '../common/errors.js';
import { AuditOutcome } from '../audit/audit-event.entity.js';

/** API tokens read; they never change anything. */
export const readOnlyTokens: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ contextValue, operation }) {
        if (contextValue.viaToken && operation?.operation !== 'query') throw new AppError('FORBIDDEN', { reason: 'READ_ONLY_TOKEN', http: { status: 403 } });
      },
    };
  },
};

/** Refused authorization attempts go to the audit trail (who tried what), like sign-in failures. */
export const auditRefusals: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, operationName }) {
        if (response.body.kind !== 'single') return;
        const refused = (response.body.singleResult.errors ?? []).filter((e) => e.extensions?.code === 'FORBIDDEN');
        if (refused.length === 0 || !contextValue.em) return;
        await contextValue.audit
          .recordRead({
            action: 'authz.denied',
            outcome: AuditOutcome.DENIED,
            detail: { operationName: operationName ?? null, paths: refused.map((e) => e.path?.join('.') ?? null), viaToken: contextValue.viaToken },
          })
          .catch(() => undefined); // never turn a refusal into a 500
      },
    };
  },
};

/** A request that failed because the database was away answers 503, so clients and balancers retry. */
export const unavailableStatus: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind === 'single' && response.body.singleResult.errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) response.http.status = 503;
      },
    };
  },
};
