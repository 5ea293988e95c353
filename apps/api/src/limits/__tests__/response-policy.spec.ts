import { Role } from '../../auth/principal';
import type { Principal } from '../../auth/principal';
import { authStatus, suggestionsAllowed, withoutSuggestions } from '../response-policy';

describe('response policy', () => {
  it('strips graphql-js suggestions, keeping the rest of the message', () => {
    expect(
      withoutSuggestions(
        'Variable "$p" got invalid value "MEDICA"; Value "MEDICA" does not exist in "KinPurpose" enum. Did you mean the enum value "MEDICAL"?',
      ),
    ).toBe('Variable "$p" got invalid value "MEDICA"; Value "MEDICA" does not exist in "KinPurpose" enum.');
    expect(
      withoutSuggestions('Cannot query field "regoin" on type "Query". Did you mean "region" or "regions"?'),
    ).toBe('Cannot query field "regoin" on type "Query".');
  });

  it('suggestions: everyone outside production, only ADMIN in production', () => {
    const as = (role: Role) => ({ role }) as unknown as Principal;
    expect(suggestionsAllowed(false, null)).toBe(true);
    expect(suggestionsAllowed(true, null)).toBe(false);
    expect(suggestionsAllowed(true, as(Role.ANALYST))).toBe(false);
    expect(suggestionsAllowed(true, as(Role.ADMIN))).toBe(true);
  });

  it('HTTP status: 200 with partial data, 401/403 only when nothing was answered', () => {
    const forbidden = [{ extensions: { code: 'FORBIDDEN' } }];
    expect(authStatus(forbidden, { region: { code: '110000' }, apiClient: null })).toBe(200);
    expect(authStatus(forbidden, { apiClient: null })).toBe(403);
    expect(authStatus(forbidden, null)).toBe(403);
    expect(authStatus([{ extensions: { code: 'UNAUTHENTICATED' } }], undefined)).toBe(401);
    expect(authStatus([{ extensions: { code: 'BAD_USER_INPUT' } }], null)).toBeNull();
    expect(authStatus([...forbidden, { extensions: { code: 'INTERNAL_SERVER_ERROR' } }], null)).toBeNull();
  });
});
