import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { ANALYST_ID_LOOKUPS_PER_HOUR } from '../modules/person/person.service';
import { type TestApp, createTestApp } from '../testing/test-app';

/**
 * An analyst sees 110105********0179 for 王建国: the hidden digits are a birth date, and with the check digit shown
 * about 4,000 candidates remain. Unlimited look-ups by full ID number would confirm the right one in seconds (an
 * independent tester did: 174 requests, 1.6 s). Analysts therefore get ANALYST_ID_LOOKUPS_PER_HOUR look-ups by exact
 * ID number (personByIdNumber and the persons filter alike, each alias counted), then RATE_LIMITED; staff are not
 * limited this way.
 */
describe(`an analyst cannot re-identify masked ID numbers by guessing (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  const WANG = '110105195203150179';
  const lookups = (n: number, idNumber: (i: number) => string) =>
    `{ ${Array.from({ length: n }, (_, i) => `p${i}: personByIdNumber(idNumber: "${idNumber(i)}") { idNumber name }`).join(' ')} }`;
  // 王建国's number first, then valid numbers that are nobody's: other birth dates with their own check digit (a number
  // that cannot exist is refused as BAD_USER_INPUT without spending the budget, and tells the guesser nothing)
  const guess = (i: number) =>
    i === 0 ? WANG : makeIdNumber('110105', `1952-04-${String(1 + (i % 28)).padStart(2, '0')}`, 17);

  it(`${ANALYST_ID_LOOKUPS_PER_HOUR} look-ups an hour, then RATE_LIMITED with retryAfterSeconds; the answers stay masked`, async () => {
    const analyst = await app.login('analyst');
    expect(ANALYST_ID_LOOKUPS_PER_HOUR % 10).toBe(0);
    for (let batch = 0; batch < ANALYST_ID_LOOKUPS_PER_HOUR / 10 - 1; batch++) {
      const res = await app.gql(lookups(10, guess), {}, analyst);
      expect(res.errors).toBeUndefined();
    }
    const last = await app.gql<Record<string, { idNumber: string; name: string } | null>>(
      `query($f: PersonFilter) { p0: personByIdNumber(idNumber: "${WANG}") { idNumber name }
        persons(filter: $f) { edges { node { idNumber } } } }`,
      { f: { idNumber: WANG } },
      analyst,
    );
    expect(last.errors).toBeUndefined();
    expect(last.data!['p0']).toEqual({ idNumber: '110105********0179', name: '王**' });
    // 8 more fit; the 9th and 10th of this request are refused
    const over = await app.gql(lookups(10, guess), {}, analyst);
    const refused = (over.errors ?? []).filter((e) => e.extensions?.['code'] === 'RATE_LIMITED');
    expect(refused).toHaveLength(2);
    expect(refused[0].extensions?.['retryAfterSeconds']).toBeGreaterThan(0);
    expect(over.status).toBe(200); // 8 answers came back with the 2 refusals
    const alone = await fetch(`${app.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${analyst}` },
      body: JSON.stringify({ query: lookups(1, guess) }),
    });
    // nothing answered: HTTP 429 with Retry-After, like the gateway's request budget (README)
    expect(alone.status).toBe(429);
    expect(Number(alone.headers.get('retry-after'))).toBeGreaterThan(0);
    const zh = await app.gql(
      lookups(1, () => WANG),
      {},
      analyst,
      { 'accept-language': '' },
    );
    expect(zh.errors?.[0]?.extensions?.['code']).toBe('RATE_LIMITED');
  });

  it('staff look up by ID number without this budget', async () => {
    const counter = await app.login('counter');
    for (let batch = 0; batch < ANALYST_ID_LOOKUPS_PER_HOUR / 10 + 1; batch++) {
      const res = await app.gql(lookups(10, guess), {}, counter);
      expect(res.errors).toBeUndefined();
    }
  });
});
