// No answer without its access-log rows. Resolvers log reads of patient data without waiting
// (Audit#logRead), so the database writes the log while the rest of the answer is fetched; here,
// before anything is sent, the response waits for those rows. If one could not be written, the
// data is dropped and the caller gets an error (503 when the database is away).
import type { ApolloServerPlugin } from '@apollo/server';
import type { Context } from '../context.js';
import { formatError } from '../common/errors.js';

export const readLogBarrier: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response }) {
        try {
          await contextValue.audit?.readsWritten();
        } catch (e) {
          const error = formatError({ message: 'read log not written', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, e, contextValue.locale);
          response.body = { kind: 'single', singleResult: { errors: [error] } };
          response.http.status = error.extensions?.code === 'SERVICE_UNAVAILABLE' ? 503 : 500;
        }
      },
    };
  },
};
