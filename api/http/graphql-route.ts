// Apollo Server on Express's /graphql, as @as-integrations/express5 does it, minus what a POST of
// JSON never needs: Express's res.send hashes every answer for an ETag (a SHA-1 over up to a few
// hundred kB of JSON per request) and parses the URL with the legacy url.parse. The answer is
// written with Node's own res.end, marked no-store: it may hold patient data, and a GET query's
// answer must not stay in a shared PC's browser cache. The integration contract is Apollo's
// documented one (executeHTTPGraphQLRequest with a HeaderMap), so this stays a thin adapter.
// tests/api/graphql-route.test.ts.
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';
import type { Request, Response } from 'express';

export function graphqlRoute<C extends BaseContext>(apollo: ApolloServer<C>, context: (req: Request, res: Response) => Promise<C>) {
  apollo.assertStarted('graphqlRoute()');
  return async (req: Request, res: Response): Promise<void> => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    const query = req.url.indexOf('?');
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method.toUpperCase(), headers, search: query < 0 ? '' : req.url.slice(query), body: req.body },
      context: () => context(req, res),
    });
    // graphql 16 has no @defer or @stream: Apollo answers in one piece
    if (answer.body.kind !== 'complete') throw new Error('incremental delivery is not served');
    res.setHeader('Cache-Control', 'no-store');
    for (const [key, value] of answer.headers) res.setHeader(key, value);
    res.statusCode = answer.status ?? 200;
    res.end(answer.body.string);
  };
}
