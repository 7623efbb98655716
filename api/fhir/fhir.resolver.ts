import { Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { FhirExport } from './fhir-export.entity.js';
import { listExports, startExport } from './bulk-export.js';

@Resolver(() => FhirExport)
export class FhirExportResolver {
  @Query(() => [FhirExport], { description: 'CITY: its municipality’s FHIR exports, newest first (progress, files)' })
  fhirExports(@Ctx() ctx: Context) {
    return listExports(ctx.em, ctx.viewer!);
  }

  @Mutation(() => FhirExport, { description: 'CITY: export the whole municipality as FHIR NDJSON, in the background' })
  async startFhirExport(@Ctx() ctx: Context) {
    const job = startExport(ctx.em, ctx.audit, ctx.viewer!);
    await ctx.em.flush();
    return job;
  }
}
