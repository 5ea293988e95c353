import { randomUUID } from 'node:crypto';
import { InstitutionKind, InstitutionLevel, detailParam, termParam } from '@gongji/domain';
import {
  type DataSource,
  type InstitutionEntity,
  type Manager,
  institutionByIdOrCode,
  institutionForUpdate,
  institutionOfCode,
  institutionsPage,
  regionByCode,
  saveInstitution,
} from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { Role } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import type { AuditService } from '../audit/audit.service';
import { diff } from '../audit/audit.service';
import { refusal, runStaffChange } from '../person-admin/staff-change';
import type { InstitutionCreateInput, InstitutionFilter, InstitutionUpdateInput } from './institution.types';

/**
 * National code of a designated institution as the national medical-insurance platform issues it (and the demo data
 * uses it): H (medical institution) or P (retail pharmacy), the 6-digit administrative division, a 5-digit sequence.
 */
export const INSTITUTION_CODE = /^([HP])(\d{6})(\d{5})$/;
const CODE_LETTER: Record<InstitutionKind, string> = {
  [InstitutionKind.HOSPITAL]: 'H',
  [InstitutionKind.PHARMACY]: 'P',
};
const AUDITED = [
  'code',
  'name',
  'kind',
  'level',
  'regionCode',
  'designated',
  'openToAll',
  'acceptsWallet',
] as const;

function audited(e: InstitutionEntity): Record<string, unknown> {
  return Object.fromEntries(AUDITED.map((k) => [k, e[k]]));
}

function invalid(message: string, field: string): UserError {
  return userError(ApiErrorCode.INVALID_INPUT, message, [field], undefined, { detail: message });
}

/** Every refusal of the institution's resulting fields at once (the form shows each wrong field). */
function validate(e: InstitutionEntity): UserError[] {
  const errors: UserError[] = [];
  const m = INSTITUTION_CODE.exec(e.code);
  if (!m) {
    errors.push(
      invalid(
        `"${e.code}" is not a national institution code: H or P, 6-digit division, 5-digit sequence (e.g. H11010100001)`,
        'code',
      ),
    );
  } else if (m[1] !== CODE_LETTER[e.kind as InstitutionKind]) {
    errors.push(
      invalid(
        `A ${e.kind.toLowerCase()}'s code starts with ${CODE_LETTER[e.kind as InstitutionKind]}, not ${m[1]}`,
        'code',
      ),
    );
  }
  if (e.name.length < 1 || e.name.length > 128) errors.push(invalid('Name must be 1–128 characters', 'name'));
  if (e.kind === InstitutionKind.PHARMACY && e.level !== InstitutionLevel.OTHER)
    errors.push(invalid('A retail pharmacy has level OTHER', 'level'));
  return errors;
}

/** Designated institutions (定点医药机构): the ADMIN's create and update, and the reads (issue: production bootstrap). */
export class InstitutionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /**
   * One page by national code and the number matching. A portal sees its own institution only (none when it is
   * bound to a product rather than an institution).
   */
  async list(
    principal: Principal,
    filter: InstitutionFilter | null | undefined,
    page: PageRequest,
  ): Promise<{ rows: InstitutionEntity[]; total: number }> {
    if (principal.role === Role.PORTAL && !principal.institutionId) return { rows: [], total: 0 };
    return institutionsPage(
      this.dataSource,
      {
        q: filter?.q,
        kind: filter?.kind,
        level: filter?.level,
        regionCode: filter?.regionCode?.trim() || null,
        designated: filter?.designated,
        id: principal.role === Role.PORTAL ? principal.institutionId : null,
      },
      page,
    );
  }

  /** One institution by id or national code; null when unknown or (for a portal) not its own. */
  async byIdOrCode(principal: Principal, idOrCode: string): Promise<InstitutionEntity | null> {
    const row = await institutionByIdOrCode(this.dataSource.manager, idOrCode.trim());
    if (row && principal.role === Role.PORTAL && row.id !== principal.institutionId) return null;
    return row;
  }

  async create(
    principal: Principal,
    input: InstitutionCreateInput,
  ): Promise<{ institution: InstitutionEntity | null; userErrors: UserError[] }> {
    const entity: InstitutionEntity = {
      id: randomUUID(),
      code: input.code.trim().toUpperCase(),
      name: input.name.trim(),
      kind: input.kind,
      level: input.level,
      regionCode: input.regionCode.trim(),
      designated: input.designated ?? true,
      openToAll: input.openToAll ?? false,
      acceptsWallet: input.acceptsWallet ?? false,
    };
    const errors = validate(entity);
    if (errors.length) return { institution: null, userErrors: errors };
    const result = await runStaffChange(
      this.dataSource,
      async (manager) => {
        await this.checkRegionAndCode(manager, entity);
        const saved = await saveInstitution(manager, entity);
        await this.audit.record(manager, principal, {
          action: 'institutionCreate',
          entityType: 'Institution',
          entityId: saved.id,
          before: null,
          after: audited(saved),
          reason: input.reason?.trim() || null,
        });
        return saved;
      },
      () => duplicate(entity.code),
    );
    return { institution: result.value, userErrors: result.userErrors };
  }

  async update(
    principal: Principal,
    input: InstitutionUpdateInput,
  ): Promise<{ institution: InstitutionEntity | null; userErrors: UserError[] }> {
    let code = '';
    const result = await runStaffChange(
      this.dataSource,
      async (manager) => {
        const current = await institutionForUpdate(manager, input.id);
        if (!current)
          throw refusal(ApiErrorCode.NOT_FOUND, `No institution with id "${input.id}"`, ['id'], undefined, {
            what: termParam('entity', 'institution'),
            id: input.id,
          });
        const next: InstitutionEntity = { ...current };
        if (input.code != null) next.code = input.code.trim().toUpperCase();
        if (input.name != null) next.name = input.name.trim();
        if (input.kind != null) next.kind = input.kind;
        if (input.level != null) next.level = input.level;
        if (input.regionCode != null) next.regionCode = input.regionCode.trim();
        if (input.designated != null) next.designated = input.designated;
        if (input.openToAll != null) next.openToAll = input.openToAll;
        if (input.acceptsWallet != null) next.acceptsWallet = input.acceptsWallet;
        code = next.code;
        const errors = validate(next);
        if (errors.length) return { errors };
        await this.checkRegionAndCode(manager, next, current);
        const changes = diff(current, next, AUDITED);
        if (Object.keys(changes.after).length === 0) return { saved: current };
        const saved = await saveInstitution(manager, next);
        await this.audit.record(manager, principal, {
          action: 'institutionUpdate',
          entityType: 'Institution',
          entityId: saved.id,
          ...changes,
          reason: input.reason?.trim() || null,
        });
        return { saved };
      },
      () => duplicate(code),
    );
    if (result.value?.errors) return { institution: null, userErrors: result.value.errors };
    return { institution: result.value?.saved ?? null, userErrors: result.userErrors };
  }

  /** The region must exist; the code must be free (another institution holding it is a CONFLICT). */
  private async checkRegionAndCode(
    manager: Manager,
    next: InstitutionEntity,
    current?: InstitutionEntity,
  ): Promise<void> {
    if (!current || current.regionCode !== next.regionCode) {
      if (!(await regionByCode(manager, next.regionCode)))
        throw refusal(
          ApiErrorCode.NOT_FOUND,
          `No region with code "${next.regionCode}"`,
          ['regionCode'],
          undefined,
          { what: termParam('entity', 'region'), id: next.regionCode },
        );
    }
    if (!current || current.code !== next.code) {
      const holder = await institutionOfCode(manager, next.code);
      if (holder && holder.id !== next.id) {
        const e = duplicate(next.code);
        throw refusal(e.code, e.message, e.field ?? undefined, undefined, e.params ?? undefined);
      }
    }
  }
}

/** The national code is the detail: it reads the same in Chinese and English (the field says it is the code). */
function duplicate(code: string): UserError {
  return userError(
    ApiErrorCode.CONFLICT,
    `Another institution already has the code ${code}`,
    ['code'],
    undefined,
    { reason: detailParam('INSTITUTION_CODE_TAKEN', { code }) },
  );
}
