import polyglotI18nProvider from 'ra-i18n-polyglot';
import { enMessages } from './en';
import { zhMessages } from './zh';

export const LOCALES = [
  { locale: 'zh', name: '中文' },
  { locale: 'en', name: 'English' },
] as const;

const catalogues = { zh: zhMessages, en: enMessages };

/** Chinese by default; English through the locale menu (react-admin remembers the choice in its store). */
export const i18nProvider = polyglotI18nProvider(
  (locale) => (locale === 'en' ? enMessages : catalogues.zh),
  'zh',
  [...LOCALES],
  {
    // Server messages (userErrors) are passed through untranslated rather than shown as missing keys.
    allowMissing: true,
  },
);
