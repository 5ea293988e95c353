// Exact reading of the numbers in audit values (no React, no floating point): money the API stored in fen — an
// integer string from the ledger writer (`"1230000"`) or `{ "$bigint": "180000" }` inside a policy setting — shown
// in yuan, rates in basis points shown in %, and a policy setting's value (a benefit schedule…) as labelled lines.

type Translate = (key: string, options?: Record<string, unknown>) => string;

/** `{ "$bigint": "180000" }`: how the API writes a bigint (fen) into JSON. */
export function isBigintJson(value: unknown): value is { $bigint: string } {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const o = value as Record<string, unknown>;
  return Object.keys(o).length === 1 && typeof o['$bigint'] === 'string' && /^-?\d+$/.test(o['$bigint']);
}

/** Fen (an integer, as a string or a bigint) as a yuan `Money` string with two decimals: `"1230000"` → `"12300.00"`. */
export function fenToYuan(fen: string | bigint): string {
  const amount = typeof fen === 'bigint' ? fen : BigInt(fen);
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const cents = (abs % 100n).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${(abs / 100n).toString()}.${cents}`;
}

/** A yuan `Money` string with thousands separators: `"12300.00"` → `"12,300.00"`. */
export function groupYuan(yuan: string): string {
  const negative = yuan.startsWith('-');
  const [whole, cents = '00'] = yuan.replace(/^-/, '').split('.');
  return `${negative ? '-' : ''}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents.padEnd(2, '0')}`;
}

/**
 * A money value of an audit row as a yuan `Money` string, or null when it is no money value. The API writes money
 * two ways: in fen — the ledger writer's `amount`/`total` (`"1230000"`, an integer string) and the settings' bigints
 * (`{ "$bigint": "180000" }`) — and in yuan — the card fee and the password-free limit (`"20.00"`, formatMoney, always
 * with two decimals). An integer string is therefore fen, a string with a decimal point yuan.
 */
export function moneyToYuan(value: unknown): string | null {
  if (isBigintJson(value)) return fenToYuan(value.$bigint);
  if (typeof value === 'bigint') return fenToYuan(value);
  if (typeof value === 'string') {
    if (/^-?\d+$/.test(value)) return fenToYuan(value);
    if (/^-?\d+\.\d{1,2}$/.test(value)) {
      const [whole, cents] = value.split('.');
      return `${whole}.${cents.padEnd(2, '0')}`;
    }
  }
  return null;
}

/** Basis points as a percentage without floating point: 5500 → "55", 150 → "1.5", 8525 → "85.25". */
export function basisPointsToPercent(bp: number): string {
  if (!Number.isInteger(bp)) return String(bp);
  const negative = bp < 0;
  const abs = BigInt(Math.abs(bp));
  const rest = (abs % 100n).toString().padStart(2, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${(abs / 100n).toString()}${rest ? `.${rest}` : ''}`;
}

/** Setting-value keys whose numbers are money in fen (bigints), by the domain's types (BenefitSchedule, caps…). */
const SETTING_MONEY_KEYS = new Set([
  'deductible',
  'annualFundCap',
  'firstAdmissionDeductible',
  'laterAdmissionDeductible',
  'upTo',
  'annualFundMax',
  'perInstitutionPerDay',
  'perDayAcrossInstitutions',
  'perYear',
  'defaultPasswordFreeLimit',
  'maxPasswordFreeLimit',
  'maxRegistrationFee',
  'reissueFee',
]);

/** Keys whose numbers are rates in basis points (10000 = 100 %). */
export const RATE_KEYS = new Set([
  'fundRate',
  'pharmacyFundRate',
  'retireePersonalShareFactor',
  'annualRate',
]);

/** Hospital levels: setting lines that differ only by level and say the same are merged ("三级、二级医院"). */
const LEVELS = ['TERTIARY', 'SECONDARY', 'PRIMARY', 'OTHER'];

/** One group of a setting value: where it sits (门诊 · 三级医院 · 在职) and what it says (起付线 1,800.00 元；…). */
export interface SettingLine {
  readonly path: readonly string[];
  readonly text: string;
}

function label(segment: string, translate: Translate): string {
  return translate(`gongji.audit.setting_keys.${segment}`, { _: segment });
}

/** One leaf of a setting value in words: money in yuan, rates in %, null money as 不设, yes/no, dates as they are. */
export function describeSettingLeaf(key: string, value: unknown, translate: Translate): string {
  if (value === null || value === undefined) {
    if (key === 'upTo') return translate('gongji.audit.no_upper_bound');
    return SETTING_MONEY_KEYS.has(key) ? translate('gongji.audit.not_set') : '—';
  }
  const yuan = isBigintJson(value) || SETTING_MONEY_KEYS.has(key) ? moneyToYuan(value) : null;
  if (yuan !== null) return translate('gongji.money.yuan', { amount: groupYuan(yuan) });
  if (typeof value === 'number' && RATE_KEYS.has(key)) return `${basisPointsToPercent(value)}%`;
  if (typeof value === 'boolean') return translate(value ? 'gongji.audit.yes' : 'gongji.audit.no');
  if (Array.isArray(value)) {
    return value.length === 0
      ? translate('gongji.audit.empty_list')
      : value.map((v) => describeSettingLeaf(key, v, translate)).join('、');
  }
  if (typeof value === 'string') {
    return translate(`gongji.relations.${value}`, {
      _: translate(`gongji.audit.setting_keys.${value}`, { _: value }),
    });
  }
  return String(value);
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value) && !isBigintJson(value);

/**
 * A setting value (a benefit schedule, caps, card rules…) as labelled lines, one per group of figures:
 * `门诊 · 三级医院 · 在职：起付线 1,800.00 元；基金支付比例 55%`. Bands of a list are numbered (第 1 段). Groups that differ
 * only by hospital level and say the same are merged into one line naming the levels.
 */
export function settingLines(value: unknown, translate: Translate): SettingLine[] {
  const groups: { path: string[]; parts: string[] }[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    const parts: string[] = [];
    const nested: [string[], Record<string, unknown>][] = [];
    for (const [key, v] of Object.entries(node)) {
      if (isPlainObject(v)) nested.push([[...path, key], v]);
      else if (Array.isArray(v) && v.length > 0 && v.every(isPlainObject)) {
        v.forEach((item, i) => nested.push([[...path, key, `#${i + 1}`], item]));
      } else if (key === 'upTo' && v === null) {
        parts.push(translate('gongji.audit.no_upper_bound'));
      } else parts.push(`${label(key, translate)} ${describeSettingLeaf(key, v, translate)}`);
    }
    if (parts.length > 0) groups.push({ path, parts });
    for (const [p, child] of nested) walk(child, p);
  };
  if (isPlainObject(value)) walk(value, []);
  else return [{ path: [], text: describeSettingLeaf('value', value, translate) }];

  // Merge groups that differ only by the hospital level and say the same.
  const merged: { path: string[]; levels: string[]; text: string }[] = [];
  for (const g of groups) {
    const text = g.parts.join('；');
    const at = g.path.findIndex((s) => LEVELS.includes(s));
    const same =
      at < 0
        ? undefined
        : merged.find(
            (m) =>
              m.text === text &&
              m.levels.length > 0 &&
              m.path.length === g.path.length &&
              m.path.every((s, i) => (i === at ? LEVELS.includes(s) : s === g.path[i])),
          );
    if (same) same.levels.push(g.path[at]);
    else merged.push({ path: g.path, levels: at < 0 ? [] : [g.path[at]], text });
  }
  return merged.map((m) => {
    // A list's own key is left out before its numbered items (住院 · 三级医院 · 第 1 段).
    const shown = m.path.filter((_s, i) => !/^#\d+$/.test(m.path[i + 1] ?? ''));
    const path = shown.map((segment) => {
      if (LEVELS.includes(segment) && m.levels.length > 0) {
        return m.levels.length === LEVELS.length
          ? translate('gongji.audit.setting_keys.all_levels')
          : m.levels.map((l) => label(l, translate)).join('、');
      }
      const band = /^#(\d+)$/.exec(segment);
      return band ? translate('gongji.audit.band', { n: band[1] }) : label(segment, translate);
    });
    return { path, text: m.text };
  });
}

/** A setting line as one string: `门诊 · 三级医院 · 在职：起付线 1,800.00 元`. */
export function settingLineText(line: SettingLine): string {
  return line.path.length > 0 ? `${line.path.join(' · ')}：${line.text}` : line.text;
}

/**
 * The lines of a setting's value before and after, the unchanged ones left out when both sides exist (so an auditor
 * sees what changed); everything when one side is missing or nothing differs line by line.
 */
export function settingDiff(
  before: unknown,
  after: unknown,
  translate: Translate,
): { before: string[]; after: string[] } {
  const b =
    before === undefined || before === null ? [] : settingLines(before, translate).map(settingLineText);
  const a = after === undefined || after === null ? [] : settingLines(after, translate).map(settingLineText);
  if (b.length === 0 || a.length === 0) return { before: b, after: a };
  const changedBefore = b.filter((line) => !a.includes(line));
  const changedAfter = a.filter((line) => !b.includes(line));
  if (changedBefore.length === 0 && changedAfter.length === 0) return { before: b, after: a };
  return { before: changedBefore, after: changedAfter };
}
