import { detailParam, termsParam } from '@gongji/domain';
import type { AuthCheckerFn } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { forbidden, unauthenticated } from './authenticate';

/**
 * The one auth checker (STYLE.md). `@Authorized('ADMIN', 'COUNTER')` lists roles; a PORTAL requirement may name a
 * scope: `@Authorized('PORTAL:settlement:write')`. No principal → UNAUTHENTICATED; wrong role → FORBIDDEN.
 */
export const authChecker: AuthCheckerFn<GraphQLContext> = ({ context, info }, requirements) => {
  const principal = context.principal;
  const field = `${info.parentType.name}.${info.fieldName}`;
  if (!principal) throw unauthenticated(`Sign in to use ${field}`, detailParam('SIGN_IN_TO_USE', { field }));
  if (requirements.length === 0) return true;
  const allowed = requirements.some((req) => {
    const [role, ...scope] = req.split(':');
    if (role !== principal.role) return false;
    return scope.length === 0 || principal.scopes.includes(scope.join(':'));
  });
  if (!allowed) {
    const roles = [...new Set(requirements.map((req) => req.split(':')[0]))];
    const scopes = [...new Set(requirements.flatMap((req) => req.split(':').slice(1).join(':') || []))];
    throw forbidden(
      `${field} needs ${requirements.join(' or ')}; you are ${principal.role}`,
      detailParam('ROLE_REQUIRED', {
        field,
        roles: termsParam('role', roles),
        role: termsParam('role', [principal.role]),
        ...(scopes.length > 0 ? { scopes: scopes.join('、') } : {}),
      }),
    );
  }
  return true;
};
