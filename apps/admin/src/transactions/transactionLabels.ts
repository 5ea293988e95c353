// How the ledger names the person and the institution of a transaction instead of showing their internal ids.
import type { PersonRef } from '../data/counter/transactionPersonFilter';
import type { InstitutionRecord } from '../data/institutions/buildInstitutionQuery';

/** "王建国（110105195203150179）"; for an analyst the API already masks both ("王*（110105********0179）"). */
export function personLabel(person: Pick<PersonRef, 'name' | 'idNumber'>): string {
  return `${person.name}（${person.idNumber}）`;
}

/** "北京协和医院（H11010100001）": the institution's name with its national code. */
export function institutionLabel(institution: Pick<InstitutionRecord, 'name' | 'code'>): string {
  return `${institution.name}（${institution.code}）`;
}
