import { type Language, detailParam } from '@gongji/domain';
import type { DataSource } from '@gongji/persistence';
import { unauthenticated } from './auth/authenticate';
import type { Logger } from 'pino';
import type { Principal } from './auth/principal';
import type { AppConfig } from './config';
import type { Loaders } from './loaders';
import type { Services } from './services';

/** Per-request context: who calls, and the services (fresh DataLoaders per request live in `loaders`). */
export interface GraphQLContext {
  readonly principal: Principal | null;
  readonly dataSource: DataSource;
  readonly config: AppConfig;
  readonly services: Services;
  readonly logger: Logger;
  readonly requestId: string;
  readonly loaders: Loaders;
  /** The language of refusals and error messages, from `Accept-Language` (Chinese by default, issue #9). */
  readonly language: Language;
}

/** The caller, for resolvers behind `@Authorized` (the auth checker has already refused anonymous calls). */
export function requirePrincipal(ctx: GraphQLContext): Principal {
  if (!ctx.principal) throw unauthenticated('Sign in first', detailParam('SIGN_IN_FIRST'));
  return ctx.principal;
}
