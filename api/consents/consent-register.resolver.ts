import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../context.js';
import { ConsentListArgs, ConsentRecordPage } from './consent-record.types.js';
import { ConsentRegisterService } from './consent-register.service.js';

@Resolver()
export class ConsentRegisterResolver {
  @Query(() => ConsentRecordPage, { description: '同意書の一覧: CITY, its municipality’s consents (every listed patient is on the access log)' })
  consents(@Args() args: ConsentListArgs, @Ctx() ctx: Context) {
    return new ConsentRegisterService(ctx).list(args);
  }
}
