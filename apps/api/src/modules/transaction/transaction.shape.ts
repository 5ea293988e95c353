import {
  POSTING_JSON_FIELDS,
  type PostingJsonField,
  TRANSACTION_JSON_FIELDS,
  type TransactionJsonField,
  type TransactionJsonShape,
} from '@gongji/persistence';
import { type SelectionTree, leafFieldsWithin } from '../../common/connection';
import { finishPersonJson, personShapeOf } from '../person/person.shape';

const TRANSACTION_FIELDS: ReadonlySet<string> = new Set(TRANSACTION_JSON_FIELDS);
const POSTING_FIELDS: ReadonlySet<string> = new Set(POSTING_JSON_FIELDS);
const TYPENAME = '__typename';

/**
 * What a page must read for this selection of a Transaction, as JSON (libs/persistence page-json.ts), or null when
 * the selection asks for anything the JSON page does not answer (e.g. `explanation`: the page is then read row by
 * row, as before).
 */
export function transactionShapeOf(tree: SelectionTree): TransactionJsonShape | null {
  const fields: TransactionJsonField[] = [];
  let postings: PostingJsonField[] | null = null;
  let person: TransactionJsonShape['person'] = null;
  for (const [name, sub] of tree) {
    if (name === TYPENAME) continue;
    if (TRANSACTION_FIELDS.has(name) && sub.size === 0) fields.push(name as TransactionJsonField);
    else if (name === 'postings') {
      postings = leafFieldsWithin<PostingJsonField>(sub, POSTING_FIELDS);
      if (!postings) return null;
    } else if (name === 'person') {
      person = personShapeOf(sub);
      if (!person) return null;
    } else return null;
  }
  return { fields, postings, person };
}

/** A transaction read as JSON, made what the API shows (Money as bigint fen; its person as `finishPersonJson`). */
export function finishTransactionJson(t: Record<string, unknown>, masked: boolean): Record<string, unknown> {
  if (typeof t['amount'] === 'string') t['amount'] = BigInt(t['amount']);
  const postings = t['postings'] as { amount?: unknown; balanceAfter?: unknown }[] | undefined;
  if (postings) {
    for (const p of postings) {
      if (typeof p.amount === 'string') p.amount = BigInt(p.amount);
      if (typeof p.balanceAfter === 'string') p.balanceAfter = BigInt(p.balanceAfter);
    }
  }
  const person = t['person'] as Record<string, unknown> | null | undefined;
  if (person) finishPersonJson(person, masked);
  return t;
}
