import {
  ENTITY_DIALECT,
  InstitutionEntity,
  PersonEntity,
  TransactionEntity,
  auditLedger,
} from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';

/**
 * Issue #4 retries acceptance: 1,000 settlements, each sent twice concurrently with the same idempotency key,
 * produce exactly 1,000 transactions, and both replies of every pair are byte-identical.
 */
const PAIRS = 1000;
const IN_FLIGHT_PAIRS = 16;

describe(`idempotent retries (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(async () => app?.close());

  it('1,000 requests each sent twice concurrently → 1,000 transactions, identical replies', async () => {
    const started = Date.now();
    const token = await app.login('admin');
    // Beijing account holders: spreading the pairs over several pockets lets PostgreSQL run them in parallel.
    const patients = await app.db
      .getRepository(PersonEntity)
      .findBy({ regionCode: '110000', insuranceType: 'EMPLOYEE' });
    const hospital = await app.db.getRepository(InstitutionEntity).findOneByOrFail({ code: 'H11010100001' });
    const before = await app.db.getRepository(TransactionEntity).count();
    const body = (i: number) =>
      JSON.stringify({
        query: `mutation($input: SettlementConfirmInput!) { settlementConfirm(input: $input) {
          transaction { id amount postings { account pocket amount } } userErrors { code rule } } }`,
        variables: {
          input: {
            patientId: patients[i % patients.length].id,
            institutionId: hospital.id,
            visitType: 'OUTPATIENT',
            serviceDate: '2025-03-01',
            // 0.01 yuan each: far below the balance, so every first request succeeds.
            covered: '0.01',
            outOfCatalogue: '0.00',
            excluded: '0.00',
            channel: 'E_VOUCHER',
            idempotencyKey: `retry-${i}`,
          },
        },
      });
    const send = async (i: number) => {
      const res = await fetch(`${app.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: body(i),
      });
      return res.text();
    };
    let next = 0;
    let mismatches = 0;
    let refusals = 0;
    const worker = async () => {
      while (next < PAIRS) {
        const i = next++;
        const [a, b] = await Promise.all([send(i), send(i)]);
        if (a !== b) mismatches++;
        if (!a.includes('"userErrors":[]')) refusals++;
      }
    };
    await Promise.all(Array.from({ length: IN_FLIGHT_PAIRS }, worker));
    expect(mismatches).toBe(0);
    expect(refusals).toBe(0);
    expect((await app.db.getRepository(TransactionEntity).count()) - before).toBe(PAIRS);
    expect((await auditLedger(app.db)).violations).toEqual([]);
    console.log(
      `retries (${ENTITY_DIALECT}): ${PAIRS} pairs in ${((Date.now() - started) / 1000).toFixed(1)} s, 0 mismatches`,
    );
  }, 300_000);
});
