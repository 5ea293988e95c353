/** Languages of the refusal catalogue: Chinese (the default, 中文) and English. */
export type Language = 'zh' | 'en';

export const DEFAULT_LANGUAGE: Language = 'zh';
export const LANGUAGES: readonly Language[] = ['zh', 'en'];

/**
 * The language to answer in for an HTTP `Accept-Language` header (RFC 9110 §12.5.4): the supported language with
 * the highest q-value wins (`en`, `en-US`, `en-GB`… → English; `zh`, `zh-CN`, `zh-Hans`… → Chinese; `*` → Chinese);
 * ties keep the header's order; no header, an unparsable one or only unsupported languages → Chinese.
 */
export function negotiateLanguage(header: string | readonly string[] | null | undefined): Language {
  const text = Array.isArray(header) ? header.join(',') : (header as string | null | undefined);
  if (!text) return DEFAULT_LANGUAGE;
  let best: { language: Language; q: number } | null = null;
  for (const part of text.split(',')) {
    const [tag, ...attributes] = part.trim().split(';');
    const language = supported(tag.trim().toLowerCase());
    if (!language) continue;
    const q = qualityOf(attributes);
    if (q <= 0) continue;
    if (!best || q > best.q) best = { language, q };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

function supported(tag: string): Language | null {
  if (tag === '*') return DEFAULT_LANGUAGE;
  const primary = tag.split('-')[0];
  return primary === 'zh' || primary === 'en' ? primary : null;
}

function qualityOf(attributes: readonly string[]): number {
  for (const attribute of attributes) {
    const m = /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(attribute);
    if (m) return Number(m[1]);
  }
  return 1;
}
