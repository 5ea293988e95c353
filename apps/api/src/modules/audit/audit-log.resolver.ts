import { Args, Authorized, Ctx, Query, Resolver } from 'type-graphql';
import { pageRequestOrThrow, toConnection } from '../../common/connection';
import type { GraphQLContext } from '../../context';
import { AuditLogService } from './audit-log.service';
import { AuditEntryConnection, AuditLogArgs } from './audit-log.types';

@Resolver()
export class AuditLogResolver {
  @Authorized('ADMIN')
  @Query(() => AuditEntryConnection, {
    description:
      'Every audited change — policy, rollout, counter work — newest first: who, when, reason, before and after ' +
      '(ADMIN; issue #10).',
  })
  async auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: GraphQLContext): Promise<AuditEntryConnection> {
    const page = pageRequestOrThrow(args.first, args.after);
    const { nodes, total } = await new AuditLogService(ctx.dataSource).list(args.filter, page);
    return toConnection(nodes, page, total);
  }
}
