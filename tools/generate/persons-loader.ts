import type { Client } from 'pg';
import { creditContributionsOrThrow } from '@gongji/domain';
import {
  type BulkClient,
  ORDERED_UUID_SQL,
  STAGE_LINE,
  STAGE_TX,
  copyInto,
  copyLine,
  createLedgerStaging,
  postStaged,
} from '@gongji/persistence';
import { Progress, Random, fmt, markdownTable, peakRssMiB } from './cli-support';
import {
  type GeneratedPerson,
  type GeneratedRelation,
  type PoolRegion,
  PopulationGenerator,
} from './population';

export interface PersonsOptions {
  readonly persons: number;
  readonly seed: number;
  /** Persons per database transaction (default 10,000). */
  readonly batch: number;
  /** The business date (YYYY-MM-DD, China) ages are computed on; no credited month or purchase is after it. */
  readonly today: string;
  /**
   * The last month of the generated year of contributions (YYYY-MM); `months` months end with it. Not after the
   * month of `today` (MONTH_IN_FUTURE, R-ACC-4: nothing collected yet).
   */
  readonly lastMonth: string;
  readonly months: number;
  /** Percentage (0–100) of credited person-months with a pharmacy purchase paid from the account. */
  readonly purchasePercent: number;
  /** Add to a database that already has persons (default: refuse, so a rerun does not double the data). */
  readonly append: boolean;
  readonly quiet?: boolean;
}

export interface PersonsResult {
  readonly persons: number;
  readonly relations: number;
  readonly institutions: number;
  readonly transactions: number;
  readonly postings: number;
  readonly credits: number;
  readonly seconds: number;
  readonly rows: number;
  readonly peakRssMiB: number;
}

/** The month before `month` month(s) back: `monthsBefore('2026-10', 1)` = `2026-09`. */
export function monthsBefore(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const index = y * 12 + (m - 1) - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Month before R-ACC-3's 2022-09-01 switch: its credit goes to LEGACY (the bank passbook, R-ACC-4). */
export const LEGACY_MONTH = '2022-08';

/**
 * The credited months: LEGACY_MONTH, then `months` months ending `lastMonth`. The credits are staged in SQL, not
 * decided row by row by libs/domain, so every month goes through the domain's month checks here first: a month not
 * `YYYY-MM` or after the month of `today` (MONTH_IN_FUTURE, R-ACC-4) throws before anything is written.
 */
export function creditMonthsOf(options: Pick<PersonsOptions, 'lastMonth' | 'months' | 'today'>): string[] {
  const months = [LEGACY_MONTH];
  for (let i = options.months - 1; i >= 0; i--) months.push(monthsBefore(options.lastMonth, i));
  creditContributionsOrThrow(options.lastMonth, [], [], { today: options.today });
  for (const month of months) creditContributionsOrThrow(month, [], [], { today: options.today });
  return months;
}

const KEY_STRIDE = 1_000_000;

/**
 * Loads `persons` generated persons into PostgreSQL, batch by batch, each batch in ONE database transaction:
 * persons, pockets (R-ACC-3), cards, registered relations (R-KIN), then a year of money through the ledger — monthly
 * credits (R-ACC-4, one CONTRIBUTION_CREDIT transaction per month and batch, the `contribution_credits` marker per
 * person-month) and pharmacy purchases paid from EARMARKED (R-SET-3/4, one SETTLEMENT each, with accumulators and
 * daily spend) — staged set-based and posted by {@link postStaged} (balanced, balance after, no negative pocket).
 */
export async function loadPersons(client: Client, options: PersonsOptions): Promise<PersonsResult> {
  const started = Date.now();
  const bulk = client as unknown as BulkClient;
  const regions = await poolRegions(client);
  if (regions.length === 0) throw new Error('no pooling regions: the reference data is missing');
  creditMonthsOf(options); // refuses a future --last-month before anything is written
  const existing = Number((await client.query('SELECT COUNT(*)::int AS n FROM persons')).rows[0].n);
  if (existing > 0 && !options.append)
    throw new Error(`the database already has ${fmt(existing)} persons: pass --append to add more`);
  const institutions = await ensureInstitutions(client, regions);
  await createTempTables(client, options);
  await createLedgerStaging(bulk);

  const rng = new Random(options.seed + existing);
  const population = new PopulationGenerator(rng, regions, options.today);
  const progress = options.quiet ? null : new Progress('persons', options.persons);
  const totals = { persons: 0, relations: 0, transactions: 0, postings: 0, credits: 0, rows: 0 };
  let generated = 0;
  while (generated < options.persons) {
    const persons: GeneratedPerson[] = [];
    const relations: GeneratedRelation[] = [];
    while (persons.length < options.batch && generated + persons.length < options.persons) {
      const household = population.household();
      const room = options.persons - generated - persons.length;
      const kept = household.persons.slice(0, room);
      const ids = new Set(kept.map((p) => p.id));
      persons.push(...kept);
      relations.push(...household.relations.filter((r) => ids.has(r.providerId) && ids.has(r.beneficiaryId)));
    }
    generated += persons.length;
    const counts = await loadBatch(client, persons, relations, options, rng);
    totals.persons += counts.persons;
    totals.relations += counts.relations;
    totals.transactions += counts.transactions;
    totals.postings += counts.postings;
    totals.credits += counts.credits;
    totals.rows += counts.rows;
    progress?.update(generated, `tx ${fmt(totals.transactions)} postings ${fmt(totals.postings)}`);
  }
  progress?.done();
  await client.query('ANALYZE persons, pockets, transactions, postings, contribution_credits, kin_relations');
  return {
    ...totals,
    institutions,
    seconds: (Date.now() - started) / 1000,
    peakRssMiB: peakRssMiB(),
  };
}

export function formatPersonsResult(r: PersonsResult): string {
  return markdownTable(
    [
      'persons',
      'relations',
      'institutions',
      'transactions',
      'postings',
      'credits',
      'rows written',
      'seconds',
      'rows/s',
      'persons/s',
      'peak RSS MiB',
    ],
    [
      [
        r.persons,
        r.relations,
        r.institutions,
        r.transactions,
        r.postings,
        r.credits,
        r.rows,
        r.seconds.toFixed(1),
        Math.round(r.rows / r.seconds),
        Math.round(r.persons / r.seconds),
        Math.round(r.peakRssMiB),
      ],
    ],
  );
}

async function poolRegions(client: Client): Promise<PoolRegion[]> {
  const { rows } = await client.query(
    `SELECT r.code, r."provinceCode", r.level, r.synthetic,
            to_char(COALESCE(r."mutualAidRegistrationFrom", p."mutualAidRegistrationFrom"), 'YYYY-MM-DD') AS reg
       FROM regions r LEFT JOIN regions p ON p.code = r."provinceCode" AND p.code <> r.code
      WHERE r."isPool" AND r.active ORDER BY r.code`,
  );
  return rows.map((r) => ({
    code: r.code as string,
    provinceCode: r.provinceCode as string,
    level: r.level as string,
    synthetic: r.synthetic as boolean,
    mutualAidRegistrationFrom: (r.reg as string | null) ?? null,
  }));
}

/** Four designated institutions per pooling region (a tertiary and a secondary hospital, two pharmacies), once. */
async function ensureInstitutions(client: Client, regions: readonly PoolRegion[]): Promise<number> {
  const kinds = [
    ['H1', 'HOSPITAL', 'TERTIARY', '第一人民医院', true],
    ['H2', 'HOSPITAL', 'SECONDARY', '中医医院', false],
    ['P1', 'PHARMACY', 'OTHER', '大药房', true],
    ['P2', 'PHARMACY', 'OTHER', '便民药店', true],
  ] as const;
  const lines = regions.flatMap((r) =>
    kinds.map(([suffix, kind, level, name, wallet]) =>
      copyLine([
        `GEN-${r.code}-${suffix}`,
        `GEN-${r.code}-${suffix}`,
        `${r.code}${name}`,
        kind,
        level,
        r.code,
        true,
        wallet,
        false,
      ]),
    ),
  );
  await client.query(
    'CREATE TEMP TABLE gen_institutions_in (id text, code text, name text, kind text, level text, region text, designated boolean, wallet boolean, open boolean)',
  );
  await copyInto(
    client as unknown as BulkClient,
    'gen_institutions_in',
    ['id', 'code', 'name', 'kind', 'level', 'region', 'designated', 'wallet', 'open'],
    lines,
  );
  await client.query(
    `INSERT INTO institutions (id, code, name, kind, level, "regionCode", designated, "acceptsWallet", "openToAll")
     SELECT gen_random_uuid()::text, code, name, kind, level, region, designated, wallet, open FROM gen_institutions_in
     ON CONFLICT DO NOTHING`,
  );
  await client.query('DROP TABLE gen_institutions_in');
  const { rows } = await client.query(`SELECT COUNT(*)::int AS n FROM institutions WHERE code LIKE 'GEN-%'`);
  return Number(rows[0].n);
}

async function createTempTables(client: Client, options: PersonsOptions): Promise<void> {
  await client.query(
    `CREATE TEMP TABLE gen_persons (
       id varchar(36) PRIMARY KEY, id_number varchar(18), name varchar(64), phone varchar(20), birth_date date,
       region_code varchar(12), insurance_type varchar(16), employment_status varchar(16), real_name boolean,
       out_of_region boolean, monthly_credit bigint, card_number varchar(20), created_at timestamptz
     ) ON COMMIT DELETE ROWS`,
  );
  await client.query(
    `CREATE TEMP TABLE gen_kin (
       id varchar(36), provider_id varchar(36), beneficiary_id varchar(36), relation varchar(32), channel varchar(32),
       position integer, registered_on date
     ) ON COMMIT DELETE ROWS`,
  );
  await client.query(
    `CREATE TEMP TABLE gen_credit (key integer, month varchar(7), person_id varchar(36), pocket varchar(16),
       amount bigint) ON COMMIT DELETE ROWS`,
  );
  await client.query(
    `CREATE TEMP TABLE gen_purchase (key integer, person_id varchar(36), service_date date, institution_id varchar(36),
       amount bigint, channel varchar(32)) ON COMMIT DELETE ROWS`,
  );
  await client.query(`CREATE TEMP TABLE gen_months (key integer, month varchar(7))`);
  const months = creditMonthsOf(options);
  await client.query(
    `INSERT INTO gen_months SELECT (i - 1) * ${KEY_STRIDE}, m FROM unnest($1::text[]) WITH ORDINALITY AS u(m, i)`,
    [months],
  );
  await client.query(
    `CREATE TEMP TABLE gen_pharmacies AS
     SELECT "regionCode" AS region_code, (row_number() OVER (PARTITION BY "regionCode" ORDER BY id) - 1)::int AS n, id
       FROM institutions WHERE kind = 'PHARMACY' AND code LIKE 'GEN-%'`,
  );
  await client.query('CREATE INDEX ON gen_pharmacies (region_code, n)');
}

interface BatchCounts {
  persons: number;
  relations: number;
  transactions: number;
  postings: number;
  credits: number;
  rows: number;
}

async function loadBatch(
  client: Client,
  persons: readonly GeneratedPerson[],
  relations: readonly GeneratedRelation[],
  options: PersonsOptions,
  rng: Random,
): Promise<BatchCounts> {
  const bulk = client as unknown as BulkClient;
  const now = new Date();
  await client.query('BEGIN');
  try {
    const createdAt = now.toISOString();
    await copyInto(
      bulk,
      'gen_persons',
      [
        'id',
        'id_number',
        'name',
        'phone',
        'birth_date',
        'region_code',
        'insurance_type',
        'employment_status',
        'real_name',
        'out_of_region',
        'monthly_credit',
        'card_number',
        'created_at',
      ],
      persons.map((p) =>
        copyLine([
          p.id,
          p.idNumber,
          p.name,
          p.phone,
          p.birthDate,
          p.regionCode,
          p.insuranceType,
          p.employmentStatus,
          p.realNameVerified,
          p.outOfRegionUsePermission,
          p.monthlyCredit,
          `S${String(rng.int(0, 999_999_999)).padStart(9, '0')}${String(rng.int(0, 999_999)).padStart(6, '0')}`,
          createdAt,
        ]),
      ),
    );
    if (relations.length > 0)
      await copyInto(
        bulk,
        'gen_kin',
        ['id', 'provider_id', 'beneficiary_id', 'relation', 'channel', 'position', 'registered_on'],
        relations.map((r) =>
          copyLine([r.id, r.providerId, r.beneficiaryId, r.relation, r.channel, r.position, r.registeredOn]),
        ),
      );
    const inserted = await client.query(
      `INSERT INTO persons (id, "idNumber", name, phone, "birthDate", "regionCode", "insuranceType", "employmentStatus",
         "realNameVerified", "outOfRegionUsePermission", "bankCardLinked", "paymentPasswordFailures",
         "passwordFreeLimit", "createdAt", "updatedAt", version)
       SELECT id, id_number, name, phone, birth_date, region_code, insurance_type, employment_status, real_name,
              out_of_region, false, 0, 0, created_at, created_at, 1
         FROM gen_persons ON CONFLICT DO NOTHING`,
    );
    if ((inserted.rowCount ?? 0) < persons.length) {
      // A rare repeated ID number (same division, birth date and sequence): that person is simply not generated.
      await client.query(
        `DELETE FROM gen_persons g WHERE NOT EXISTS
           (SELECT 1 FROM persons p WHERE p.id = g.id AND p."idNumber" = g.id_number)`,
      );
    }
    const pockets = await client.query(
      `INSERT INTO pockets (id, "personId", kind, balance, "updatedAt", version)
       SELECT ${ORDERED_UUID_SQL}, g.id, k.kind, 0, g.created_at, 1
         FROM gen_persons g CROSS JOIN (VALUES ('EARMARKED'), ('LEGACY'), ('WALLET')) AS k(kind)
        WHERE g.insurance_type = 'EMPLOYEE' OR k.kind = 'WALLET'`,
    );
    const cards = await client.query(
      `INSERT INTO cards ("personId", state, "updatedAt", "cardNumber")
       SELECT id, 'ACTIVE', created_at, card_number FROM gen_persons ON CONFLICT DO NOTHING`,
    );
    const kin = await client.query(
      `INSERT INTO kin_relations (id, "providerId", "beneficiaryId", relation, channel, position, "registeredOn",
         "proxyOnly", "createdAt", "revokedAt")
       SELECT k.id, k.provider_id, k.beneficiary_id, k.relation, k.channel, k.position, k.registered_on, false,
              k.registered_on::timestamp AT TIME ZONE 'Asia/Shanghai' + interval '10 hours', NULL
         FROM gen_kin k
        WHERE EXISTS (SELECT 1 FROM gen_persons g WHERE g.id = k.provider_id)
          AND EXISTS (SELECT 1 FROM gen_persons g WHERE g.id = k.beneficiary_id)`,
    );
    await client.query('ANALYZE gen_persons');
    const seed = String(options.seed);
    // R-ACC-4: one credit per employee and month (about 2 % of person-months not collected, so no credit); a month
    // before the region's earmarkedFrom (default 2022-09-01) goes to LEGACY.
    await client.query(
      `INSERT INTO gen_credit (key, month, person_id, pocket, amount)
       SELECT m.key, m.month, g.id,
              CASE WHEN (m.month || '-01')::date < COALESCE(r."earmarkedFrom", pr."earmarkedFrom", DATE '2022-09-01')
                   THEN 'LEGACY' ELSE 'EARMARKED' END,
              g.monthly_credit
         FROM gen_persons g CROSS JOIN gen_months m
         JOIN regions r ON r.code = g.region_code
         LEFT JOIN regions pr ON pr.code = r."provinceCode" AND pr.code <> r.code
        WHERE g.monthly_credit > 0 AND (hashtext($1 || g.id || m.month) & 1023) >= 20`,
      [seed],
    );
    await client.query('ANALYZE gen_credit');
    // Pharmacy purchases paid from the month's credit (never more than it, so no pocket goes negative, R-SET-6),
    // none dated after today (R-SET-5: only care already given; the current month's later days have none).
    await client.query(
      `INSERT INTO gen_purchase (key, person_id, service_date, institution_id, amount, channel)
       SELECT c.key + row_number() OVER (PARTITION BY c.key ORDER BY c.person_id), c.person_id,
              (c.month || '-06')::date + (abs(hashtext($1 || 'd' || c.person_id || c.month)) % 20),
              ph.id,
              GREATEST(100, c.amount * (20 + abs(hashtext($1 || 'a' || c.person_id || c.month)) % 80) / 100),
              CASE WHEN hashtext($1 || 'c' || c.person_id || c.month) & 1 = 0 THEN 'CARD' ELSE 'E_VOUCHER' END
         FROM gen_credit c JOIN gen_persons g ON g.id = c.person_id
         JOIN gen_pharmacies ph ON ph.region_code = g.region_code
              AND ph.n = abs(hashtext($1 || 'i' || c.person_id)) % 2
        WHERE c.pocket = 'EARMARKED' AND abs(hashtext($1 || 'p' || c.person_id || c.month)) % 100 < $2
          AND (c.month || '-06')::date + (abs(hashtext($1 || 'd' || c.person_id || c.month)) % 20) <= $3::date`,
      [seed, options.purchasePercent, options.today],
    );
    await client.query(
      `INSERT INTO ${STAGE_TX} (key, id, kind, status, amount, actor, explanation, details, created_at)
       SELECT key, ${ORDERED_UUID_SQL}, 'CONTRIBUTION_CREDIT', 'POSTED', SUM(amount), 'generator',
              json_build_array(json_build_object('rule', 'R-ACC-4', 'message',
                month || ': credit ' || COUNT(*) || ' collected contributions totalling ' ||
                to_char(SUM(amount) / 100.0, 'FM999999999990.00') || ' to ' || MIN(pocket)))::text,
              json_build_object('month', month, 'generated', true)::text,
              (month || '-03 02:00:00')::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM gen_credit GROUP BY key, month`,
    );
    await client.query(
      `INSERT INTO ${STAGE_TX} (key, id, kind, status, amount, person_id, institution_id, service_date, channel,
         actor, explanation, details, created_at)
       SELECT key, ${ORDERED_UUID_SQL}, 'SETTLEMENT', 'POSTED', amount, person_id, institution_id, service_date,
              channel, 'generator',
              json_build_array(
                json_build_object('rule', 'R-SET-3', 'message', 'Retail pharmacy purchase: no fund payment'),
                json_build_object('rule', 'R-SET-4', 'message',
                  'Personal share ' || to_char(amount / 100.0, 'FM999999990.00') || ' paid from own EARMARKED'))::text,
              json_build_object(
                'bill', json_build_object('visitType', 'PHARMACY', 'serviceDate', service_date, 'covered',
                  amount::text, 'outOfCatalogue', '0', 'excluded', '0', 'institutionId', institution_id,
                  'channel', channel),
                'split', json_build_object('fundPay', '0', 'personalShare', amount::text,
                  'ownEarmarked', amount::text, 'ownWallet', '0', 'cash', '0'),
                'accumulatorDelta', json_build_object('year', extract(year FROM service_date)::int,
                  'outpatientCovered', '0', 'outpatientFundPaid', '0', 'inpatientAdmissions', 0,
                  'inpatientFundPaid', '0', 'accountPaid', amount::text),
                'generated', true)::text,
              (service_date + time '10:00')::timestamp AT TIME ZONE 'Asia/Shanghai'
         FROM gen_purchase`,
    );
    await client.query(
      `INSERT INTO ${STAGE_LINE} (key, seq, account_type, person_id, pocket, system_account, ref, amount)
       SELECT key, 0, 'SYSTEM', NULL, NULL, 'CONTRIBUTION_SOURCE', NULL, -SUM(amount) FROM gen_credit GROUP BY key
       UNION ALL
       SELECT key, row_number() OVER (PARTITION BY key ORDER BY person_id)::int, 'POCKET', person_id, pocket, NULL,
              NULL, amount FROM gen_credit
       UNION ALL
       SELECT key, 0, 'SYSTEM', NULL, NULL, 'INSTITUTION', institution_id, amount FROM gen_purchase
       UNION ALL
       SELECT key, 1, 'POCKET', person_id, 'EARMARKED', NULL, NULL, -amount FROM gen_purchase`,
    );
    const posted = await postStaged(bulk, { now });
    const credits = await client.query(
      `INSERT INTO contribution_credits ("personId", month, amount, "transactionId")
       SELECT c.person_id, c.month, c.amount, t.id FROM gen_credit c JOIN ${STAGE_TX} t ON t.key = c.key`,
    );
    const accumulators = await client.query(
      `INSERT INTO accumulators ("personId", year, "outpatientCovered", "outpatientFundPaid", "inpatientAdmissions",
         "inpatientFundPaid", "accountPaid", version)
       SELECT person_id, extract(year FROM service_date)::int, 0, 0, 0, 0, SUM(amount), 1
         FROM gen_purchase GROUP BY person_id, extract(year FROM service_date)
       ON CONFLICT ("personId", year) DO UPDATE SET "accountPaid" = accumulators."accountPaid" + excluded."accountPaid",
         version = accumulators.version + 1`,
    );
    const spend = await client.query(
      `INSERT INTO account_daily_spend ("personId", day, "institutionId", amount)
       SELECT person_id, service_date, institution_id, SUM(amount) FROM gen_purchase
        GROUP BY person_id, service_date, institution_id
       ON CONFLICT ("personId", day, "institutionId") DO UPDATE SET amount = account_daily_spend.amount + excluded.amount`,
    );
    await client.query('COMMIT');
    const personsIn = inserted.rowCount ?? 0;
    return {
      persons: personsIn,
      relations: kin.rowCount ?? 0,
      transactions: posted.transactions,
      postings: posted.postings,
      credits: credits.rowCount ?? 0,
      rows:
        personsIn +
        (pockets.rowCount ?? 0) +
        (cards.rowCount ?? 0) +
        (kin.rowCount ?? 0) +
        posted.transactions +
        posted.postings +
        (credits.rowCount ?? 0) +
        (accumulators.rowCount ?? 0) +
        (spend.rowCount ?? 0),
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}
