import { catalogues, i18nProvider } from '../i18nProvider';

describe('console wording (Chinese without stray spaces or ASCII punctuation)', () => {
  it('page titles and empty pages', () => {
    expect(i18nProvider.translate('ra.page.list', { name: '统筹区' })).toBe('统筹区列表');
    expect(i18nProvider.translate('ra.page.empty', { name: '审计日志' })).toBe('暂无审计日志');
    expect(i18nProvider.translate('ra.page.invite')).toBe('要新建吗？');
    expect(i18nProvider.translate('gongji.page_title', { page: '参保人员' })).toBe('参保人员 · 共济');
  });

  it('the kinship-scope reason hint says it is required, as the dialog requires it', () => {
    const hint = (catalogues.zh as unknown as { gongji: { kinship_scopes: { reason_hint: string } } }).gongji
      .kinship_scopes.reason_hint;
    expect(hint).toContain('必填');
    expect(hint).not.toContain('早于今天');
  });

  it("react-admin's invalid-form message uses a Chinese comma, not an English full stop", () => {
    expect(i18nProvider.translate('ra.message.invalid_form')).toBe('表单输入无效，请检查错误提示');
  });

  it('the kinship-scope region hint and the list agree: empty is the national default', () => {
    expect(i18nProvider.translate('gongji.kinship_scopes.region_hint')).toContain('留空为全国默认');
    expect(i18nProvider.translate('gongji.kinship_scopes.national_default')).toBe('全国默认');
    expect(i18nProvider.translate('gongji.kinship_scopes.region')).toBe('区划');
  });

  it('counter staff never read the developer text about idempotency keys', () => {
    const text = i18nProvider.translate('gongji.transactions.key_reused');
    expect(text).not.toMatch(/幂等|idempot/i);
  });
});
