// How the console shows one explanation line (rule id + what it decided) in its language.
import { ruleTitleZh } from '../i18n/ruleTitles';

/** Han characters: a line the API rendered in Chinese. */
const CHINESE = /[\u4e00-\u9fff]/;

/**
 * The text and tooltip of an explanation line. The API renders lines in the console's language (the Apollo link sends
 * Accept-Language), so the line's own message is shown; in the Chinese console it carries the rule's Chinese title as
 * a tooltip. A line stored before the API had Chinese texts arrives in English: the Chinese console then shows the
 * rule's Chinese title (or `fallback`) and keeps the English text as the tooltip.
 */
export function explanationDisplay(
  line: { readonly rule: string; readonly message: string },
  locale: string,
  fallback: string,
): { readonly text: string; readonly title: string | undefined } {
  if (locale === 'en') return { text: line.message, title: undefined };
  if (CHINESE.test(line.message)) return { text: line.message, title: ruleTitleZh(line.rule) || undefined };
  return { text: ruleTitleZh(line.rule) || fallback, title: line.message };
}
