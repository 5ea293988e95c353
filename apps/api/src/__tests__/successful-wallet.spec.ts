import { AuditLogEntity, ENTITY_DIALECT, TransactionEntity, WalletEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  TX,
  type TxOut,
  USER_ERRORS,
  type UserErrorOut,
  balance,
  expectLedgerClean,
  key,
  personId,
  portal,
} from './wallet.helpers';

const ACTIVATE = `mutation($i: WalletActivateInput!) { walletActivate(input: $i) {
  wallet { usageRegionCode phone activatedAt } changed ${USER_ERRORS} } }`;
const TRANSFER = `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${TX} ${USER_ERRORS} } }`;

type Activate = {
  walletActivate: {
    wallet: { usageRegionCode: string } | null;
    changed: boolean;
    userErrors: UserErrorOut[];
  };
};
type Transfer = { walletTransfer: { transaction: TxOut | null; userErrors: UserErrorOut[] } };

describe(`walletActivate and walletTransfer over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let zhangwei: string;
  let zhaomin: string;
  beforeAll(async () => {
    app = await createTestApp();
    zhangwei = await personId(app, '张伟');
    zhaomin = await personId(app, '赵敏');
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-WAL-5: 张伟 confirms his wallet in Shijiazhuang; the same confirmation again changes nothing; audited', async () => {
    const counter = await app.login('counter');
    // recorded by staff as of Shijiazhuang's opening day, so transfers dated from then on are his (R-WAL-5)
    const input = { personId: zhangwei, usageRegionCode: '130100', phone: '13900000001', on: '2025-05-08' };
    const first = await app.gql<Activate>(ACTIVATE, { i: input }, counter);
    expect(first.errors).toBeUndefined();
    expect(first.data!.walletActivate).toMatchObject({
      wallet: { usageRegionCode: '130100' },
      changed: true,
      userErrors: [],
    });
    const again = await app.gql<Activate>(ACTIVATE, { i: input }, counter);
    expect(again.data!.walletActivate).toMatchObject({ changed: false, userErrors: [] });
    expect(await app.db.getRepository(WalletEntity).countBy({ personId: zhangwei })).toBe(1);
    expect(
      await app.db.getRepository(AuditLogEntity).countBy({ action: 'walletActivate', entityId: zhangwei }),
    ).toBe(1);
  });

  it('R-WAL-3/R-WAL-4/R-WAL-6: 张伟 (Shijiazhuang, Hebei) sends 300.00 from EARMARKED to his mother 赵敏 (Jinan, Shandong)', async () => {
    const res = await app.gql<Transfer>(
      TRANSFER,
      {
        i: {
          fromPersonId: zhangwei,
          toPersonId: zhaomin,
          relation: 'PARENT',
          amount: '300.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: key('wal-ok'),
        },
      },
      await app.login('counter'),
    );
    expect(res.errors).toBeUndefined();
    const payload = res.data!.walletTransfer;
    expect(payload.userErrors).toEqual([]);
    expect(payload.transaction).toMatchObject({
      kind: 'WALLET_TRANSFER',
      amount: '300.00',
      personId: zhangwei,
      counterpartyPersonId: zhaomin,
    });
    expect(payload.transaction!.postings).toEqual([
      {
        personId: zhangwei,
        pocket: 'EARMARKED',
        systemAccount: null,
        amount: '-300.00',
        balanceAfter: '1700.00',
      },
      { personId: zhaomin, pocket: 'WALLET', systemAccount: null, amount: '300.00', balanceAfter: '300.00' },
    ]);
    expect(payload.transaction!.explanation.map((e) => e.rule)).toEqual(['R-WAL-3', 'R-WAL-4', 'R-WAL-6']);
    expect(await balance(app, zhangwei, 'EARMARKED')).toBe('1700.00');
    expect(await balance(app, zhaomin, 'WALLET')).toBe('300.00');
  });

  it('R-WAL-3: staff may decide on a past date on which both regions were open (2025-05-08)', async () => {
    const res = await app.gql<Transfer>(
      TRANSFER,
      {
        i: {
          fromPersonId: zhangwei,
          toPersonId: zhaomin,
          relation: 'PARENT',
          amount: '1.00',
          source: 'EARMARKED',
          verification: 'CODE_PASSWORD',
          on: '2025-05-08',
          idempotencyKey: key('wal-on'),
        },
      },
      await app.login('admin'),
    );
    expect(res.data!.walletTransfer.userErrors).toEqual([]);
    expect(await balance(app, zhaomin, 'WALLET')).toBe('301.00');
  });

  it('issue #4 idempotency: the same key sent twice concurrently moves money once and both replies are identical', async () => {
    const token = await portal(app, ['wallet:transfer'], { serving: [zhangwei] });
    const variables = {
      i: {
        fromPersonId: zhangwei,
        toPersonId: zhaomin,
        relation: 'PARENT',
        amount: '50.00',
        source: 'EARMARKED',
        verification: 'FACE',
        idempotencyKey: key('wal-dup'),
      },
    };
    const before = await app.db.getRepository(TransactionEntity).countBy({ kind: 'WALLET_TRANSFER' });
    const [a, b] = await Promise.all([
      app.gql<Transfer>(TRANSFER, variables, token),
      app.gql<Transfer>(TRANSFER, variables, token),
    ]);
    expect(a.errors).toBeUndefined();
    expect(a.data!.walletTransfer.userErrors).toEqual([]);
    expect(JSON.stringify(b.data)).toBe(JSON.stringify(a.data));
    expect(await app.db.getRepository(TransactionEntity).countBy({ kind: 'WALLET_TRANSFER' })).toBe(
      before + 1,
    );
    expect(await balance(app, zhaomin, 'WALLET')).toBe('351.00');
    // A later retry replays the same reply too.
    const c = await app.gql<Transfer>(TRANSFER, variables, token);
    expect(JSON.stringify(c.data)).toBe(JSON.stringify(a.data));
  });

  it('R-WAL-6: the recipient can pass wallet money on from her own WALLET', async () => {
    // 赵敏 confirms 张伟 as her CHILD; he confirmed his wallet above.
    const res = await app.gql<Transfer>(
      TRANSFER,
      {
        i: {
          fromPersonId: zhaomin,
          toPersonId: zhangwei,
          relation: 'CHILD',
          amount: '1.00',
          source: 'WALLET',
          verification: 'FACE',
          idempotencyKey: key('wal-back'),
        },
      },
      await app.login('counter'),
    );
    expect(res.data!.walletTransfer.userErrors).toEqual([]);
    expect(await balance(app, zhaomin, 'WALLET')).toBe('350.00');
    expect(await balance(app, zhangwei, 'WALLET')).toBe('1.00');
  });

  it('R-WAL-5: Hebei offers usage-location change, so 张伟 moves his usage region to 唐山 (130200)', async () => {
    const res = await app.gql<Activate>(
      ACTIVATE,
      { i: { personId: zhangwei, usageRegionCode: '130200', phone: '13900000001' } },
      await app.login('counter'),
    );
    expect(res.data!.walletActivate).toMatchObject({
      wallet: { usageRegionCode: '130200' },
      changed: true,
      userErrors: [],
    });
  });

  it('API.md: the fixed input { fromPersonId, toPersonId, amount, source, verification, idempotencyKey } transfers without `relation`: the relation on record is used (R-WAL-4)', async () => {
    const res = await app.gql<Transfer>(
      TRANSFER,
      {
        i: {
          fromPersonId: zhangwei,
          toPersonId: zhaomin,
          amount: '2.00',
          source: 'EARMARKED',
          verification: 'FACE',
          idempotencyKey: key('wal-api-md'),
        },
      },
      await portal(app, ['wallet:transfer'], { serving: [zhangwei] }),
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.walletTransfer.userErrors).toEqual([]);
    const explanation = res.data!.walletTransfer.transaction!.explanation;
    expect(explanation.find((e) => e.rule === 'R-WAL-4')?.message).toMatch(/PARENT.*attested/);
    expect(await balance(app, zhaomin, 'WALLET')).toBe('352.00');
  });

  it('R-WAL-4: the attested evidence is named in words — 户口簿 in Chinese, household register in English, never HOUSEHOLD_REGISTER', async () => {
    const counter = await app.login('counter');
    const send = (idempotencyKey: string, headers: Record<string, string>) =>
      app.gql<Transfer>(
        TRANSFER,
        {
          i: {
            fromPersonId: zhangwei,
            toPersonId: zhaomin,
            relation: 'PARENT',
            amount: '1.00',
            source: 'EARMARKED',
            verification: 'FACE',
            idempotencyKey,
          },
        },
        counter,
        headers,
      );
    const zh = await send(key('wal-evidence-zh'), { 'accept-language': '' });
    const en = await send(key('wal-evidence-en'), { 'accept-language': 'en' });
    const line = (res: Awaited<ReturnType<typeof send>>) =>
      res.data!.walletTransfer.transaction!.explanation.find((e) => e.rule === 'R-WAL-4')!.message;
    expect(line(zh)).toContain('经柜台工作人员核验：户口簿，');
    expect(line(zh)).not.toMatch(/[A-Z_]{4,}/);
    expect(line(en)).toContain('attested by counter staff (household register, ');
    expect(await balance(app, zhaomin, 'WALLET')).toBe('354.00');
  });

  it('R-WAL-4: an attestation recorded for one of the two counts both ways (black-box audit: the reverse was refused)', async () => {
    const counter = await app.login('counter');
    // 赵敏's own attestation (张伟 is her CHILD) is revoked; 张伟's (赵敏 is his PARENT) says the same tie, inversely.
    const list = await app.gql<{
      relationshipAttestations: {
        edges: { node: { id: string; relation: string; revokedAt: string | null } }[];
      };
    }>(
      'query($p: ID!) { relationshipAttestations(personId: $p, first: 20) { edges { node { id relation revokedAt } } } }',
      { p: zhaomin },
      counter,
    );
    const own = list
      .data!.relationshipAttestations.edges.map((e) => e.node)
      .filter((n) => n.revokedAt === null);
    expect(own.length).toBeGreaterThan(0);
    for (const a of own) {
      const revoked = await app.gql<{ relationshipAttestationRevoke: { userErrors: unknown[] } }>(
        'mutation($i: RelationshipAttestationRevokeInput!) { relationshipAttestationRevoke(input: $i) { userErrors { code } } }',
        { i: { id: a.id, reason: 'audit: one direction is enough' } },
        counter,
      );
      expect(revoked.data!.relationshipAttestationRevoke.userErrors).toEqual([]);
    }
    const before = await balance(app, zhangwei, 'WALLET');
    for (const relation of ['CHILD', undefined]) {
      const res = await app.gql<Transfer>(
        TRANSFER,
        {
          i: {
            fromPersonId: zhaomin,
            toPersonId: zhangwei,
            ...(relation ? { relation } : {}),
            amount: '1.00',
            source: 'WALLET',
            verification: 'FACE',
            idempotencyKey: key('wal-inverse'),
          },
        },
        counter,
      );
      expect(res.data!.walletTransfer.userErrors).toEqual([]);
    }
    expect(await balance(app, zhangwei, 'WALLET')).toBe((Number(before) + 2).toFixed(2));
  });
});
