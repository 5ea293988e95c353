// The ledger's person filter takes what the clerk has at hand: the resident ID number (resolved once with
// `personByIdNumber`, which analysts may call only 30 times an hour) or the internal person id. The outcome of the
// look-up travels to the list page in the getList result's `meta.personFilter`, so the page can say who was found
// or that no person has that ID number, without a look-up of its own.
import type { GetListParams, GetListResult } from 'ra-core';
import { checkIdNumber } from '../../persons/personForm';

/** The person a transaction is about, as the API returns it (masked name and ID number for analysts). */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  readonly idNumber: string;
}

/** What the filter box holds, once read. */
export type PersonFilterQuery =
  | { readonly kind: 'none' }
  | { readonly kind: 'personId'; readonly personId: string }
  | { readonly kind: 'idNumber'; readonly idNumber: string }
  | { readonly kind: 'invalid'; readonly input: string; readonly problem: string };

/** Told to the page in `meta.personFilter`; `input` is the normalised filter text it answers. */
export type PersonFilterOutcome =
  | { readonly status: 'found'; readonly input: string; readonly person: PersonRef }
  | { readonly status: 'not_found'; readonly input: string }
  | { readonly status: 'invalid'; readonly input: string; readonly problem: string };

/** i18n key of a filter text that is neither an ID number nor a person id. */
export const PERSON_FILTER_FORMAT = 'gongji.transactions.person_filter_format';

const PERSON_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOOKS_LIKE_ID_NUMBER = /^[\dXx]+$/;

/** The filter text as it is compared and looked up: trimmed, a final x upper-cased. */
export function normalizePersonFilter(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  return LOOKS_LIKE_ID_NUMBER.test(text) ? text.toUpperCase() : text;
}

/**
 * Reads the filter text: a person id (UUID) is used as it is; an ID number is checked like the server checks it
 * (R-ACC-2) before it is looked up, so a typo spends no look-up and is said to be a typo, not "not found".
 */
export function classifyPersonFilter(value: unknown, today?: string): PersonFilterQuery {
  const input = normalizePersonFilter(value);
  if (!input) return { kind: 'none' };
  if (PERSON_ID.test(input)) return { kind: 'personId', personId: input.toLowerCase() };
  if (!LOOKS_LIKE_ID_NUMBER.test(input)) return { kind: 'invalid', input, problem: PERSON_FILTER_FORMAT };
  const check = checkIdNumber(input, today);
  if (!check.ok) return { kind: 'invalid', input, problem: check.problem };
  return { kind: 'idNumber', idNumber: check.idNumber };
}

export type PersonLookup = (idNumber: string) => Promise<PersonRef | null>;

export interface PersonLookupCacheOptions {
  /** Whose answers these are (the session token): another user never reads a cached answer, masked or not. */
  readonly scope: () => string;
  readonly now?: () => number;
  /** How long "no such person" is believed (a person may be registered meanwhile); a found person is kept. */
  readonly missTtlMs?: number;
}

/**
 * Remembers `personByIdNumber` answers per session, so paging, refetching on focus, exporting or re-rendering the
 * list never looks the same number up again; concurrent asks share one request, and a failure is not remembered.
 */
export function cachedPersonLookup(fetch: PersonLookup, options: PersonLookupCacheOptions): PersonLookup {
  const now = options.now ?? Date.now;
  const missTtlMs = options.missTtlMs ?? 60_000;
  const entries = new Map<string, { readonly answer: Promise<PersonRef | null>; at: number }>();
  return (idNumber) => {
    const key = `${options.scope()}\u0000${idNumber}`;
    const cached = entries.get(key);
    if (cached) {
      const settledMiss = cached.at >= 0 && now() - cached.at > missTtlMs;
      if (!settledMiss) return cached.answer;
      entries.delete(key);
    }
    // `at` is -1 while the request runs or once a person was found (kept), the time of a miss otherwise.
    const entry = { answer: fetch(idNumber), at: -1 };
    entries.set(key, entry);
    entry.answer.then(
      (person) => {
        if (!person) entry.at = now();
      },
      () => {
        if (entries.get(key) === entry) entries.delete(key);
      },
    );
    return entry.answer;
  };
}

type GetList = (params: GetListParams) => Promise<GetListResult>;

function withoutRows(outcome: PersonFilterOutcome): GetListResult {
  return { data: [], total: 0, meta: { personFilter: outcome } };
}

/**
 * The ledger's getList: resolves an ID number in the `personId` filter to the person's id first (through `lookup`,
 * which should be {@link cachedPersonLookup}); a number nobody has, or a text that is no ID number or person id,
 * gives no rows and no transactions request, with the reason in `meta.personFilter`.
 */
export async function listTransactionsByPerson(
  getList: GetList,
  params: GetListParams,
  lookup: PersonLookup,
  today?: string,
): Promise<GetListResult> {
  const filter = params.filter ?? {};
  const input = normalizePersonFilter(filter.personId);
  const query = classifyPersonFilter(input, today);
  switch (query.kind) {
    case 'none':
      return getList(params);
    case 'personId':
      return getList({ ...params, filter: { ...filter, personId: query.personId } });
    case 'invalid':
      return withoutRows({ status: 'invalid', input, problem: query.problem });
    case 'idNumber': {
      const person = await lookup(query.idNumber);
      if (!person) return withoutRows({ status: 'not_found', input });
      const result = await getList({ ...params, filter: { ...filter, personId: person.id } });
      const outcome: PersonFilterOutcome = { status: 'found', input, person };
      return { ...result, meta: { ...(result.meta ?? {}), personFilter: outcome } };
    }
  }
}

/** The look-up outcome that answers the filter now shown (a previous page's meta answers nothing). */
export function currentPersonFilterOutcome(meta: unknown, filterValue: unknown): PersonFilterOutcome | null {
  const outcome = (meta as { personFilter?: PersonFilterOutcome } | null | undefined)?.personFilter;
  if (!outcome) return null;
  const input = normalizePersonFilter(filterValue);
  return input && input === outcome.input ? outcome : null;
}
