import { maskIdNumber, maskName } from '@gongji/domain';
import {
  KIN_JSON_FIELDS,
  type KinJsonField,
  PERSON_JSON_FIELDS,
  type PersonJsonField,
  type PersonJsonShape,
  REGION_JSON_FIELDS,
  type RegionJsonField,
} from '@gongji/persistence';
import { type SelectionTree, leafFieldsWithin } from '../../common/connection';
import { maskPhone } from './person.mapper';

const PERSON_FIELDS: ReadonlySet<string> = new Set(PERSON_JSON_FIELDS);
const REGION_FIELDS: ReadonlySet<string> = new Set(REGION_JSON_FIELDS);
const KIN_FIELDS: ReadonlySet<string> = new Set(KIN_JSON_FIELDS);
const TYPENAME = '__typename';

const POCKET_FIELDS: ReadonlySet<string> = new Set(['kind', 'balance']);

function accountWithin(tree: SelectionTree): boolean {
  for (const [name, sub] of tree) {
    if (name === TYPENAME || (name === 'total' && sub.size === 0)) continue;
    if (name !== 'pockets' || !leafFieldsWithin(sub, POCKET_FIELDS)) return false;
  }
  return true;
}

/**
 * What a page must read for this selection of a Person, as JSON (libs/persistence page-json.ts), or null when the
 * selection asks for anything the JSON page does not answer (the page is then read row by row, as before).
 * `nested`: a funding source's provider, whose own funding sources are not read along.
 */
export function personShapeOf(tree: SelectionTree, nested = false): PersonJsonShape | null {
  const fields: PersonJsonField[] = [];
  let region: RegionJsonField[] | null = null;
  let account = false;
  let fundingSources: PersonJsonShape['fundingSources'] = null;
  for (const [name, sub] of tree) {
    if (name === TYPENAME) continue;
    if (PERSON_FIELDS.has(name) && sub.size === 0) fields.push(name as PersonJsonField);
    else if (name === 'region' && (region = leafFieldsWithin<RegionJsonField>(sub, REGION_FIELDS))) continue;
    else if (name === 'account' && accountWithin(sub)) account = true;
    else if (name === 'fundingSources' && !nested) {
      const kin: KinJsonField[] = [];
      let provider: PersonJsonShape | null = null;
      for (const [field, leaf] of sub) {
        if (field === TYPENAME) continue;
        if (KIN_FIELDS.has(field) && leaf.size === 0) kin.push(field as KinJsonField);
        else if (field === 'provider' && (provider = personShapeOf(leaf, true))) continue;
        else return null;
      }
      fundingSources = { fields: kin, provider };
    } else return null;
  }
  // The id always comes along: the person read policy checks a portal's persons by it (auth/person-read-policy.ts).
  if (!fields.includes('id')) fields.unshift('id');
  return { fields, region, account, fundingSources };
}

/**
 * A person read as JSON, made what the API shows: Money as bigint fen for the Money scalar, and for analysts the
 * masked name, ID number and phone and no birth date (API.md), exactly as `toPerson` masks them.
 */
export function finishPersonJson(p: Record<string, unknown>, masked: boolean): Record<string, unknown> {
  if (masked) {
    if (typeof p['name'] === 'string') p['name'] = maskName(p['name']);
    if (typeof p['idNumber'] === 'string') p['idNumber'] = maskIdNumber(p['idNumber']);
    if (typeof p['phone'] === 'string') p['phone'] = maskPhone(p['phone']);
    if ('birthDate' in p) p['birthDate'] = null;
  }
  const account = p['account'] as { pockets: { balance: unknown }[]; total: unknown } | null | undefined;
  if (account) {
    for (const pocket of account.pockets) pocket.balance = BigInt(pocket.balance as string);
    account.total = BigInt(account.total as string);
  }
  const sources = p['fundingSources'] as { provider?: Record<string, unknown> }[] | undefined;
  if (sources) for (const s of sources) if (s.provider) finishPersonJson(s.provider, masked);
  return p;
}
