// The console's current UI language, readable outside React (the Apollo link sets Accept-Language from it).
// react-admin keeps the locale chosen in the locale menu in its store (localStorage key `RaStore.locale`).

const STORE_KEY = 'RaStore.locale';

/** 'zh' (default) or 'en'. */
export function currentLocale(): 'zh' | 'en' {
  try {
    const raw = globalThis.localStorage?.getItem(STORE_KEY);
    return raw && JSON.parse(raw) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}
