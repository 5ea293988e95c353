/** Language checks shared by the message suites (issue #9: Chinese by default, English on request). */

/** No Accept-Language header at all: the API's default, Chinese. */
export const NO_HEADER = { 'accept-language': '' };
export const ENGLISH = { 'accept-language': 'en' };

export const HAN = /[\u4e00-\u9fff]/;
/** An English sentence: three English words in a row (`first must be`, `No region with`, `is not a`). */
export const ENGLISH_SENTENCE = /[A-Za-z]{2,}(?:[ ,;:'"]+[A-Za-z]{2,}){2,}/;

/** Chinese, with no English sentence inside (names the offending words when it fails). */
export function expectChinese(text: string | undefined): void {
  expect(text).toMatch(HAN);
  expect({ text, english: ENGLISH_SENTENCE.exec(text ?? '')?.[0] ?? null }).toEqual({ text, english: null });
}

/** English, with no Chinese characters. */
export function expectEnglish(text: string | undefined): void {
  expect(text).toMatch(ENGLISH_SENTENCE);
  expect(text).not.toMatch(HAN);
}

export type UserErrorOut = { code: string; message: string; field: string[] | null; rule: string | null };

export interface TopLevelError {
  message: string;
  extensions?: Record<string, unknown>;
}
