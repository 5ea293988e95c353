import * as domain from '../../index';
import { REFUSAL_MESSAGES, TOP_LEVEL_MESSAGES } from '../catalogue';
import { LANGUAGES } from '../language';
import { hasMessage, placeholdersOf, renderMessage } from '../render';

/** Every code of every `*ErrorCode` enum libs/domain exports — a new code shows up here by construction. */
function domainErrorCodes(): string[] {
  const codes = new Set<string>();
  for (const [name, value] of Object.entries(domain)) {
    if (!name.endsWith('ErrorCode') || typeof value !== 'object' || value === null) continue;
    for (const code of Object.values(value as Record<string, unknown>)) {
      if (typeof code === 'string') codes.add(code);
    }
  }
  return [...codes].sort();
}

describe('refusal catalogue (issue #9: every refusal in Chinese and English)', () => {
  const codes = domainErrorCodes();

  it('finds the domain error-code enums (sanity: WALLET_NOT_OPEN, RELATION_OUT_OF_SCOPE, PASSWORD_LOCKED…)', () => {
    expect(codes).toEqual(
      expect.arrayContaining(['WALLET_NOT_OPEN', 'RELATION_OUT_OF_SCOPE', 'PASSWORD_LOCKED', 'CARD_FROZEN']),
    );
    expect(codes.length).toBeGreaterThan(80);
  });

  it.each(codes)('%s has a Chinese and an English message', (code) => {
    for (const language of LANGUAGES)
      expect({ code, language, ok: hasMessage(code, language) }).toEqual({
        code,
        language,
        ok: true,
      });
  });

  const entries = Object.entries({ ...REFUSAL_MESSAGES, ...TOP_LEVEL_MESSAGES });

  it.each(entries)(
    '%s: the last variant of each language needs no data, and Chinese is Chinese',
    (_code, entry) => {
      for (const language of LANGUAGES) {
        const variants = entry[language];
        expect(variants.length).toBeGreaterThan(0);
        expect(placeholdersOf(variants[variants.length - 1])).toEqual([]);
      }
      // Chinese unless the text is only a technical detail; English has no Han characters besides quoted terms.
      expect(entry.zh.every((v) => /[\u4e00-\u9fff]/.test(v))).toBe(true);
    },
  );

  it.each(entries)('%s: both languages use the same placeholders', (_code, entry) => {
    const names = (variants: readonly string[]) => [...new Set(variants.flatMap(placeholdersOf))].sort();
    expect(names(entry.zh)).toEqual(names(entry.en));
  });

  // The variant used depends on which values a refusal carries: variant i of Chinese and variant i of English must
  // need the same values, or one language would say more (or something else) than the other.
  it.each(entries)(
    '%s: variant by variant, Chinese and English use the same placeholders',
    (_code, entry) => {
      const perVariant = (variants: readonly string[]) => variants.map((v) => placeholdersOf(v).sort());
      expect(perVariant(entry.zh)).toEqual(perVariant(entry.en));
    },
  );

  it('renders the general variant when a refusal carries no data, and null for an unknown code', () => {
    expect(renderMessage('WALLET_NOT_OPEN', 'zh')).toBe('医保钱包在该日期尚未开通');
    expect(renderMessage('WALLET_NOT_OPEN', 'en', null)).toBe('The wallet is not open on that date');
    expect(renderMessage('NO_SUCH_CODE', 'zh')).toBeNull();
  });
});
