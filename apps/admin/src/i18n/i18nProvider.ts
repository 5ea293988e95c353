import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { auditEn } from './audit.en';
import { auditZh } from './audit.zh';
import { deepMerge } from './deepMerge';
import { enMessages } from './en';
import { wordingEn } from './wording.en';
import { wordingZh } from './wording.zh';
import { zhMessages } from './zh';

export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
] as const;

/** The whole catalogues: the pages' texts, then the audit log's labels and the wording fixes on top. */
export const catalogues = {
  zh: deepMerge(zhMessages, auditZh, wordingZh) as unknown as TranslationMessages,
  en: deepMerge(enMessages, auditEn, wordingEn) as unknown as TranslationMessages,
};

/** Chinese by default; English through the locale menu (react-admin remembers the choice in its store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? catalogues.en : catalogues.zh),
  'zh',
  [...LOCALES],
  {
    // Server messages (userErrors) are passed through untranslated rather than shown as missing keys.
    allowMissing: true,
  },
);
