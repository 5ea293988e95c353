import { ENTITY_DIALECT } from '@gongji/persistence';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import { CONFIRM, CANCEL, REFUND, type ConfirmData, institutionId, personId } from './settlement-helpers';
import { key, portal } from './wallet.helpers';

/**
 * API.md "Who may call what": every ADMIN/COUNTER change lands in the audit log — money moved by staff included.
 * The ledger writer writes the audit row in the same database transaction as the postings (on PostgreSQL in the
 * same statement), so a staff change and its audit commit together or not at all. Portals' settlements are the
 * portal's own business (their API client is the transaction's actor) and write no audit row; refusals and replays
 * change nothing and write none either.
 */
const AUDIT = `query($f: AuditLogFilter) { auditLog(filter: $f, first: 100) {
  totalCount edges { node { actorType actorName action entityType entityId before after reason } } } }`;

interface AuditNode {
  actorType: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  reason: string | null;
}

describe(`staff money mutations are audited (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let admin: string;
  let counter: string;
  let xiehe: string;
  let wangli: string;

  beforeAll(async () => {
    app = await createTestApp();
    admin = await app.login('admin');
    counter = await app.login('counter');
    xiehe = await institutionId(app, 'H11010100001');
    wangli = await personId(app, '王丽');
  });
  afterAll(async () => app?.close());

  const auditOf = async (entityId: string): Promise<AuditNode[]> => {
    const res = await app.gql<{ auditLog: { edges: { node: AuditNode }[] } }>(
      AUDIT,
      { f: { entityId } },
      admin,
    );
    expect(res.errors).toBeUndefined();
    return res.data!.auditLog.edges.map((e) => e.node);
  };
  const auditCount = async (): Promise<number> => {
    const res = await app.gql<{ auditLog: { totalCount: number } }>(AUDIT, { f: null }, admin);
    return res.data!.auditLog.totalCount;
  };
  const bill = (idempotencyKey: string, covered = '300.00') => ({
    patientId: wangli,
    institutionId: xiehe,
    visitType: 'OUTPATIENT',
    serviceDate: '2025-03-10',
    covered,
    channel: 'CARD',
    password: DEMO_PAYMENT_PASSWORD,
    idempotencyKey,
  });

  it('a counter settlement, its refund and its cancel each leave one audit row naming the clerk, the transaction and the amount; a replay leaves none', async () => {
    const k = key('staff-settle');
    const res = await app.gql<ConfirmData>(CONFIRM, { input: bill(k) }, counter);
    expect(res.errors).toBeUndefined();
    const tx = res.data!.settlementConfirm.transaction!;
    const rows = await auditOf(tx.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      actorType: 'USER',
      action: 'settlementConfirm',
      entityType: 'Transaction',
      entityId: tx.id,
      before: null,
    });
    expect(rows[0]!.actorName).toBeTruthy();
    expect(JSON.parse(rows[0]!.after!)).toMatchObject({
      transactionId: tx.id,
      kind: 'SETTLEMENT',
      personId: wangli,
      institutionId: xiehe,
      idempotencyKey: k,
    });
    expect(BigInt(JSON.parse(rows[0]!.after!).amount)).toBeGreaterThan(0n);

    // The same key again is a replay: the stored reply, no second transaction and no second audit row.
    const total = await auditCount();
    const again = await app.gql<ConfirmData>(CONFIRM, { input: bill(k) }, counter);
    expect(again.data!.settlementConfirm.transaction!.id).toBe(tx.id);
    expect(await auditCount()).toBe(total);

    const refund = await app.gql<{ refundIssue: { transaction: { id: string } | null } }>(
      REFUND,
      {
        input: {
          transactionId: tx.id,
          amount: '10.00',
          idempotencyKey: key('staff-refund'),
          reason: '  退回未使用的药品  ',
        },
      },
      counter,
    );
    const refundId = refund.data!.refundIssue.transaction!.id;
    // The clerk's reason lands in the audit row with the money (trimmed).
    expect(
      (await auditOf(refundId)).map((r) => [r.action, JSON.parse(r.after!).originalTransactionId, r.reason]),
    ).toEqual([['refundIssue', tx.id, '退回未使用的药品']]);
  });

  it('a settlement cancelled by the counter is audited as settlementCancel', async () => {
    const res = await app.gql<ConfirmData>(CONFIRM, { input: bill(key('staff-c'), '50.00') }, counter);
    const tx = res.data!.settlementConfirm.transaction!;
    const cancel = await app.gql<{ settlementCancel: { transaction: { id: string } | null } }>(
      CANCEL,
      { input: { transactionId: tx.id, idempotencyKey: key('staff-cancel'), reason: '收费项目录入错误' } },
      counter,
    );
    const cancelId = cancel.data!.settlementCancel.transaction!.id;
    expect((await auditOf(cancelId)).map((r) => [r.action, r.reason])).toEqual([
      ['settlementCancel', '收费项目录入错误'],
    ]);
  });

  it('a refused staff settlement (a wrong payment password) moves nothing and writes no audit row', async () => {
    const total = await auditCount();
    const res = await app.gql<ConfirmData>(
      CONFIRM,
      { input: { ...bill(key('staff-bad-pw')), password: '000000' } },
      counter,
    );
    expect(res.data!.settlementConfirm.transaction).toBeNull();
    expect(res.data!.settlementConfirm.userErrors.length).toBeGreaterThan(0);
    expect(await auditCount()).toBe(total);
    // Reset the failure count the wrong password left (R-ACC-7) for the other tests.
    await app.gql(
      `mutation($i: PaymentPasswordUnlockInput!) { paymentPasswordUnlock(input: $i) { userErrors { code } } }`,
      { i: { personId: wangli, reason: 'test: clear the failed attempt' } },
      counter,
    );
  });

  it('a LEGACY withdrawal keeps its own audit details; a hospital portal settlement writes no audit row', async () => {
    const wangjianguo = await personId(app, '王建国');
    const wd = await app.gql<{ legacyWithdraw: { transaction: { id: string } | null } }>(
      `mutation($i: LegacyWithdrawInput!) { legacyWithdraw(input: $i) { transaction { id } userErrors { code } } }`,
      { i: { personId: wangjianguo, amount: '100.00', idempotencyKey: key('staff-wd') } },
      counter,
    );
    const wdRows = await auditOf(wd.data!.legacyWithdraw.transaction!.id);
    expect(wdRows.map((r) => [r.action, JSON.parse(r.after!)])).toEqual([
      ['legacyWithdraw', { personId: wangjianguo, amount: '10000' }],
    ]);

    const hospital = await portal(app, ['settlement:write'], { institutionId: xiehe });
    const total = await auditCount();
    const res = await app.gql<ConfirmData>(CONFIRM, { input: bill(key('portal-settle'), '20.00') }, hospital);
    expect(res.data!.settlementConfirm.transaction).not.toBeNull();
    expect(await auditCount()).toBe(total);
  });
});
