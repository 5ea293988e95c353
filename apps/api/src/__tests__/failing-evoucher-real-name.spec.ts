import { ENTITY_DIALECT, PersonEntity } from '@gongji/persistence';
import { type TestApp, createTestApp } from '../testing/test-app';
import { personId, portal } from './wallet.helpers';

const ISSUE = `mutation($i: EVoucherCodeIssueInput!) { eVoucherCodeIssue(input: $i) {
  code expiresAt userErrors { code message field rule } } }`;

type Issued = {
  eVoucherCodeIssue: {
    code: string | null;
    userErrors: { code: string; message: string; field: string[]; rule: string }[];
  };
};

/**
 * A black-box audit: the national app (PORTAL, evoucher:issue) issued an e-voucher code — the proof of presence a
 * hospital desk accepts — for any person id it could see (ids travel in splits and funding sources), then a hospital
 * served that stranger. The app now proves who is signed in: the holder's ID number and bound phone (实名认证, R-ACC-2).
 */
describe(`eVoucherCodeIssue from the national app needs the signed-in holder's real name (${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let nationalApp: string;
  let wangqiang: PersonEntity;
  beforeAll(async () => {
    app = await createTestApp();
    nationalApp = await portal(app, ['evoucher:issue'], { product: 'NATIONAL_APP' });
    wangqiang = await app.db.getRepository(PersonEntity).findOneByOrFail({ id: await personId(app, '王强') });
  });
  afterAll(async () => app?.close());

  const issue = (input: Record<string, unknown>, token = nationalApp, headers?: Record<string, string>) =>
    app.gql<Issued>(ISSUE, { i: { personId: wangqiang.id, ...input } }, token, headers);

  it.each([
    ['a person id alone', {}],
    ['the ID number without the phone', { idNumber: 'ID' }],
    ['a wrong phone', { idNumber: 'ID', phone: '13000000000' }],
    ['another ID number', { idNumber: '110105198001010011', phone: 'PHONE' }],
  ])('R-ACC-2: %s is REAL_NAME_MISMATCH, no code', async (_what, given) => {
    const input = Object.fromEntries(
      Object.entries(given).map(([k, v]) => [
        k,
        v === 'ID' ? wangqiang.idNumber : v === 'PHONE' ? wangqiang.phone : v,
      ]),
    );
    const res = await issue(input, nationalApp, { 'accept-language': '' });
    expect(res.errors).toBeUndefined();
    expect(res.data!.eVoucherCodeIssue.code).toBeNull();
    expect(res.data!.eVoucherCodeIssue.userErrors).toEqual([
      {
        code: 'REAL_NAME_MISMATCH',
        rule: 'R-ACC-2',
        field: ['idNumber', 'phone'],
        message:
          '已登录参保人的实名信息（身份证号和绑定手机号）须与登记的一致，未签发医保电子凭证（R-ACC-2）',
      },
    ]);
  });

  it("R-ACC-2: the holder's own ID number (lower-case x, spaces) and bound phone give a code; counter staff need neither", async () => {
    const res = await issue({ idNumber: ` ${wangqiang.idNumber.toLowerCase()} `, phone: wangqiang.phone });
    expect(res.data!.eVoucherCodeIssue.userErrors).toEqual([]);
    expect(res.data!.eVoucherCodeIssue.code).toMatch(/^EV1\./);
    const counter = await issue({}, await app.login('counter'));
    expect(counter.data!.eVoucherCodeIssue.userErrors).toEqual([]);
    expect(counter.data!.eVoucherCodeIssue.code).toMatch(/^EV1\./);
  });
});
