import {
  DEFAULT_HOSPITAL_SELECTION_RULES,
  type InstitutionKind,
  type InstitutionLevel,
  detailParam,
  regionParam,
  termParam,
} from '@gongji/domain';
import {
  type InstitutionEntity,
  type PersonEntity,
  chosenHospitalsOf,
  institutionByIdOrCode,
  personForUpdate,
  replaceChosenHospitals,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { refusal, runStaffChange } from '../person-admin/staff-change';
import type { Institution, PersonHospitalsSetInput } from './hospital-selection.types';

/**
 * R-USE-1: the national default number of chosen hospitals (besides those open to all). The number that applies is
 * the `HOSPITAL_SELECTION` setting of the person's region today (effectivePolicy.hospitalSelection).
 */
export const MAX_CHOSEN_HOSPITALS = DEFAULT_HOSPITAL_SELECTION_RULES.maxChosenHospitals;
const RULE = 'R-USE-1';

export function toInstitution(row: InstitutionEntity): Institution {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: row.kind as InstitutionKind,
    level: row.level as InstitutionLevel,
    regionCode: row.regionCode,
    openToAll: row.openToAll,
    acceptsWallet: row.acceptsWallet,
    designated: row.designated,
  };
}

export interface HospitalsSetResult {
  readonly person: PersonEntity | null;
  readonly hospitals: InstitutionEntity[];
  readonly userErrors: UserError[];
}

/** Per-person hospital selection (R-USE-1): staff changes, audited with before and after. */
export class HospitalSelectionService {
  constructor(private readonly ctx: GraphQLContext) {}

  async set(principal: Principal, input: PersonHospitalsSetInput): Promise<HospitalsSetResult> {
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const person = await personForUpdate(manager, input.personId);
      if (!person)
        throw refusal(ApiErrorCode.NOT_FOUND, `No person with id "${input.personId}"`, ['personId']);
      const policy = await this.ctx.services.policy.effective(person.regionCode, todayInChina(), manager);
      const max = policy.hospitalSelection.maxChosenHospitals;
      if (input.institutionIds.length > max) {
        throw refusal(
          ApiErrorCode.INVALID_INPUT,
          `At most ${max} hospitals may be chosen in region ${person.regionCode}; ${input.institutionIds.length} given (R-USE-1)`,
          ['institutionIds'],
          RULE,
          {
            detail: detailParam('HOSPITALS_TOO_MANY', {
              region: regionParam(person.regionCode),
              max,
              count: input.institutionIds.length,
            }),
          },
        );
      }
      const chosen: InstitutionEntity[] = [];
      for (const [n, idOrCode] of input.institutionIds.entries()) {
        const field = ['institutionIds', String(n)];
        const row = await institutionByIdOrCode(manager, idOrCode);
        if (!row)
          throw refusal(ApiErrorCode.NOT_FOUND, `No institution "${idOrCode}" (R-USE-1)`, field, RULE);
        const institution = `${row.name} (${row.code})`;
        if (row.kind !== 'HOSPITAL') {
          throw refusal(
            ApiErrorCode.INVALID_INPUT,
            `${row.name} (${row.code}) is a ${row.kind}, not a hospital: pharmacies need no selection (R-USE-1)`,
            field,
            RULE,
            {
              detail: detailParam('NOT_A_HOSPITAL', {
                institution,
                kind: termParam('institutionKind', row.kind),
              }),
            },
          );
        }
        if (!row.designated) {
          throw refusal(
            ApiErrorCode.INVALID_INPUT,
            `${row.name} (${row.code}) is not designated (定点) (R-USE-1)`,
            field,
            RULE,
            { detail: detailParam('NOT_DESIGNATED', { institution }) },
          );
        }
        if (chosen.some((c) => c.id === row.id)) {
          throw refusal(
            ApiErrorCode.INVALID_INPUT,
            `${row.name} (${row.code}) is listed twice (R-USE-1)`,
            field,
            RULE,
            { detail: detailParam('LISTED_TWICE', { institution }) },
          );
        }
        chosen.push(row);
      }
      const before = await chosenHospitalsOf(manager, person.id);
      await replaceChosenHospitals(
        manager,
        person.id,
        chosen.map((c) => c.id),
      );
      await this.ctx.services.audit.record(manager, principal, {
        action: 'personHospitalsSet',
        entityType: 'Person',
        entityId: person.id,
        before: { hospitals: before.map((i) => i.code) },
        after: { hospitals: chosen.map((i) => i.code) },
        reason: input.reason ?? null,
      });
      return { person, hospitals: chosen };
    });
    return {
      person: result.value?.person ?? null,
      hospitals: result.value?.hospitals ?? [],
      userErrors: result.userErrors,
    };
  }
}
