import { catalogues, i18nProvider } from '../../i18n/i18nProvider';
import { counterFixesEn } from '../../i18n/counterFixes.en';
import { counterFixesZh } from '../../i18n/counterFixes.zh';
import { clearDraft, readDraft, saveDraft } from '../personDraft';
import { idNumberSearchProblem } from '../personForm';
import { placeUserErrors, settleValuesErrors, splitLines, toSettlementInput } from '../settlementForm';
import { initialSettleValues } from '../settlementForm';

function keys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return [prefix];
  return Object.entries(tree).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('texts of the fixes', () => {
  it('exist in both languages', () => {
    expect(keys(counterFixesEn).sort()).toEqual(keys(counterFixesZh).sort());
  });

  it('an unreachable server and an expired session are said in Chinese by default', () => {
    expect(i18nProvider.translate('gongji.errors.network')).toBe('无法连接服务器，请检查网络或稍后重试');
    expect(i18nProvider.translate('gongji.errors.unauthenticated')).toBe('登录已过期，请重新登录');
    const en = catalogues.en as unknown as { gongji: { errors: { network: string } } };
    expect(en.gongji.errors.network).toMatch(/Cannot reach the server/);
  });
});

describe('searching a person by an ID number that cannot exist', () => {
  it('says the check digit is wrong instead of only 没有参保人员', () => {
    // 110105195203150179 is valid (王建国); change the check digit.
    expect(idNumberSearchProblem('110105195203150178', '2026-12-02')).toBe(
      'gongji.person_form.id_check_digit',
    );
  });
  it('is silent for a valid number or a name', () => {
    expect(idNumberSearchProblem('110105195203150179', '2026-12-02')).toBeNull();
    expect(idNumberSearchProblem('王建国')).toBeNull();
  });
  it('says a number still being typed is not complete (it is not looked up)', () => {
    expect(idNumberSearchProblem('1101051952')).toBe('gongji.person_form.id_format');
  });
});

describe('a registration kept when the session expired', () => {
  beforeAll(() => {
    // The unit tests run in node: a Storage of this tab, as the browser's sessionStorage.
    const items = new Map<string, string>();
    (globalThis as { sessionStorage?: Partial<Storage> }).sessionStorage ??= {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    };
  });
  beforeEach(() => clearDraft());

  it('is given back to the same user after signing in again', () => {
    saveDraft('u1', { name: '张三', idNumber: '110105195203150179' });
    expect(readDraft('u1')).toEqual({ name: '张三', idNumber: '110105195203150179' });
  });

  it('is never shown to another user (and dropped)', () => {
    saveDraft('u1', { name: '张三' });
    expect(readDraft('u2')).toBeNull();
    expect(readDraft('u1')).toBeNull();
  });
});

describe('settlement dialog fixes', () => {
  it('a lock refusal that names no field goes on the password input of a card payment', () => {
    const locked = [
      { code: 'PASSWORD_LOCKED', message: '支付密码已锁定', field: null, rule: 'R-ACC-7' },
    ] as const;
    expect(placeUserErrors(locked, { passwordInput: true }).fields.password).toBe('支付密码已锁定 (R-ACC-7)');
    expect(placeUserErrors(locked).root).toBe('支付密码已锁定 (R-ACC-7)');
  });

  it('amounts grouped by thousands ("1,000") are accepted and sent without the commas', () => {
    const values = { ...initialSettleValues('2026-12-02', 'i1'), covered: '1,000', excluded: '2,345.50' };
    expect(settleValuesErrors(values, '2026-12-02')).toEqual({});
    expect(toSettlementInput('p', values)).toMatchObject({ covered: '1000', excluded: '2345.50' });
    expect(settleValuesErrors({ ...values, covered: '1,00' }, '2026-12-02').covered).toBe(
      'gongji.money_input.invalid',
    );
  });

  it("a relative's line says the patient's relation to that relative (KinRelation.relation)", () => {
    const lines = splitLines(
      {
        total: '3250.50',
        fundPay: null,
        personalShare: null,
        accountPaid: null,
        ownEarmarked: null,
        ownWallet: null,
        cash: null,
        passwordRequired: false,
        providers: [{ providerId: 'wangli', relation: 'CHILD', amount: '1605.50' }],
        skippedProviders: [],
        explanation: [],
        userErrors: [],
      },
      () => '王丽',
    );
    const line = lines.find((l) => l.name === '王丽')!;
    const text = `${i18nProvider.translate(line.label, { name: line.name })}（${i18nProvider.translate(
      'gongji.settle.patient_is_their',
      { relation: i18nProvider.translate(line.relation!) },
    )}）`;
    expect(text).toBe('家庭共济：王丽（患者为其子女）');
  });
});
