import { randomUUID } from 'node:crypto';
import {
  type DomainError,
  type EffectivePolicy,
  type Explanation,
  type InsuranceType,
  type KinChannel,
  KinError,
  KinErrorCode,
  type KinPerson,
  type KinRelation as DomainKinRelation,
  PocketKind,
  type Relation,
  assertRegistrationDateNotInFutureOrThrow,
  checkKinRegistrationOrThrow,
  dateParam,
  reorderOrThrow,
  revokeOrThrow,
  termParam,
  detailParam,
} from '@gongji/domain';
import {
  KinRelationEntity,
  type Manager,
  type PersonEntity,
  activeMoneyRelationsOfBeneficiary,
  holdersOfPocketKind,
  insertKinRelation,
  kinRelationOfId,
  moneyRelationsOfBeneficiary,
  personForUpdate,
  personOfId,
  personsOfIds,
  provincesOfRegions,
  saveKinRelations,
} from '@gongji/persistence';
import { forbidden } from '../../auth/authenticate';
import { type Principal, Role, isStaff } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { UnknownRegionError } from '../policy/policy.service';
import { refusal, runStaffChange } from '../person-admin/staff-change';
import type {
  KinRelationRegisterInput,
  KinRelationsReorderInput,
  KinRelationRevokeInput,
} from './dtos/kin.inputs';
import { userErrorsOf } from '../../common/refusals';

export interface KinChangeResult {
  readonly relation: KinRelationEntity | null;
  readonly beneficiary: PersonEntity | null;
  /** The beneficiary's active relations in order of use after the change. */
  readonly fundingSources: KinRelationEntity[];
  readonly explanation: readonly Explanation[];
  readonly userErrors: UserError[];
}

const REFUSED = { relation: null, beneficiary: null, fundingSources: [], explanation: [] } as const;

/** Stored relation → the domain's view (order = position; revokedAt as a Beijing calendar date). */
export function toDomainRelation(e: KinRelationEntity): DomainKinRelation {
  return {
    providerId: e.providerId,
    beneficiaryId: e.beneficiaryId,
    relation: e.relation as Relation,
    order: e.position,
    registeredOn: e.registeredOn,
    channel: e.channel as KinChannel,
    revokedAt: e.revokedAt ? todayInChina(e.revokedAt) : null,
  };
}

function byPosition(a: KinRelationEntity, b: KinRelationEntity): number {
  return a.position - b.position;
}

/** What a kin refusal did not find, in the catalogue's words (issue #9). */
const ENTITY_OF: Readonly<Record<string, string>> = {
  person: 'person',
  'mutual-aid relation': 'relation',
  region: 'region',
};

function notFound(what: string, id: string, field: string) {
  return refusal(ApiErrorCode.NOT_FOUND, `No ${what} with id "${id}"`, [field], undefined, {
    what: termParam('entity', ENTITY_OF[what] ?? what),
    id,
  });
}

/**
 * Mutual-aid registrations (备案), their order of use and revocation (R-KIN-1..5). Each change runs in one
 * transaction that first locks the beneficiary's person row, so concurrent changes to one beneficiary's order are
 * serialised and positions stay 1..n without gaps or twins.
 */
export class KinService {
  constructor(private readonly ctx: GraphQLContext) {}

  async register(principal: Principal, input: KinRelationRegisterInput): Promise<KinChangeResult> {
    const today = todayInChina();
    const date = input.on ?? today;
    try {
      assertRegistrationDateNotInFutureOrThrow(date, today);
    } catch (err) {
      if (err instanceof KinError) return this.refused(err);
      throw err;
    }
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const beneficiary = await this.lockPersonOrThrow(manager, input.beneficiaryId, 'beneficiaryId');
      const provider = await personOfId(manager, input.providerId);
      if (!provider) throw notFound('person', input.providerId, 'providerId');
      // Read through this transaction's manager: a second pooled connection while holding one can exhaust the
      // PostgreSQL pool under load (PolicyService.effective).
      const policy = await this.providerPolicy(manager, provider.regionCode, date);
      const relations = await moneyRelationsOfBeneficiary(manager, beneficiary.id);
      const active = relations.filter((r) => r.revokedAt == null).sort(byPosition);
      const [providerKin, beneficiaryKin] = await this.kinPersons(manager, [provider, beneficiary]);
      const decision = checkKinRegistrationOrThrow({
        provider: providerKin,
        beneficiary: beneficiaryKin,
        relation: input.relation,
        channel: input.channel,
        date,
        providerPolicy: policy,
        existingRelations: relations.map(toDomainRelation),
      });
      // A back-dated registration is checked by the domain against the relations in force on that day; it must not
      // duplicate one registered since either (R-KIN-1).
      if (active.some((r) => r.providerId === provider.id)) {
        throw new KinError(
          KinErrorCode.DUPLICATE_RELATION,
          'This relative is already registered with this provider',
          'R-KIN-1',
          ['beneficiaryId'],
        );
      }
      const row: KinRelationEntity = Object.assign(new KinRelationEntity(), {
        id: randomUUID(),
        providerId: provider.id,
        beneficiaryId: beneficiary.id,
        relation: input.relation,
        channel: input.channel,
        // R-KIN-4: last in the current order of use (the domain counts the relations in force on `date`).
        position: active.length + 1,
        registeredOn: date,
        proxyOnly: false,
        createdAt: new Date(),
        revokedAt: null,
      });
      await insertKinRelation(manager, row);
      await this.ctx.services.audit.record(manager, principal, {
        action: 'kinRelationRegister',
        entityType: 'KinRelation',
        entityId: row.id,
        before: null,
        after: {
          providerId: row.providerId,
          beneficiaryId: row.beneficiaryId,
          relation: row.relation,
          channel: row.channel,
          position: row.position,
          registeredOn: row.registeredOn,
        },
        reason: input.reason ?? null,
      });
      return {
        relation: row,
        beneficiary,
        fundingSources: [...active, row],
        explanation: decision.explanation,
      };
    });
    return this.done(result);
  }

  async reorder(principal: Principal, input: KinRelationsReorderInput): Promise<KinChangeResult> {
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const beneficiary = await this.lockPersonOrThrow(manager, input.beneficiaryId, 'beneficiaryId');
      const active = (await activeMoneyRelationsOfBeneficiary(manager, beneficiary.id)).sort(byPosition);
      const current = active.map(toDomainRelation);
      let reordered: DomainKinRelation[];
      try {
        reordered = reorderOrThrow(current, input.providerIds);
      } catch (err) {
        if (!(err instanceof KinError) || err.code !== KinErrorCode.NOT_A_PERMUTATION || !isStaff(principal))
          throw err;
        // R-KIN-5: staff read the persons, so the refusal names the providers (a portal's: by place, never by id).
        const ids = [...new Set([...active.map((r) => r.providerId), ...input.providerIds])];
        const names = new Map((await personsOfIds(manager, ids)).map((p) => [p.id, p.name]));
        reorderOrThrow(current, input.providerIds, (id) => names.get(id));
        throw err;
      }
      const positionOf = new Map(reordered.map((r) => [r.providerId, r.order]));
      const changed = active.filter((r) => positionOf.get(r.providerId) !== r.position);
      const before = active.map((r) => r.providerId);
      for (const r of changed) r.position = positionOf.get(r.providerId) as number;
      if (changed.length > 0) {
        await saveKinRelations(manager, changed);
        await this.ctx.services.audit.record(manager, principal, {
          action: 'kinRelationsReorder',
          entityType: 'Person',
          entityId: beneficiary.id,
          before: { providerIds: before },
          after: { providerIds: [...active].sort(byPosition).map((r) => r.providerId) },
          reason: input.reason ?? null,
        });
      }
      return { relation: null, beneficiary, fundingSources: active.sort(byPosition), explanation: [] };
    });
    return this.done(result);
  }

  async revoke(principal: Principal, input: KinRelationRevokeInput): Promise<KinChangeResult> {
    const result = await runStaffChange(this.ctx.dataSource, async (manager) => {
      const found = await kinRelationOfId(manager, input.id);
      if (!found || found.proxyOnly) throw notFound('mutual-aid relation', input.id, 'id');
      if (principal.role === Role.PORTAL) {
        // A portal (the national app) acts for the beneficiary or the provider in front of it, never for strangers:
        // like registering and reordering (issue #8), revoking needs one of the two served.
        const served = await this.ctx.loaders.servesPerson.loadMany([found.beneficiaryId, found.providerId]);
        if (!served.some((s) => s === true)) {
          throw forbidden(
            'This portal serves neither person of the relation (first look-up with the card or e-voucher)',
            detailParam('PORTAL_SERVES_NEITHER_PARTY'),
          );
        }
      }
      const beneficiary = await this.lockPersonOrThrow(manager, found.beneficiaryId, 'id');
      // re-read under the beneficiary's lock
      const target = (await kinRelationOfId(manager, input.id)) as KinRelationEntity;
      if (target.revokedAt) {
        throw new KinError(
          KinErrorCode.RELATION_REVOKED,
          `This relation was already revoked on ${todayInChina(target.revokedAt)}`,
          'R-KIN-5',
          ['id'],
          { revokedOn: dateParam(todayInChina(target.revokedAt)) },
        );
      }
      const active = (await activeMoneyRelationsOfBeneficiary(manager, beneficiary.id)).sort(byPosition);
      const now = new Date();
      const outcome = revokeOrThrow(active.map(toDomainRelation), target, todayInChina(now));
      const positionOf = new Map(
        outcome.relations.filter((r) => r.revokedAt == null).map((r) => [r.providerId, r.order]),
      );
      const remaining = active.filter((r) => r.id !== target.id);
      const renumbered = remaining.filter((r) => positionOf.get(r.providerId) !== r.position);
      for (const r of renumbered) r.position = positionOf.get(r.providerId) as number;
      target.revokedAt = now; // history is kept: the row stays with its last position (R-KIN-5)
      await saveKinRelations(manager, [target, ...renumbered]);
      await this.ctx.services.audit.record(manager, principal, {
        action: 'kinRelationRevoke',
        entityType: 'KinRelation',
        entityId: target.id,
        before: { revokedAt: null, order: active.map((r) => r.providerId) },
        after: { revokedAt: now.toISOString(), order: remaining.sort(byPosition).map((r) => r.providerId) },
        reason: input.reason ?? null,
      });
      return { relation: target, beneficiary, fundingSources: remaining, explanation: [] };
    });
    return this.done(result);
  }

  private async providerPolicy(manager: Manager, regionCode: string, on: string): Promise<EffectivePolicy> {
    try {
      return await this.ctx.services.policy.effective(regionCode, on, manager);
    } catch (err) {
      if (err instanceof UnknownRegionError) throw notFound('region', err.regionCode, 'providerId');
      throw err;
    }
  }

  private async lockPersonOrThrow(manager: Manager, id: string, field: string): Promise<PersonEntity> {
    const person = await personForUpdate(manager, id);
    if (!person) throw notFound('person', id, field);
    return person;
  }

  /** The rules' view of persons: province of the insured region, EARMARKED pocket held (R-KIN-1/2). */
  private async kinPersons(manager: Manager, persons: PersonEntity[]): Promise<KinPerson[]> {
    const provinceOf = await provincesOfRegions(
      manager,
      persons.map((p) => p.regionCode),
    );
    const earmarked = await holdersOfPocketKind(
      manager,
      persons.map((p) => p.id),
      PocketKind.EARMARKED,
    );
    return persons.map((p) => ({
      id: p.id,
      insuranceType: p.insuranceType as InsuranceType,
      regionCode: p.regionCode,
      provinceCode: provinceOf.get(p.regionCode) ?? p.regionCode,
      idNumber: p.idNumber,
      birthDate: p.birthDate,
      hasEarmarked: earmarked.has(p.id),
    }));
  }

  private refused(err: DomainError): KinChangeResult {
    return { ...REFUSED, fundingSources: [], userErrors: userErrorsOf(err) };
  }

  private done(result: {
    value: Omit<KinChangeResult, 'userErrors'> | null;
    userErrors: UserError[];
  }): KinChangeResult {
    if (!result.value) return { ...REFUSED, fundingSources: [], userErrors: result.userErrors };
    // The payload's Person fields must see the change, not what this request may have loaded before it.
    if (result.value.beneficiary) {
      this.ctx.loaders.fundingSourcesByBeneficiary.clear(result.value.beneficiary.id);
      this.ctx.loaders.personById.clear(result.value.beneficiary.id);
    }
    return { ...result.value, userErrors: [] };
  }
}
