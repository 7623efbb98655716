import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../context.js';
import { formatWareki } from '../common/wareki.js';
import { Office } from '../offices/office.entity.js';
import { Consent } from './consent.entity.js';
import { Patient } from './patient.entity.js';
import type { ConsentView, PatientView } from './patient.reads.js';

@Resolver(() => Patient)
export class PatientResolver {
  @FieldResolver(() => String, { description: '和暦, e.g. 昭和15年3月2日' })
  birthDateWareki(@Root() p: PatientView) {
    return formatWareki(p.birthDate);
  }
}

@Resolver(() => Consent)
export class ConsentResolver {
  @FieldResolver(() => String, { description: 'システム利用同意取得事業所' })
  async explainingOfficeName(@Root() c: Consent | ConsentView) {
    // reads bring the name with the row (patient.reads.ts); a mutation's entity loads it
    return 'explainingOfficeName' in c ? c.explainingOfficeName : (await c.explainingOffice.loadOrFail()).name;
  }

  @FieldResolver(() => [String])
  async coveredOfficeNames(@Root() c: Consent | ConsentView, @Ctx() ctx: Context) {
    if ('coveredOfficeNames' in c) return c.coveredOfficeNames;
    const offices = await ctx.em.find(Office, { id: { $in: c.coveredOfficeIds } }, { orderBy: { nameKana: 'asc' } });
    return offices.map((o) => o.name);
  }
}
