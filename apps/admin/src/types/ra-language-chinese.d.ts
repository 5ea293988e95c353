// ra-language-chinese ships no types (it predates react-admin 5).
declare module 'ra-language-chinese' {
  import type { TranslationMessages } from 'react-admin';
  const messages: TranslationMessages;
  export = messages;
}
