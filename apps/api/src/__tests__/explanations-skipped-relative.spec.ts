import { randomUUID } from 'node:crypto';
import { ENTITY_DIALECT, KinRelationEntity } from '@gongji/persistence';
import { DEMO_PAYMENT_PASSWORD } from '../seed/demo';
import { type TestApp, createTestApp } from '../testing/test-app';
import { QUOTE, type Quote, institutionId, personId } from './settlement-helpers';

/** No Accept-Language at all: the API's default, Chinese. */
const NONE = { 'accept-language': '' };
const EN = { 'accept-language': 'en' };

type SkipQuote = Quote & {
  skippedProviders: { providerId: string; rule: string; reason: string }[];
};
const SKIP_QUOTE = QUOTE.replace(
  'explanation { rule message }',
  'explanation { rule message } skippedProviders { providerId rule reason }',
);

describe(`a skipped relative is named once per explanation line (R-KIN-3/R-KIN-4, ${ENTITY_DIALECT})`, () => {
  let app: TestApp;
  let token: string;
  let liufang: string;
  let liuyang: string;
  let pharmacy: string;

  beforeAll(async () => {
    app = await createTestApp();
    token = await app.login('counter');
    liufang = await personId(app, '刘芳');
    liuyang = await personId(app, '刘洋');
    pharmacy = await institutionId(app, 'P37020200002');
    // 刘洋 (Qingdao) registered as a provider for his mother 刘芳 — a fixture written to the database: Qingdao has set no
    // registration date, so kinRelationRegister itself would refuse it (R-KIN-3).
    const relations = app.db.getRepository(KinRelationEntity);
    if (!(await relations.findOneBy({ providerId: liuyang, beneficiaryId: liufang }))) {
      await relations.insert({
        id: randomUUID(),
        providerId: liuyang,
        beneficiaryId: liufang,
        relation: 'PARENT',
        channel: 'COUNTER',
        position: 1,
        registeredOn: '2022-10-20',
        proxyOnly: false,
        createdAt: new Date(),
        revokedAt: null,
      });
    }
  });
  afterAll(async () => app?.close());

  const quote = (headers: Record<string, string>) =>
    app.gql<{ settlementQuote: SkipQuote }>(
      SKIP_QUOTE,
      {
        input: {
          patientId: liufang,
          institutionId: pharmacy,
          visitType: 'PHARMACY',
          serviceDate: '2026-11-20',
          covered: '100.00',
          channel: 'CARD',
          password: DEMO_PAYMENT_PASSWORD,
        },
      },
      token,
      headers,
    );

  it('Qingdao has not opened mutual-aid use: 刘洋 is named once, by his place in the order, in Chinese and in English', async () => {
    const zh = await quote(NONE);
    const en = await quote(EN);
    expect(zh.errors).toBeUndefined();
    expect(en.errors).toBeUndefined();
    const about = (lines: { rule: string; message: string }[]) =>
      lines.filter((l) => /第1位共济人|relative no\. 1/.test(l.message));
    expect(about(zh.data!.settlementQuote.explanation)).toEqual([
      { rule: 'R-KIN-3', message: '第1位共济人未使用：青岛市在2026年11月20日尚未开通家庭共济使用' },
    ]);
    expect(about(en.data!.settlementQuote.explanation)).toEqual([
      {
        rule: 'R-KIN-3',
        message: 'relative no. 1 skipped: KIN_USE is not open in region 370200 (no date set)',
      },
    ]);
    // Explanation lines never carry a relative's id or balance: a portal reads them (API.md, portal isolation).
    for (const line of [...zh.data!.settlementQuote.explanation, ...en.data!.settlementQuote.explanation])
      expect(line.message).not.toContain(liuyang);
    // The skipped relative's own entry carries the same reason (and the id, in its own field).
    expect(zh.data!.settlementQuote.skippedProviders).toEqual([
      {
        providerId: liuyang,
        rule: 'R-KIN-3',
        reason: '第1位共济人未使用：青岛市在2026年11月20日尚未开通家庭共济使用',
      },
    ]);
  });
});
