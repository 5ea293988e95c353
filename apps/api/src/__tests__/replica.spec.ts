import { ENTITY_DIALECT } from '@gongji/persistence';
import { PgCluster, freePort, pgClustersAvailable, waitForReplay } from '@gongji/persistence/testing';
import { type App, startApp } from '../bootstrap';
import { loadConfig } from '../config';
import { createLogger } from '../logger';

/**
 * Issue #11, scale-out of reads: a throwaway primary cluster and a hot-standby streaming replica of it (initdb +
 * `pg_basebackup -R`, both with `log_statement = all`), the API pointed at both (DATABASE_URL + DATABASE_REPLICA_URLS).
 * Analysts' aggregates are served by the replica — counted in each node's own statement log and in /metrics — while
 * sign-in and money mutations run on the primary, whose writes reach the replica by streaming. PostgreSQL only; the
 * shared server on 5432 is never touched.
 */
const usable = ENTITY_DIALECT === 'postgres' && pgClustersAvailable();
const describePg = usable ? describe : describe.skip;
/** Ports of the two clusters: free ones unless set (never the shared server's 5432). */
const port = async (name: string): Promise<number> =>
  process.env[name] ? Number(process.env[name]) : freePort();

/** A fragment only the ledgerStats statement has, and one only crossProvinceFlows has. */
const LEDGER_STATS_SQL = 'COUNT(DISTINCT tx) AS txs';
const FLOWS_SQL = 'COUNT(DISTINCT t."counterpartyPersonId") AS recipients';

/** The statements a server ran, from its log (`log_statement = all`; one entry per timestamped line group). */
const statements = (log: string): string[] =>
  log.split(/\n(?=\d{4}-\d{2}-\d{2} )/).filter((entry) => /LOG:\s+(statement|execute [^:]*):/.test(entry));
const count = (log: string, fragment: string): number =>
  statements(log).filter((s) => s.includes(fragment)).length;
const writes = (log: string): number =>
  statements(log).filter((s) => /(statement|execute [^:]*):\s*(INSERT|UPDATE|DELETE)\b/.test(s)).length;

async function gql<T>(url: string, query: string, variables: Record<string, unknown>, token?: string) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': 'en',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string }[] };
}

async function login(url: string, username: string, password: string): Promise<string> {
  const r = await gql<{ sessionCreate: { token: string } }>(
    url,
    'mutation($u: String!, $p: String!) { sessionCreate(input: { username: $u, password: $p }) { token } }',
    { u: username, p: password },
  );
  if (!r.data?.sessionCreate.token) throw new Error(`login ${username}: ${JSON.stringify(r)}`);
  return r.data.sessionCreate.token;
}

async function metric(url: string, query: string, node: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const m = new RegExp(`^gongji_db_reads_total\\{query="${query}",node="${node}"\\} (\\d+)`, 'm').exec(text);
  return m ? Number(m[1]) : 0;
}

const STATS = `query($f: StatsFilter) { ledgerStats(groupBy: [TRANSACTION_KIND], filter: $f) {
  kind values { code } transactionCount suppressed } }`;
type StatsRows = {
  ledgerStats: { kind: string; values: { code: string }[]; transactionCount: number | null }[];
};
const FLOWS = `query { crossProvinceFlows(from: "2020-01-01", to: "2022-12-31") { transferCount } }`;
const CONFIRM = `mutation($input: SettlementConfirmInput!) {
  settlementConfirm(input: $input) { transaction { id } userErrors { code message } } }`;

describePg(`read replica (${ENTITY_DIALECT})`, () => {
  let primary: PgCluster | undefined;
  let replica: PgCluster | undefined;
  let app: App | undefined;

  beforeAll(async () => {
    primary = await PgCluster.primary({
      port: await port('GONGJI_TEST_PG_PRIMARY_PORT'),
      settings: { log_statement: "'all'" },
    });
    replica = await PgCluster.replicaOf(primary, { port: await port('GONGJI_TEST_PG_REPLICA_PORT') });
    await primary.query('CREATE DATABASE gongji');
    await waitForReplay(primary, replica);
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      GONGJI_ADMIN_DIR: '',
      GONGJI_STATS_MIN_CELL: '2',
      DATABASE_URL: primary.url('gongji'),
      DATABASE_REPLICA_URLS: replica.url('gongji'),
    });
    app = await startApp(config, createLogger('fatal'));
    await waitForReplay(primary, replica);
  }, 180_000);

  afterAll(async () => {
    await app?.close();
    await replica?.destroy();
    await primary?.destroy();
  });

  it('the clusters are a primary and a hot standby streaming from it', async () => {
    const [p] = await primary!.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    const [s] = await replica!.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
    expect(p.r).toBe(false);
    expect(s.r).toBe(true);
    const senders = await primary!.query<{ state: string }>('SELECT state FROM pg_stat_replication');
    expect(senders.map((x) => x.state)).toEqual(['streaming']);
  });

  it("analysts' aggregates are served by the replica; sign-in and settlements by the primary; writes reach the replica", async () => {
    const url = app!.url;
    const analyst = await login(url, 'analyst', 'gongji-analyst-demo');
    const admin = await login(url, 'admin', 'gongji-admin-demo');
    const primaryLog = () => primary!.log();
    const replicaLog = () => replica!.log();
    const before = {
      primaryStats: count(primaryLog(), LEDGER_STATS_SQL),
      replicaStats: count(replicaLog(), LEDGER_STATS_SQL),
      replicaFlows: count(replicaLog(), FLOWS_SQL),
      metricReplica: await metric(url, 'ledgerStats', 'replica'),
    };
    const filter = null; // the year up to today (UTC+8): today's settlement is in it

    const first = await gql<StatsRows>(url, STATS, { f: filter }, analyst);
    expect(first.errors).toBeUndefined();
    const flows = await gql<unknown>(url, FLOWS, {}, analyst);
    expect(flows.errors).toBeUndefined();
    for (let i = 0; i < 4; i++)
      expect((await gql<StatsRows>(url, STATS, { f: filter }, analyst)).errors).toBeUndefined();

    // Statement counts per node, from each server's own log: 5 ledgerStats + 1 flows on the replica, none on the primary.
    expect(count(replicaLog(), LEDGER_STATS_SQL) - before.replicaStats).toBe(5);
    expect(count(replicaLog(), FLOWS_SQL) - before.replicaFlows).toBe(1);
    expect(count(primaryLog(), LEDGER_STATS_SQL) - before.primaryStats).toBe(0);
    expect((await metric(url, 'ledgerStats', 'replica')) - before.metricReplica).toBe(5);

    // Two settlements (money mutations; two patients, so the cell is above the small-cell minimum of 2) commit on
    // the primary — the replica is read-only and would refuse them.
    const [hospital] = await primary!.query<{ id: string }>(
      `SELECT id FROM institutions WHERE code = 'H11010100001'`,
      [],
      'gongji',
    );
    const settled = (rows: StatsRows | undefined) =>
      rows?.ledgerStats.find((r) => r.kind === 'CELL' && r.values[0]?.code === 'SETTLEMENT')
        ?.transactionCount ?? 0;
    const settlementsBefore = settled(first.data);
    const ids: string[] = [];
    for (const name of ['王丽', '王强']) {
      const [patient] = await primary!.query<{ id: string }>(
        'SELECT id FROM persons WHERE name = $1',
        [name],
        'gongji',
      );
      const confirm = await gql<{
        settlementConfirm: { transaction: { id: string } | null; userErrors: unknown[] };
      }>(
        url,
        CONFIRM,
        {
          input: {
            patientId: patient.id,
            institutionId: hospital.id,
            visitType: 'OUTPATIENT',
            serviceDate: '2025-06-01',
            covered: '12.00',
            outOfCatalogue: '0.00',
            excluded: '0.00',
            channel: 'E_VOUCHER',
            idempotencyKey: `replica-spec-${name}`,
          },
        },
        admin,
      );
      expect(confirm.errors).toBeUndefined();
      expect(confirm.data?.settlementConfirm.userErrors).toEqual([]);
      ids.push(confirm.data!.settlementConfirm.transaction!.id);
    }
    expect(writes(primaryLog())).toBeGreaterThan(0);
    expect(writes(replicaLog())).toBe(0);

    // Streaming carries it to the replica; the analysts' next aggregate (served there) counts it.
    await waitForReplay(primary!, replica!);
    const onReplica = await replica!.query<{ n: string }>(
      'SELECT count(*)::text AS n FROM transactions WHERE id = ANY($1)',
      [ids],
      'gongji',
    );
    expect(onReplica[0].n).toBe('2');
    const after = await gql<StatsRows>(url, STATS, { f: filter }, analyst);
    expect(settled(after.data)).toBe(settlementsBefore + 2);

    console.log(
      `replica test: ledgerStats statements — replica ${count(replicaLog(), LEDGER_STATS_SQL) - before.replicaStats}, ` +
        `primary ${count(primaryLog(), LEDGER_STATS_SQL) - before.primaryStats}; 2 settlements written on the ` +
        `primary and replayed on the replica (SETTLEMENT count ${settlementsBefore} → ${settled(after.data)})`,
    );
  });

  it('with the replica down, analysts are answered by the primary (and counted there)', async () => {
    const url = app!.url;
    const analyst = await login(url, 'analyst', 'gongji-analyst-demo');
    await replica!.stop('immediate');
    const primaryBefore = count(primary!.log(), LEDGER_STATS_SQL);
    const metricBefore = await metric(url, 'ledgerStats', 'primary');
    const r = await gql<StatsRows>(url, STATS, { f: null }, analyst);
    expect(r.errors).toBeUndefined();
    expect(r.data?.ledgerStats.length).toBeGreaterThan(0);
    expect(count(primary!.log(), LEDGER_STATS_SQL) - primaryBefore).toBe(1);
    expect((await metric(url, 'ledgerStats', 'primary')) - metricBefore).toBe(1);
  });
});
