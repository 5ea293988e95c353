import { AuditLogEntity, ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import {
  KIN_REGISTER,
  KIN_REORDER,
  KIN_REVOKE,
  type KinUserError,
  demoIds,
  kinPortalKey,
} from './kin-helpers';

type Register = {
  kinRelationRegister: { relation: unknown; fundingSources: unknown[]; userErrors: KinUserError[] };
};

describe(`kin relations: refusals (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let id: Record<string, string>;
  let relations: KinRelationEntity[];
  beforeAll(async () => {
    app = await createTestApp();
    id = await demoIds(app);
    relations = await app.db.getRepository(KinRelationEntity).find({ order: { id: 'ASC' } });
  });
  afterAll(async () => app?.close());

  /** Relations exactly as seeded and no audit row (the portal's own apiClientCreate aside). */
  async function nothingChanged(): Promise<void> {
    expect(await app.db.getRepository(KinRelationEntity).find({ order: { id: 'ASC' } })).toEqual(relations);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ entityType: 'KinRelation' })).toBe(0);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'kinRelationsReorder' })).toBe(0);
  }

  async function register(input: Record<string, unknown>, token?: string): Promise<KinUserError[]> {
    const res = await app.gql<Register>(KIN_REGISTER, { input }, token ?? (await app.login('counter')));
    expect(res.errors).toBeUndefined();
    expect(res.data!.kinRelationRegister.relation).toBeNull();
    expect(res.data!.kinRelationRegister.fundingSources).toEqual([]);
    await nothingChanged();
    return res.data!.kinRelationRegister.userErrors;
  }

  it('R-KIN-1: in Beijing a sibling registered on 2023-06-01 is out of the near-relative scope', async () => {
    const errors = await register({
      providerId: id['王丽'],
      beneficiaryId: id['王强'],
      relation: 'SIBLING',
      channel: 'COUNTER',
      on: '2023-06-01',
    });
    expect(errors).toEqual([
      expect.objectContaining({ code: 'RELATION_OUT_OF_SCOPE', field: ['relation'], rule: 'R-KIN-1' }),
    ]);
    expect(errors[0].message).toMatch(/sibling.*110000.*1 June 2023/);
  });

  it('R-KIN-2: a provider in Hebei cannot register his mother insured in Shandong; the message points to the wallet', async () => {
    const errors = await register({
      providerId: id['张伟'],
      beneficiaryId: id['赵敏'],
      relation: 'PARENT',
      channel: 'COUNTER',
    });
    // issue #9: every refusal at once — 石家庄 has not opened registration (R-KIN-3), and the provinces differ (R-KIN-2)
    expect(errors).toEqual([
      expect.objectContaining({ code: 'FEATURE_NOT_OPEN', rule: 'R-KIN-3' }),
      expect.objectContaining({ code: 'OUT_OF_PROVINCE', rule: 'R-KIN-2' }),
    ]);
    expect(errors[1].message).toMatch(/wallet/);
  });

  it('R-KIN-3: a registration dated before Beijing opened registration (2022-10-15) is FEATURE_NOT_OPEN', async () => {
    const errors = await register({
      providerId: id['王强'],
      beneficiaryId: id['王小明'],
      relation: 'CHILD',
      channel: 'COUNTER',
      on: '2022-10-01',
    });
    expect(errors).toEqual([expect.objectContaining({ code: 'FEATURE_NOT_OPEN', rule: 'R-KIN-3' })]);
  });

  it('R-ACC-1 / R-KIN-1: a provider without an account, oneself, a duplicate and an implausible relation are refused', async () => {
    expect(
      await register({
        providerId: id['王小明'],
        beneficiaryId: id['王丽'],
        relation: 'PARENT',
        channel: 'COUNTER',
      }),
    ).toEqual([
      expect.objectContaining({ code: 'PROVIDER_HAS_NO_ACCOUNT', rule: 'R-ACC-1', field: ['providerId'] }),
    ]);
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: id['王丽'],
        relation: 'SPOUSE',
        channel: 'COUNTER',
      }),
    ).toEqual([expect.objectContaining({ code: 'SELF_RELATION', rule: 'R-KIN-1' })]);
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: id['王小明'],
        relation: 'CHILD',
        channel: 'COUNTER',
      }),
    ).toEqual([expect.objectContaining({ code: 'DUPLICATE_RELATION', rule: 'R-KIN-1' })]);
    // 王强 (born 1983) is not 王丽's (born 1980) parent: the relation was entered the wrong way round.
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: id['王强'],
        relation: 'PARENT',
        channel: 'COUNTER',
      }),
    ).toEqual([
      expect.objectContaining({ code: 'IMPLAUSIBLE_RELATION', rule: 'R-KIN-1', field: ['relation'] }),
    ]);
  });

  it('R-KIN-1: a back-dated registration cannot duplicate a relation in force today', async () => {
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: id['王小明'],
        relation: 'CHILD',
        channel: 'COUNTER',
        on: '2022-10-16',
      }),
    ).toEqual([expect.objectContaining({ code: 'DUPLICATE_RELATION', rule: 'R-KIN-1' })]);
  });

  it('unknown persons are NOT_FOUND; a registration dated in the future is REGISTRATION_DATE_IN_FUTURE on `on`', async () => {
    const nobody = '00000000-0000-0000-0000-000000000000';
    expect(
      await register({
        providerId: nobody,
        beneficiaryId: id['王丽'],
        relation: 'SPOUSE',
        channel: 'COUNTER',
      }),
    ).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['providerId'] })]);
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: nobody,
        relation: 'SPOUSE',
        channel: 'COUNTER',
      }),
    ).toEqual([expect.objectContaining({ code: 'NOT_FOUND', field: ['beneficiaryId'] })]);
    expect(
      await register({
        providerId: id['王丽'],
        beneficiaryId: id['王强'],
        relation: 'SIBLING',
        channel: 'COUNTER',
        on: '2999-01-01',
      }),
    ).toEqual([
      expect.objectContaining({ code: 'REGISTRATION_DATE_IN_FUTURE', field: ['on'], rule: 'R-KIN-3' }),
    ]);
  });

  it('R-KIN-3: the future-date refusal gives its reason, the same in Chinese and English', async () => {
    const input = {
      providerId: id['王丽'],
      beneficiaryId: id['王强'],
      relation: 'SIBLING',
      channel: 'COUNTER',
      on: '2999-01-01',
    };
    const counter = await app.login('counter');
    const messages = async (headers: Record<string, string>) => {
      const res = await app.gql<Register>(KIN_REGISTER, { input }, counter, headers);
      await nothingChanged();
      return res.data!.kinRelationRegister.userErrors.map((e) => e.message);
    };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const [y, m, d] = today.split('-').map(Number);
    const monthName = new Date(Date.UTC(y, m - 1, d)).toLocaleString('en-GB', {
      month: 'long',
      timeZone: 'UTC',
    });
    expect(await messages({ 'accept-language': 'en' })).toEqual([
      `The registration date 1 January 2999 is after today (${d} ${monthName} ${y}, Beijing time): a registration cannot be dated in the future (R-KIN-3)`,
    ]);
    expect(await messages({ 'accept-language': '' })).toEqual([
      `备案日期2999年1月1日晚于今天（${y}年${m}月${d}日，北京时间）：备案不能预先登记日期（R-KIN-3）`,
    ]);
  });

  it('who may register: analysts FORBIDDEN; a portal may not back-date (FORBIDDEN) nor claim the COUNTER channel', async () => {
    const input = {
      providerId: id['王丽'],
      beneficiaryId: id['王强'],
      relation: 'SIBLING',
      channel: 'NATIONAL_APP',
    };
    const analyst = await app.gql(KIN_REGISTER, { input }, await app.login('analyst'));
    expect(analyst.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const portal = await kinPortalKey(app);
    const backDated = await app.gql(KIN_REGISTER, { input: { ...input, on: '2025-01-01' } }, portal);
    expect(backDated.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(await register({ ...input, channel: 'COUNTER' }, portal)).toEqual([
      expect.objectContaining({
        code: 'INVALID_INPUT',
        field: ['channel'],
        rule: 'R-KIN-3',
        message: 'A portal registration cannot claim the COUNTER channel (R-KIN-3)',
      }),
    ]);
    // The same reason in Chinese, not a bare "输入无效".
    const zh = await app.gql<Register>(KIN_REGISTER, { input: { ...input, channel: 'COUNTER' } }, portal, {
      'accept-language': '',
    });
    expect(zh.data!.kinRelationRegister.userErrors.map((e) => e.message)).toEqual([
      '第三方平台办理的备案不能使用柜台渠道（R-KIN-3）',
    ]);
    const reorder = await app.gql(
      KIN_REORDER,
      { input: { beneficiaryId: id['王建国'], providerIds: [id['王强'], id['王丽']] } },
      await app.login('analyst'),
    );
    expect(reorder.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    await nothingChanged();
  });

  it('R-KIN-5: a new order that is not a permutation of the active providers is NOT_A_PERMUTATION', async () => {
    const counter = await app.login('counter');
    for (const providerIds of [
      [id['王丽']], // 王强 missing
      [id['王丽'], id['王强'], id['李秀英']], // 李秀英 is not a provider of 王建国
      [id['王丽'], id['王丽'], id['王强']], // twice
    ]) {
      const res = await app.gql<{ kinRelationsReorder: { beneficiary: null; userErrors: KinUserError[] } }>(
        KIN_REORDER,
        { input: { beneficiaryId: id['王建国'], providerIds } },
        counter,
      );
      expect(res.data!.kinRelationsReorder).toEqual({
        beneficiary: null,
        fundingSources: [],
        userErrors: [
          expect.objectContaining({ code: 'NOT_A_PERMUTATION', field: ['providerIds'], rule: 'R-KIN-5' }),
        ],
      });
    }
    await nothingChanged();
  });

  it('R-KIN-5: revoking a relation twice is RELATION_REVOKED (with the day it was revoked); an unknown id is NOT_FOUND', async () => {
    const counter = await app.login('counter');
    const target = relations.find((r) => r.providerId === id['王建国'] && r.beneficiaryId === id['李秀英'])!;
    const first = await app.gql<{ kinRelationRevoke: { userErrors: KinUserError[] } }>(
      KIN_REVOKE,
      { input: { id: target.id } },
      counter,
    );
    expect(first.data!.kinRelationRevoke.userErrors).toEqual([]);
    const again = await app.gql<{ kinRelationRevoke: { relation: null; userErrors: KinUserError[] } }>(
      KIN_REVOKE,
      { input: { id: target.id } },
      counter,
    );
    expect(again.data!.kinRelationRevoke.relation).toBeNull();
    expect(again.data!.kinRelationRevoke.userErrors).toEqual([
      expect.objectContaining({ code: 'RELATION_REVOKED', rule: 'R-KIN-5', field: ['id'] }),
    ]);
    expect(again.data!.kinRelationRevoke.userErrors[0].message).toMatch(/^The relation was revoked on \d/);
    const unknown = await app.gql<{ kinRelationRevoke: { userErrors: KinUserError[] } }>(
      KIN_REVOKE,
      { input: { id: '00000000-0000-0000-0000-000000000000' } },
      counter,
    );
    expect(unknown.data!.kinRelationRevoke.userErrors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND', field: ['id'] }),
    ]);
    expect(await app.db.getRepository(AuditLogEntity).countBy({ action: 'kinRelationRevoke' })).toBe(1);
  });
});
