// English wording fixes: tab titles, singular relation names, money typed into forms, and hints that must say
// what the form really requires.
import { TERMS } from '@gongji/domain';

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Relation names where one relative is shown, from libs/domain's term catalogue ("Parent", not "Parents"). */
const relationOne = Object.fromEntries(Object.entries(TERMS.relation).map(([k, v]) => [k, capital(v.en)]));

export const wordingEn = {
  gongji: {
    page_title: '%{page} · Gongji',
    relation_one: relationOne,
    money_input: {
      required: 'Enter an amount',
      negative: 'The amount cannot be negative',
      decimals: 'Money has at most two decimals (fen)',
      invalid: 'Enter the amount in yuan, e.g. 1800.00',
      fix_fields: 'Some amounts are wrong: correct the fields marked in red, then save',
    },
    schedules: {
      reason_hint: 'Goes to the audit log; required when the date is in the past',
      check_figures: 'Check the amounts of the bill (yuan, at most two decimals)',
      fix_schedule_first: 'An amount of the schedule is wrong: correct it to see the split',
      fix_fields: 'Some entries are wrong: correct the fields marked in red, then save',
      rate_range: 'The rate must be between 0 and 100',
      rate_invalid: 'Enter a number from 0 to 100, e.g. 55',
      kept_edits:
        'The schedule in force on %{date} differs from the form. Your edits are kept, not replaced; saving saves the figures in the form.',
      load_in_force: 'Load the schedule in force on %{date} instead (discard my edits)',
    },
    kinship_scopes: {
      reason_hint: 'Required; goes to the audit log, e.g. the circular number',
      region_hint: 'Empty for the national default; a region applies to that region only',
      national_default: 'National default',
      region: 'Region',
    },
    bulk: {
      selected: 'These %{count} regions will be set:',
      loading_names: 'Reading the region names…',
    },
    transactions: {
      cancel_blocked_partly_refunded:
        'This settlement is partly refunded and can no longer be cancelled as a whole; use "Partial refund" to return the rest (R-USE-5)',
      cancel_blocked_short: 'Partly refunded: cannot be cancelled as a whole (R-USE-5)',
      refunded_remaining: 'Refund issued; %{remaining} of this settlement can still be refunded',
      key_reused:
        'This refund was not made: it differs from the request sent before. Close this dialog, open it again and enter the refund once more.',
    },
  },
};
