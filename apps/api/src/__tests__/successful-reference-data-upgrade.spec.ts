import {
  ENTITY_DIALECT,
  REGIONS_DATA,
  ReferenceDataVersionEntity,
  RegionEntity,
  ensureReferenceData,
} from '@gongji/persistence';
import { PREVIOUS_REGIONS_DATA, type TestDatabase, createTestDatabase } from '@gongji/persistence/testing';
import type { DataSource } from 'typeorm';
import { type App, startApp } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';
import { DEMO_USERS } from '../seed/demo';

const MIGRATION = 'ReferenceDataVersions';

async function gql<T>(
  app: App,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
): Promise<{ data?: T; errors?: unknown[] }> {
  const res = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: unknown[] };
}

async function login(app: App): Promise<string> {
  const admin = DEMO_USERS.find((u) => u.username === 'admin')!;
  const res = await gql<{ sessionCreate: { token: string } }>(
    app,
    'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
    { u: admin.username, p: admin.password },
  );
  return res.data!.sessionCreate.token;
}

const COUNTS = `query($on: Date!) {
  pools: regions(filter: { isPool: true }, first: 0) { totalCount }
  fujian: regions(filter: { provinceCode: "350000", isPool: true }, first: 0) { totalCount }
  rolloutSummary(on: $on) { regionsOpen reportedRegionsOpen provincesOpen }
  shijiazhuang: region(code: "130100") { walletFrom walletFromBasis staffOwnedFields }
}`;
type Counts = {
  pools: { totalCount: number };
  fujian: { totalCount: number };
  rolloutSummary: { regionsOpen: number; reportedRegionsOpen: number; provincesOpen: number };
  shijiazhuang: { walletFrom: string; walletFromBasis: string; staffOwnedFields: string[] } | null;
};

async function migrationApplied(ds: DataSource): Promise<boolean> {
  const rows: { name: string }[] = await ds.query('SELECT name FROM migrations');
  return rows.some((r) => r.name.startsWith(MIGRATION));
}

/**
 * Issue #9: a start on a database made by the previous release. That release loaded its regions.json (220 named
 * regions, kept as a fixture) into an empty database, had no `staffOwnedFields` and no version row, and audited
 * every `regionUpdate`. Here: start with the previous data, staff-edit a wallet date through the API, take the
 * schema back to the previous release (undo this release's migration), then start the current version on it.
 */
describe(`a start on a database of the previous release (${ENTITY_DIALECT})`, () => {
  let db: TestDatabase;
  let app: App | undefined;
  const logger = createLogger(process.env['LOG_LEVEL'] ?? 'fatal');
  const config = () =>
    loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GONGJI_ADMIN_DIR: '',
      DATABASE_URL: db.url,
    });
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('adds the new regions, keeps the staff-edited wallet date and the seed-004 figures', async () => {
    // The previous release's data, and a member of staff who knows 石家庄 opened on 2025-01-15.
    app = await startApp(config(), logger, { referenceData: PREVIOUS_REGIONS_DATA });
    const admin = await login(app);
    const edited = await gql<{ regionUpdate: { region: { walletFrom: string }; userErrors: unknown[] } }>(
      app,
      `mutation { regionUpdate(input: { code: "130100", walletFrom: "2025-01-15", reason: "bureau notice" }) {
         region { walletFrom staffOwnedFields } userErrors { code message } } }`,
      {},
      admin,
    );
    expect(edited.data!.regionUpdate).toEqual({
      region: { walletFrom: '2025-01-15', staffOwnedFields: ['walletFrom'] },
      userErrors: [],
    });
    const before = await gql<Counts>(app, COUNTS, { on: '2025-05-08' }, admin);
    expect(before.data).toMatchObject({
      pools: { totalCount: PREVIOUS_REGIONS_DATA.regions.length + 3 },
      fujian: { totalCount: 0 },
      rolloutSummary: { regionsOpen: 220, reportedRegionsOpen: 227, provincesOpen: 22 },
    });
    await app.close();
    app = undefined;

    // The schema of the previous release: no staffOwnedFields / active / version table.
    while (await migrationApplied(db.dataSource)) await db.dataSource.undoLastMigration();
    const columns: unknown[] = await db.dataSource.query(
      ENTITY_DIALECT === 'postgres'
        ? `SELECT column_name FROM information_schema.columns WHERE table_name = 'regions' AND column_name = 'staffOwnedFields'`
        : `SELECT name FROM pragma_table_info('regions') WHERE name = 'staffOwnedFields'`,
    );
    expect(columns).toEqual([]);

    // The new release starts: migration (staff-owned fields taken from the audit log), then the loader.
    app = await startApp(config(), logger);
    const token = await login(app);
    const applied = await db.dataSource
      .getRepository(ReferenceDataVersionEntity)
      .findOneByOrFail({ dataset: 'regions' });
    const after = await gql<Counts>(app, COUNTS, { on: '2025-05-08' }, token);
    const early = await gql<Counts>(app, COUNTS, { on: '2025-02-01' }, token);
    console.log(
      `${ENTITY_DIALECT}: upgrade from the previous release: ${JSON.stringify(applied.summary)}; ` +
        `pools ${before.data!.pools.totalCount} → ${after.data!.pools.totalCount}, ` +
        `Fujian ${before.data!.fujian.totalCount} → ${after.data!.fujian.totalCount}; ` +
        `石家庄 ${JSON.stringify(after.data!.shijiazhuang)}; ` +
        `rolloutSummary(2025-05-08) ${JSON.stringify(after.data!.rolloutSummary)}, ` +
        `regionsOpen on 2025-02-01: ${early.data!.rolloutSummary.regionsOpen}`,
    );
    expect(applied.summary).toMatchObject({
      added: REGIONS_DATA.regions.length - PREVIOUS_REGIONS_DATA.regions.length,
      updated: 0,
      withdrawn: 0,
      staffEditsKept: 1,
    });
    expect(after.data).toEqual({
      pools: { totalCount: REGIONS_DATA.regions.length + 3 },
      fujian: { totalCount: 9 },
      rolloutSummary: { regionsOpen: 220, reportedRegionsOpen: 227, provincesOpen: 22 },
      shijiazhuang: {
        walletFrom: '2025-01-15',
        walletFromBasis: 'CONFIRMED_BY',
        staffOwnedFields: ['walletFrom'],
      },
    });
    // 苏州 (2024-12-02) and the staff's 石家庄 (2025-01-15).
    expect(early.data!.rolloutSummary.regionsOpen).toBe(2);

    // The next start with the same data does nothing but the version check.
    const stored = await db.dataSource.getRepository(RegionEntity).findOneByOrFail({ code: '130100' });
    expect(await ensureReferenceData(db.dataSource)).toMatchObject({ unchanged: true, added: 0 });
    expect(
      (await db.dataSource.getRepository(RegionEntity).findOneByOrFail({ code: '130100' })).version,
    ).toBe(stored.version);
  });
});
