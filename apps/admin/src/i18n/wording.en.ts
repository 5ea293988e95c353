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
    },
    kinship_scopes: { reason_hint: 'Required; goes to the audit log, e.g. the circular number' },
  },
};
