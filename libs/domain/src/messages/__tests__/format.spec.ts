import { type Fen, fen } from '../../money/money';
import { formatDate, formatParam, formatTerm, formatYuan } from '../format';
import { negotiateLanguage } from '../language';
import { dateParam, moneyParam, regionCodesOf, regionParam, termParam, termsParam } from '../params';
import { renderMessage, renderRefusal } from '../render';

const names: Record<string, string> = { '110000': '北京市', '320500': '苏州市' };
const regionName = (code: string) => names[code];

describe('formatters of the refusal catalogue (issue #9)', () => {
  it.each([
    [30000n, 'zh', '300.00 元'],
    [30000n, 'en', '300.00 yuan'],
    [5n, 'zh', '0.05 元'],
    [-180000n, 'en', '-1800.00 yuan'],
    ['123456', 'zh', '1234.56 元'],
  ] as const)('money %s in %s → %s', (amount, language, text) => {
    expect(formatYuan(amount, language)).toBe(text);
  });

  it.each([
    ['2024-12-02', 'zh', '2024年12月2日'],
    ['2024-12-02', 'en', '2 December 2024'],
    ['2023-06-01', 'zh', '2023年6月1日'],
    ['2022-09-01', 'en', '1 September 2022'],
    ['2024-02-30', 'zh', '2024-02-30'],
    ['soon', 'en', 'soon'],
  ] as const)('date %s in %s → %s', (date, language, text) => {
    expect(formatDate(date, language)).toBe(text);
  });

  it('terms: enum values in words, unknown values as they are', () => {
    expect(formatTerm('relation', 'SIBLING', 'zh')).toBe('兄弟姐妹');
    expect(formatTerm('relation', 'MATERNAL_GRANDPARENT', 'en')).toBe('maternal grandparent');
    expect(formatTerm('pocket', 'WALLET', 'zh')).toBe('医保钱包');
    expect(formatTerm('relation', 'COUSIN', 'zh')).toBe('COUSIN');
    expect(formatParam(termsParam('relation', ['SPOUSE', 'PARENT', 'CHILD']), 'zh')).toBe('配偶、父母、子女');
    expect(formatParam(termsParam('relation', ['SPOUSE', 'PARENT']), 'en')).toBe('spouse, parent');
    expect(formatParam(termsParam('relation', []), 'zh')).toBe('无');
  });

  it('regions: the name (with the code in English), the code when the name is unknown', () => {
    expect(formatParam(regionParam('110000'), 'zh', regionName)).toBe('北京市');
    expect(formatParam(regionParam('110000'), 'en', regionName)).toBe('北京市 (110000)');
    expect(formatParam(regionParam('999999'), 'zh', regionName)).toBe('999999');
    expect(formatParam(regionParam('110000'), 'zh')).toBe('110000');
    expect(regionCodesOf({ a: regionParam('110000'), b: regionParam('110000'), c: 'x', d: 3 })).toEqual([
      '110000',
    ]);
    expect(regionCodesOf(null)).toEqual([]);
  });

  it('params are plain JSON, so a stored reply renders again', () => {
    const params = {
      amount: moneyParam(fen(30000) as Fen),
      on: dateParam('2024-12-02'),
      who: termParam('party', 'sender'),
    };
    expect(JSON.parse(JSON.stringify(params))).toEqual(params);
    expect(formatParam(7, 'zh')).toBe('7');
  });
});

describe('Accept-Language (issue #9)', () => {
  it.each([
    [undefined, 'zh'],
    ['', 'zh'],
    ['en', 'en'],
    ['en-US', 'en'],
    ['EN-gb', 'en'],
    ['zh-CN,zh;q=0.9,en;q=0.8', 'zh'],
    ['en-US,en;q=0.9,zh-CN;q=0.8', 'en'],
    ['zh;q=0.5, en;q=0.8', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR, de', 'zh'],
    ['en;q=0, zh;q=0.1', 'zh'],
    ['*', 'zh'],
    ['en;q=garbage', 'en'],
  ] as const)('%s → %s', (header, language) => {
    expect(negotiateLanguage(header)).toBe(language);
  });

  it('several header lines count as one list', () => {
    expect(negotiateLanguage(['fr', 'en;q=0.4'])).toBe('en');
  });
});

describe('rendering a refusal (issue #9)', () => {
  const walletNotOpen = {
    code: 'WALLET_NOT_OPEN',
    message: "The wallet opens in the sender's region on 2024-12-02, after 2024-12-01 (R-WAL-3)",
    rule: 'R-WAL-3',
    field: ['fromPersonId'],
    params: {
      place: termParam('place', 'senderRegion'),
      region: regionParam('320500'),
      from: dateParam('2024-12-02'),
      on: dateParam('2024-12-01'),
    },
  };

  it('R-WAL-3: the most specific variant whose data is there, with dates, names and the rule', () => {
    expect(renderRefusal(walletNotOpen, 'zh', regionName)).toBe(
      '转出人参保地苏州市的医保钱包自2024年12月2日起开通，2024年12月1日尚未开通（R-WAL-3）',
    );
    expect(renderRefusal(walletNotOpen, 'en', regionName)).toBe(
      "The wallet opens in the sender's region 苏州市 (320500) on 2 December 2024, after 1 December 2024 (R-WAL-3)",
    );
  });

  it('without data: Chinese from the catalogue (party from the field), English keeps the own text as sent today', () => {
    const bare = { ...walletNotOpen, params: null };
    expect(renderRefusal(bare, 'zh')).toBe('转出人参保地在该日期尚未开通医保钱包（R-WAL-3）');
    expect(renderRefusal(bare, 'en')).toBe(walletNotOpen.message);
  });

  it('money in yuan in both languages', () => {
    const tooHigh = {
      code: 'PASSWORD_FREE_LIMIT_TOO_HIGH',
      message: 'ignored',
      rule: 'R-ACC-7',
      params: { max: moneyParam(30000n), limit: moneyParam(30001n) },
    };
    expect(renderRefusal(tooHigh, 'zh')).toBe(
      '免密额度须在0.00 元至300.00 元之间，申请的是300.01 元（R-ACC-7）',
    );
    expect(renderRefusal(tooHigh, 'en')).toBe(
      'The password-free limit must be between 0.00 yuan and 300.00 yuan; 300.01 yuan was asked (R-ACC-7)',
    );
  });

  it('a code shared by several rules reads right for each (VERIFICATION_REQUIRED: R-WAL-6 face check, R-ACC-7 password)', () => {
    expect(renderRefusal({ code: 'VERIFICATION_REQUIRED', rule: 'R-WAL-6' }, 'zh')).toBe(
      '转账须通过人脸识别或医保码密码验证（R-WAL-6）',
    );
    expect(renderRefusal({ code: 'VERIFICATION_REQUIRED', rule: 'R-ACC-7' }, 'zh')).toBe(
      '从个人账户支付须输入患者本人的支付密码（R-ACC-7）',
    );
    expect(
      renderRefusal(
        { code: 'VERIFICATION_REQUIRED', rule: 'R-ACC-7', params: { amount: moneyParam(180000n) } },
        'en',
      ),
    ).toBe("The patient's payment password is required for 1800.00 yuan from the account (R-ACC-7)");
  });

  it('an unknown code keeps its own text; no rule, no suffix', () => {
    expect(renderRefusal({ code: 'NO_SUCH_CODE', message: 'as sent' }, 'zh')).toBe('as sent');
    expect(renderRefusal({ code: 'NOT_FOUND', message: null }, 'en')).toBe('Not found');
    expect(renderMessage('NOT_FOUND', 'zh', { what: termParam('entity', 'person') })).toBe('未找到该人员');
    expect(renderMessage('NOT_FOUND', 'en', { what: termParam('entity', 'person') })).toBe('No such person');
  });
});
