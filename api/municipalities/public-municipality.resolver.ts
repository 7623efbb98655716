// The municipalities a visitor of the public registration page (新規登録申請) chooses from,
// without signing in: the code the form submits, the name and the prefecture, nothing else
// (no contact person, no address). The code is the public 全国地方公共団体コード.
import { Ctx, Field, ObjectType, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { Municipality } from './municipality.entity.js';

@ObjectType({ description: 'A municipality as the public page shows it' })
export class PublicMunicipality {
  @Field({ description: '全国地方公共団体コード (6 digits): what submitPublicRegistration takes' })
  code!: string;

  @Field()
  name!: string;

  @Field()
  prefecture!: string;
}

@Resolver()
export class PublicMunicipalityResolver {
  @Query(() => [PublicMunicipality], { description: 'Anyone: the municipalities that accept registrations, by prefecture and code' })
  async publicMunicipalities(@Ctx() ctx: Context): Promise<PublicMunicipality[]> {
    const rows = await ctx.em.find(Municipality, {}, { fields: ['code', 'name', 'prefecture'], orderBy: { prefecture: 'asc', code: 'asc' } });
    return rows.map(({ code, name, prefecture }) => ({ code, name, prefecture }));
  }
}
