// Resolvers + shield → the executable schema. `npm run schema` writes schema.graphql from it.
import 'reflect-metadata';
import { buildSchema, getMetadataStorage } from 'type-graphql';
import { applyMiddleware, type IMiddlewareTypeMap } from 'graphql-middleware';
import { printSchema, lexicographicSortSchema, type GraphQLSchema } from 'graphql';
import { AuthResolver } from './auth/auth.resolver.js';
import { MunicipalityResolver } from './municipalities/municipality.resolver.js';
import { PublicMunicipalityResolver } from './municipalities/public-municipality.resolver.js';
import { OfficeResolver } from './offices/office.resolver.js';
import { UserResolver } from './users/user.resolver.js';
import { ApplicationResolver } from './applications/application.resolver.js';
import { NotificationResolver } from './mail/notification.resolver.js';
import { RoomMemberResolver, RoomResolver } from './rooms/room.resolver.js';
import { ConsentResolver, PatientResolver } from './patients/patient.resolver.js';
import { PostResolver } from './posts/post.resolver.js';
import { ApiTokenResolver } from './tokens/api-token.resolver.js';
import { AuditResolver } from './audit/audit.resolver.js';
import { ReportResolver } from './reports/report.resolver.js';
import { ConsentRegisterResolver } from './consents/consent-register.resolver.js';
import { FhirExportResolver } from './fhir/fhir.resolver.js';
import { AbilitiesResolver, UserActionsResolver } from './authz/abilities.resolver.js';
import { permissions } from './authz/permissions.js';
import { transactionPerMutation } from './db/transaction.js';
import type { Context } from './context.js';

export const resolvers = [
  AuthResolver,
  MunicipalityResolver,
  PublicMunicipalityResolver,
  OfficeResolver,
  UserResolver,
  ApplicationResolver,
  NotificationResolver,
  RoomResolver,
  RoomMemberResolver,
  PatientResolver,
  ConsentResolver,
  ConsentRegisterResolver,
  PostResolver,
  ApiTokenResolver,
  AuditResolver,
  ReportResolver,
  AbilitiesResolver,
  UserActionsResolver,
  FhirExportResolver,
] as const;

/**
 * Field resolvers get their parent as it was returned. type-graphql would otherwise copy a plain
 * root into `new Entity()` before each field resolver (convertToType, for a `@Root() x: Entity`
 * parameter): reads return plain rows on purpose (api/common/read-rows.ts), and a MikroORM entity
 * built per field and row costs its constructor and change tracking, and is another object than
 * the row (the audit trail's names are found per row). Entities carry no methods here, so nothing
 * needs the conversion; tests/api/audit-names.test.ts fails without this (names are kept per row).
 */
function passRootsAsReturned(): void {
  for (const param of getMetadataStorage().params) if (param.kind === 'root') param.getType = undefined;
}

/**
 * A plain field of an object type (no middleware, no roles: authorization is graphql-shield's)
 * keeps graphql-js's default resolver. type-graphql would otherwise give each one a resolver of
 * its own that builds an object per call to read `root[name]`: one per cell of every page.
 */
function plainFieldsResolveByDefault(): void {
  for (const field of getMetadataStorage().fields) if (!field.middlewares?.length && !field.roles?.length && field.simple === undefined) field.simple = true;
}

/** The schema without authorization or transactions (for printing and for the coverage tests). */
export function buildBareSchema(): Promise<GraphQLSchema> {
  passRootsAsReturned();
  plainFieldsResolveByDefault();
  return buildSchema({
    resolvers,
    validate: { forbidUnknownValues: false },
    emitSchemaFile: false,
  });
}

/**
 * Every mutation in one transaction (opt-outs are marked @OwnTransactions on the field), inside
 * its shield rule. Put on the Mutation fields only: as a type-graphql global middleware it wrapped
 * every field of every returned row in an async chain, a cost paid on each of a page's cells.
 */
const mutationTransactions: IMiddlewareTypeMap<unknown, Context> = {
  Mutation: (resolve, root, args, context, info) => transactionPerMutation({ root, args, context, info }, () => resolve(root, args, context, info)),
};

export async function buildAppSchema(): Promise<GraphQLSchema> {
  return applyMiddleware(await buildBareSchema(), permissions(), mutationTransactions);
}

export async function printAppSchema(): Promise<string> {
  return `# Generated from the code by \`npm run schema\`; tests fail when it is stale.\n\n${printSchema(lexicographicSortSchema(await buildBareSchema()))}\n`;
}
