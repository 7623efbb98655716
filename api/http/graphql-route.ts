// /graphql on Node's own HTTP objects, in front of Express (api/server.ts): every data request of
// the panel comes here, and Express would charge each one for what /graphql never uses. Its
// app.handle swaps the prototypes of every request and response for its own, and runs its router:
// on the benchmark's request floor (a signed-in `{ __typename }`, bench/README.md) the API's process
// spent 0.7–1.1 ms of CPU per request through Express, 0.33–0.61 ms here, with the same middleware
// and the same Apollo Server. The endpoint runs the same connect-style middleware
// the rest of the app would (helmet's headers, body-parser's JSON with its limit, the request
// scope), then hands the request to Apollo through its documented integration contract
// (executeHTTPGraphQLRequest with a HeaderMap), as @as-integrations/express5 does. The answer is
// written with Node's res.end (no ETag: Express's res.send would hash every answer), marked
// no-store: it may hold patient data, and a GET query's answer must not stay in a shared PC's
// browser cache. tests/api/graphql-route.test.ts.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

const GRAPHQL_PATH = '/graphql';

/** A request for /graphql (with or without a query string). */
export const isGraphqlRequest = (url: string | undefined) => url === GRAPHQL_PATH || (url?.startsWith(`${GRAPHQL_PATH}?`) ?? false);

/** The request once body-parser has read it. */
export type GraphqlRequest = IncomingMessage & { body?: unknown };

/** Connect-style middleware (helmet, body-parser): Node's request and response, and next. */
export type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

interface GraphqlEndpoint<C> {
  /** run in order before Apollo; the first error goes to `fail` */
  before: Middleware[];
  context: (req: GraphqlRequest, res: ServerResponse) => Promise<C>;
  /** a middleware's error (a body over the limit, broken JSON) or an unexpected one: the answer */
  fail: (err: unknown, req: IncomingMessage, res: ServerResponse) => void;
}

export function graphqlEndpoint<C extends BaseContext>(apollo: ApolloServer<C>, endpoint: GraphqlEndpoint<C>) {
  apollo.assertStarted('graphqlEndpoint()');
  const answer = async (req: GraphqlRequest, res: ServerResponse): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const result = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search: query < 0 ? '' : url.slice(query), body: req.body },
      context: () => endpoint.context(req, res),
    });
    // graphql 16 has no @defer or @stream: Apollo answers in one piece
    if (result.body.kind !== 'complete') throw new Error('incremental delivery is not served');
    res.setHeader('Cache-Control', 'no-store');
    for (const [key, value] of result.headers) res.setHeader(key, value);
    res.statusCode = result.status ?? 200;
    res.end(result.body.string);
  };
  return (req: IncomingMessage, res: ServerResponse): void => {
    let step = 0;
    const next = (err?: unknown): void => {
      if (err) {
        endpoint.fail(err, req, res);
        return;
      }
      const middleware = endpoint.before[step++];
      if (!middleware) {
        answer(req, res).catch((e: unknown) => endpoint.fail(e, req, res));
        return;
      }
      try {
        middleware(req, res, next);
      } catch (e) {
        endpoint.fail(e, req, res);
      }
    };
    next();
  };
}
