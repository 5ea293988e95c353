/** Shared by successful-policy-from-data and failing-policy-from-data (issue #9). */
const SETTING = `setting { id kind purpose year effectiveFrom value regionCode }
  userErrors { code message field rule }`;

export const CARD_RULES_SET = `mutation($i: CardRulesSetInput!) { cardRulesSet(input: $i) { ${SETTING}
  effectivePolicy { cardRules { preReportValidDays reissueFee counterReissueWorkingDays effectiveFrom sourceRegionCode } } } }`;
export const PASSWORD_POLICY_SET = `mutation($i: PasswordPolicySetInput!) { passwordPolicySet(input: $i) { ${SETTING}
  effectivePolicy { passwordPolicy { lockoutAfterFailures maxPasswordFreeLimit defaultPasswordFreeLimit sourceRegionCode } } } }`;
export const HOSPITAL_SELECTION_SET = `mutation($i: HospitalSelectionRulesSetInput!) { hospitalSelectionRulesSet(input: $i) {
  ${SETTING} effectivePolicy { hospitalSelection { maxChosenHospitals effectiveFrom sourceRegionCode } } } }`;
export const HOLIDAY_CALENDAR_SET = `mutation($i: HolidayCalendarSetInput!) { holidayCalendarSet(input: $i) { ${SETTING}
  effectivePolicy { holidayCalendar { year holidays makeUpWorkdays effectiveFrom sourceRegionCode } } } }`;

export interface SettingPayload {
  setting: {
    id: string;
    kind: string;
    purpose: string | null;
    year: number | null;
    effectiveFrom: string;
    value: string;
    regionCode: string | null;
  } | null;
  userErrors: { code: string; message: string; field: string[] | null; rule: string | null }[];
  effectivePolicy: Record<string, unknown> | null;
}

/**
 * Runs the server's clock (same process) on a Beijing calendar date, 10:00 local time: only `Date` is faked, timers
 * and I/O run normally. Dates must lie in the past of the real clock (session tokens expire in real time).
 */
export function onChinaDate(date: string): void {
  jest.useFakeTimers({
    now: new Date(`${date}T02:00:00Z`),
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}
