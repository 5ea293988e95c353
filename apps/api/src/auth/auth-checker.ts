import type { AuthCheckerFn } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { forbidden, unauthenticated } from './authenticate';

/**
 * The one auth checker (STYLE.md). `@Authorized('ADMIN', 'COUNTER')` lists roles; a PORTAL requirement may name a
 * scope: `@Authorized('PORTAL:settlement:write')`. No principal → UNAUTHENTICATED; wrong role → FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context, info }, requirements) => {
  const principal = context.principal;
  if (!principal) throw unauthenticated(`Sign in to use ${info.parentType.name}.${info.fieldName}`);
  if (requirements.length === 0) return true;
  const allowed = requirements.some((req) => {
    const [role, ...scope] = req.split(':');
    if (role !== principal.role) return false;
    return scope.length === 0 || principal.scopes.includes(scope.join(':'));
  });
  if (!allowed) {
    throw forbidden(
      `${info.parentType.name}.${info.fieldName} needs ${requirements.join(' or ')}; you are ${principal.role}`,
    );
  }
  return true;
};
