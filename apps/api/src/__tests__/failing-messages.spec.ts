import { makeIdNumber } from '@gongji/domain/testing';
import { ENTITY_DIALECT } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { KIN_REGISTER, type KinUserError, demoIds } from './kin-helpers';
import { TX, USER_ERRORS, type UserErrorOut, expectLedgerClean, key, ledgerSize } from './wallet.helpers';

const WITHDRAW = `mutation($i: LegacyWithdrawInput!) { legacyWithdraw(input: $i) { ${TX} ${USER_ERRORS} } }`;
const PERSON_REGISTER = `mutation($input: PersonRegisterInput!) { personRegister(input: $input) {
  person { id } userErrors { code message field rule } } }`;
const TRANSFER = `mutation($i: WalletTransferInput!) { walletTransfer(input: $i) { ${TX} ${USER_ERRORS} } }`;

/** No Accept-Language header at all: the API's default, Chinese. */
const NO_HEADER = { 'accept-language': '' };
const ENGLISH = { 'accept-language': 'en' };

type Register = { kinRelationRegister: { userErrors: KinUserError[] } };
type Payload = { userErrors: UserErrorOut[] };

/**
 * Issue #9 "Messages in Chinese": one refusal read over real HTTP without a header (Chinese) and with
 * `Accept-Language: en`, with dates written out, money in yuan and region names; codes and rule ids unchanged.
 */
describe(`refusals in Chinese and English over HTTP (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let id: Record<string, string>;
  beforeAll(async () => {
    app = await createTestApp();
    id = await demoIds(app);
  });
  afterAll(async () => {
    if (app) await expectLedgerClean(app);
    await app?.close();
  });

  it('R-KIN-1: a sibling registered in Beijing on 2023-06-01 — Chinese by default, English on request', async () => {
    const counter = await app.login('counter');
    const input = {
      providerId: id['王丽'],
      beneficiaryId: id['王强'],
      relation: 'SIBLING',
      channel: 'COUNTER',
      on: '2023-06-01',
    };
    const ask = (headers: Record<string, string>) =>
      app
        .gql<Register>(KIN_REGISTER, { input }, counter, headers)
        .then((r) => r.data!.kinRelationRegister.userErrors);
    const [zh, en, enUs, weighted] = await Promise.all([
      ask(NO_HEADER),
      ask(ENGLISH),
      ask({ 'accept-language': 'en-US,en;q=0.9' }),
      ask({ 'accept-language': 'zh-CN;q=0.4, en;q=0.8' }),
    ]);
    console.log(`[${ENTITY_DIALECT}] kinRelationRegister, no Accept-Language:\n  ${zh[0].message}`);
    console.log(`[${ENTITY_DIALECT}] kinRelationRegister, Accept-Language: en:\n  ${en[0].message}`);
    for (const errors of [zh, en]) {
      expect(errors).toEqual([
        expect.objectContaining({ code: 'RELATION_OUT_OF_SCOPE', field: ['relation'], rule: 'R-KIN-1' }),
      ]);
    }
    expect(zh[0].message).toBe(
      '按北京市2023年6月1日的政策，兄弟姐妹不在任何用途的家庭共济范围内（允许：配偶、父母、子女）（R-KIN-1）',
    );
    expect(en[0].message).toBe(
      'sibling is not in the kinship scope of 北京市 (110000) on 1 June 2023 for any purpose (allowed: spouse, parent, child) (R-KIN-1)',
    );
    expect(enUs).toEqual(en);
    expect(weighted).toEqual(en);
  });

  it('an unknown person is named in both languages (NOT_FOUND, a refusal of the API layer itself)', async () => {
    const counter = await app.login('counter');
    const input = {
      providerId: 'no-such-person',
      beneficiaryId: id['王强'],
      relation: 'SPOUSE',
      channel: 'COUNTER',
    };
    const ask = (headers: Record<string, string>) =>
      app
        .gql<Register>(KIN_REGISTER, { input }, counter, headers)
        .then((r) => r.data!.kinRelationRegister.userErrors);
    expect(await ask(NO_HEADER)).toEqual([
      { code: 'NOT_FOUND', message: '未找到人员“no-such-person”', field: ['providerId'], rule: null },
    ]);
    expect(await ask(ENGLISH)).toEqual([
      { code: 'NOT_FOUND', message: 'No person with id "no-such-person"', field: ['providerId'], rule: null },
    ]);
  });

  it('R-ACC-2: a person cannot be insured in a province row — the region is named, in both languages', async () => {
    const counter = await app.login('counter');
    const input = {
      name: '吴昊',
      idNumber: makeIdNumber('350102', '1985-10-20', 31),
      phone: '13600000000',
      regionCode: '350000',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
    };
    const ask = (headers: Record<string, string>) =>
      app
        .gql<{ personRegister: Payload }>(PERSON_REGISTER, { input }, counter, headers)
        .then((r) => r.data!.personRegister.userErrors);
    const [zh, en] = [await ask(NO_HEADER), await ask(ENGLISH)];
    console.log(`[${ENTITY_DIALECT}] personRegister in 350000: ${zh[0]?.message} | ${en[0]?.message}`);
    expect(zh).toEqual([
      {
        code: 'INVALID_INPUT',
        message: '福建省不是统筹地区（参保地），不能在此参保（R-ACC-2）',
        field: ['regionCode'],
        rule: 'R-ACC-2',
      },
    ]);
    expect(en[0]?.message).toBe(
      '福建省 (350000) is not a pooling region (参保地) where persons are insured (R-ACC-2)',
    );
  });

  it('R-ACC-5: money in yuan; a replay of the stored refusal answers in the language of the replay', async () => {
    const admin = await app.login('admin');
    const before = await ledgerSize(app);
    const input = { personId: id['王建国'], amount: '1200.01', idempotencyKey: key('messages-withdraw') };
    const withdraw = (headers: Record<string, string>) =>
      app
        .gql<{ legacyWithdraw: Payload }>(WITHDRAW, { i: input }, admin, headers)
        .then((r) => r.data!.legacyWithdraw.userErrors);
    const zh = await withdraw(NO_HEADER);
    const en = await withdraw(ENGLISH); // same key and input: the stored reply, rendered again
    console.log(`[${ENTITY_DIALECT}] legacyWithdraw, no Accept-Language:\n  ${zh[0].message}`);
    console.log(`[${ENTITY_DIALECT}] legacyWithdraw (replay), Accept-Language: en:\n  ${en[0].message}`);
    expect(zh).toEqual([
      {
        code: 'INSUFFICIENT_BALANCE',
        field: ['amount'],
        rule: 'R-ACC-5',
        message: '存折历史资金余额1200.00 元，不足1200.01 元（R-ACC-5）',
      },
    ]);
    expect(en).toEqual([
      {
        code: 'INSUFFICIENT_BALANCE',
        field: ['amount'],
        rule: 'R-ACC-5',
        message: 'The legacy (passbook) balance 1200.00 yuan is lower than 1200.01 yuan (R-ACC-5)',
      },
    ]);
    expect(await ledgerSize(app)).toEqual(before);
  });

  it('R-WAL-3: a wallet transfer on 2024-12-01, before the national launch, in both languages', async () => {
    const counter = await app.login('counter');
    const input = {
      fromPersonId: id['张伟'],
      toPersonId: id['赵敏'],
      relation: 'PARENT',
      amount: '100.00',
      source: 'EARMARKED',
      verification: 'FACE',
      on: '2024-12-01',
    };
    const transfer = (headers: Record<string, string>, k: string) =>
      app
        .gql<{ walletTransfer: Payload }>(
          TRANSFER,
          { i: { ...input, idempotencyKey: key(k) } },
          counter,
          headers,
        )
        .then((r) => r.data!.walletTransfer.userErrors);
    const zh = await transfer(NO_HEADER, 'messages-wallet-zh');
    const en = await transfer(ENGLISH, 'messages-wallet-en');
    console.log(
      `[${ENTITY_DIALECT}] walletTransfer on 2024-12-01, no Accept-Language:\n${zh.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
    );
    console.log(
      `[${ENTITY_DIALECT}] walletTransfer on 2024-12-01, Accept-Language: en:\n${en.map((e) => `  ${e.code}: ${e.message}`).join('\n')}`,
    );
    expect(zh.map((e) => [e.code, e.rule])).toEqual(en.map((e) => [e.code, e.rule]));
    // 张伟 (石家庄) and 赵敏 (济南): the wallet opened there on 2025-05-08
    expect(zh.filter((e) => e.code === 'WALLET_NOT_OPEN').map((e) => e.message)).toEqual([
      '转出人参保地的医保钱包自2025年5月8日起开通，2024年12月1日尚未开通（R-WAL-3）',
      '接收人参保地的医保钱包自2025年5月8日起开通，2024年12月1日尚未开通（R-WAL-3）',
    ]);
    expect(en.find((e) => e.code === 'WALLET_NOT_OPEN')?.message).toBe(
      "The wallet opens in the sender's region on 8 May 2025, after 1 December 2024 (R-WAL-3)",
    );
    for (const e of zh) expect(e.message).toMatch(/[\u4e00-\u9fff].*（R-WAL-\d）$/);
  });

  it('a Money refusal at the top level (BAD_USER_INPUT with reason) follows the language; code and reason unchanged', async () => {
    const admin = await app.login('admin');
    const withdraw = (headers: Record<string, string>) =>
      app.gql(
        `mutation($a: Money!) { legacyWithdraw(input: { personId: "x", amount: $a, idempotencyKey: "k" }) { ${USER_ERRORS} } }`,
        { a: '12.345' },
        admin,
        headers,
      );
    const [zh, en] = [await withdraw(NO_HEADER), await withdraw(ENGLISH)];
    for (const r of [zh, en]) {
      expect(r.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TOO_MANY_DECIMALS',
      });
    }
    // The amount given is named, in Chinese as in English (gateway audit 2: scalar refusals carry their params).
    expect(zh.errors?.[0]?.message).toBe('“12.345”有3位小数；金额最多两位小数（分）（MONEY）');
    expect(en.errors?.[0]?.message).toMatch(/"12.345" has 3 decimals/);
  });

  it('top-level errors follow the language too; extensions.code is unchanged', async () => {
    const bad = (headers: Record<string, string>) =>
      app.gql('{ viewer { username } }', {}, 'not-a-token', headers);
    const [zh, en] = [await bad(NO_HEADER), await bad(ENGLISH)];
    console.log(`[${ENTITY_DIALECT}] UNAUTHENTICATED, no Accept-Language: ${zh.errors?.[0]?.message}`);
    console.log(`[${ENTITY_DIALECT}] UNAUTHENTICATED, Accept-Language: en: ${en.errors?.[0]?.message}`);
    expect(zh.status).toBe(401);
    expect(zh.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(en.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
    expect(zh.errors?.[0]?.message).toMatch(/^身份验证失败/);
    expect(en.errors?.[0]?.message).not.toMatch(/[\u4e00-\u9fff]/);

    const analyst = await app.login('analyst');
    const forbidden = (headers: Record<string, string>) =>
      app.gql(
        KIN_REGISTER,
        {
          input: {
            providerId: id['王丽'],
            beneficiaryId: id['王强'],
            relation: 'SPOUSE',
            channel: 'COUNTER',
          },
        },
        analyst,
        headers,
      );
    const [fzh, fen] = [await forbidden(NO_HEADER), await forbidden(ENGLISH)];
    expect(fzh.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(fen.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(fzh.errors?.[0]?.message).toMatch(/^无权执行此操作/);
    expect(fen.errors?.[0]?.message).not.toMatch(/^无权/);
  });
});
