// Finds English words in the rendered text of a Chinese page (issue #10: no English in the Chinese UI).
import type { Page } from 'playwright-core';

/**
 * Allowed Latin text: an API key shown once (gj_…), ID numbers (full and masked), rule ids (R-KIN-1), UUIDs and
 * other hex ids, ISO dates and times, numbers and money, the product name "Gongji", and the marker "demo" carried by
 * the demo data's names (data, not interface text).
 */
const ALLOWED = [
  /\bgj_[0-9a-f]+_[A-Za-z0-9_-]+/g,
  /\b\d{6}(?:\d{8}|\*{8})\d{3}[\dXx]\b/g,
  /\bR-[A-Z]+-\d+\b/g,
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b[0-9a-f]{8,}\b/gi,
  /\bGongji\b/g,
  /\bdemo\b/g,
];

/** English-looking words (two or more Latin letters) left in `text` once the allowed tokens are removed. */
export function englishWords(text: string): string[] {
  let rest = text;
  for (const pattern of ALLOWED) rest = rest.replace(pattern, ' ');
  return [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

/** The visible text of the page (menus, tables, dialogs, notifications) and its title. */
export async function renderedText(page: Page): Promise<string> {
  return page.evaluate(() => `${document.title}\n${document.body.innerText}`);
}

/** English words on the page, with a short context each for the failure message. */
export async function scanForEnglish(page: Page, where: string): Promise<string[]> {
  const text = await renderedText(page);
  return englishWords(text).map((word) => {
    const i = text.indexOf(word);
    return `${where}: "${word}" in …${text.slice(Math.max(0, i - 20), i + word.length + 20).replace(/\s+/g, ' ')}…`;
  });
}
