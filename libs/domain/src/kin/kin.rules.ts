import { ageOn, isValidIdNumber, validateIdNumberOrThrow } from '../identity/identity.rules';
import { PaymentChannel } from '../person/payment-channel';
import { InsuranceType } from '../person/person';
import { type EffectivePolicy, Feature } from '../policy/policy';
import { isFeatureOpenOrThrow, relationInScope } from '../policy/policy.rules';
import type { IsoDate } from '../shared/dates';
import type { Explanation } from '../shared/domain-error';
import {
  type KinChannel,
  KinBindingKind,
  type KinPerson,
  KinPurpose,
  type KinRelation,
  type ProxyBinding,
  REGISTERED_PURPOSES,
  Relation,
} from './kin';
import {
  type MessageParam,
  dateParam,
  detailParam,
  regionParam,
  termParam,
  termsParam,
} from '../messages/params';
import { explain } from '../ledger/explain';
import type { ExplanationParams } from '../messages/explanations';
import { KinError, KinErrorCode } from './kin.errors';
import { isRelationActiveOn, relationsInForceOn } from './relations-on';
import { DomainError } from '../shared/domain-error';
import { RefusalCollector, RefusalStage } from '../shared/refusals';

/**
 * Minimum age gap, in whole years, between a beneficiary and a provider for a relation across generations
 * (R-KIN-1 decision): 12 for parent/child, 24 for grandparent/grandchild. Deliberately loose — it catches a
 * relation entered the wrong way round (PARENT for a child) or the wrong person, not unusual families.
 * Positive = the beneficiary must be older; negative = younger. Same-generation relations are not checked.
 */
export const RELATION_MIN_AGE_GAP: Readonly<Partial<Record<Relation, number>>> = Object.freeze({
  [Relation.PARENT]: 12,
  [Relation.CHILD]: -12,
  [Relation.GRANDPARENT]: 24,
  [Relation.MATERNAL_GRANDPARENT]: 24,
  [Relation.GRANDCHILD]: -24,
  [Relation.MATERNAL_GRANDCHILD]: -24,
});

/** Input of {@link checkKinRegistrationOrThrow}. */
export interface KinRegistrationInput {
  readonly provider: KinPerson;
  readonly beneficiary: KinPerson;
  /** The beneficiary's relation to the provider. */
  readonly relation: Relation;
  readonly channel: KinChannel;
  /** Registration (business) date. */
  readonly date: IsoDate;
  /** Effective policy of the provider's region on `date`: the provider's account is the one shared. */
  readonly providerPolicy: EffectivePolicy;
  /** The beneficiary's relations (active and revoked), to detect duplicates and place the new one last. */
  readonly existingRelations: readonly KinRelation[];
}

function birthDateOf(person: KinPerson): IsoDate | null {
  if (person.birthDate) return person.birthDate;
  return person.idNumber && isValidIdNumber(person.idNumber)
    ? validateIdNumberOrThrow(person.idNumber).birthDate
    : null;
}

/**
 * R-KIN-3: a registration (备案) is made through a channel on the day it is made — it may be recorded late (back-dated
 * to the day of the paper form), never in advance: a date after today (Beijing time) is REGISTRATION_DATE_IN_FUTURE.
 */
export function assertRegistrationDateNotInFutureOrThrow(date: IsoDate, today: IsoDate): void {
  if (date > today) {
    throw new KinError(
      KinErrorCode.REGISTRATION_DATE_IN_FUTURE,
      `The registration date ${date} is after today (${today}, Beijing time): a registration cannot be dated in the future`,
      'R-KIN-3',
      ['on'],
      { on: dateParam(date), today: dateParam(today) },
    );
  }
}

/**
 * Decides a mutual-aid registration (备案, R-KIN-1/2/3) and returns the relation to store, last in the
 * beneficiary's order. Every applicable refusal is returned at once (issue #9), the request's own first, then the
 * registration date (R-KIN-3), then scope, in this order:
 * - `SELF_RELATION` (R-KIN-1); `PROVIDER_HAS_NO_ACCOUNT` (R-ACC-1: not an employee participant);
 *   `PROVIDER_HAS_NO_EARMARKED` (R-KIN-1); `BENEFICIARY_NOT_INSURED` (R-KIN-1);
 * - `OUT_OF_PROVINCE` (R-KIN-2: local aid needs the same province; the wallet is the way across provinces);
 * - `FEATURE_NOT_OPEN` (R-KIN-3: before the region's `mutualAidRegistrationFrom`);
 * - `RELATION_OUT_OF_SCOPE` (R-KIN-1: in the scope of none of the {@link REGISTERED_PURPOSES} of the provider's region
 *   on the date);
 * - `DUPLICATE_RELATION` (R-KIN-1: already an active relation between the two);
 * - `IMPLAUSIBLE_RELATION` (R-KIN-1 decision, {@link RELATION_MIN_AGE_GAP}).
 * A registration serves every purpose whose scope holds the relation (staff may allow parents for contributions
 * only); each use is checked against its own purpose ({@link checkKinUseOrThrow}).
 */
export function checkKinRegistrationOrThrow(input: KinRegistrationInput): {
  readonly relation: KinRelation;
  readonly explanation: readonly Explanation[];
} {
  const { provider, beneficiary, relation, date, providerPolicy } = input;
  // Every refusal at once, most fundamental first (issue #9): the request itself, then dates, then scope.
  const refusals = new RefusalCollector();
  if (provider.id === beneficiary.id) {
    refusals.add(
      RefusalStage.EXISTENCE,
      new KinError(
        KinErrorCode.SELF_RELATION,
        'A person cannot register themselves as a relative',
        'R-KIN-1',
        ['beneficiaryId'],
      ),
    );
  }
  try {
    isFeatureOpenOrThrow(providerPolicy, Feature.KIN_REGISTRATION, 'R-KIN-3');
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    refusals.add(RefusalStage.DATES, err);
  }
  if (provider.insuranceType !== InsuranceType.EMPLOYEE) {
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.PROVIDER_HAS_NO_ACCOUNT,
        'Only employee basic medical insurance participants have a personal account to share',
        'R-ACC-1',
        ['providerId'],
      ),
    );
  } else if (!provider.hasEarmarked) {
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.PROVIDER_HAS_NO_EARMARKED,
        'The provider has no earmarked (book-entry) account, the only money mutual aid can use',
        'R-KIN-1',
        ['providerId'],
      ),
    );
  }
  if (beneficiary.insuranceType === InsuranceType.NONE) {
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.BENEFICIARY_NOT_INSURED,
        'The relative must be insured in basic medical insurance (employee or resident)',
        'R-KIN-1',
        ['beneficiaryId'],
      ),
    );
  }
  if (provider.provinceCode !== beneficiary.provinceCode) {
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.OUT_OF_PROVINCE,
        `Local mutual aid needs both insured in the same province (${provider.provinceCode} ≠ ${beneficiary.provinceCode}); ` +
          'an out-of-province relative can be helped through the medical-insurance wallet (医保钱包) instead',
        'R-KIN-2',
        ['beneficiaryId'],
        {
          providerProvince: regionParam(provider.provinceCode),
          beneficiaryProvince: regionParam(beneficiary.provinceCode),
        },
      ),
    );
  }
  const purposes = REGISTERED_PURPOSES.filter((p) => relationInScope(providerPolicy, p, relation));
  if (purposes.length === 0) {
    // Allowed for some purpose: the union, in the order of the Relation enum.
    const allowed = Object.values(Relation).filter((r) =>
      REGISTERED_PURPOSES.some((p) => relationInScope(providerPolicy, p, r)),
    );
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.RELATION_OUT_OF_SCOPE,
        `${relation} is not in the kinship scope of region ${providerPolicy.regionCode} on ${date} for any purpose ` +
          `(allowed: ${allowed.join(', ') || 'nobody'})`,
        'R-KIN-1',
        ['relation'],
        {
          relation: termParam('relation', relation),
          region: regionParam(providerPolicy.regionCode),
          on: dateParam(date),
          allowed: termsParam('relation', allowed),
        },
      ),
    );
  }
  const active = input.existingRelations.filter(
    (r) => r.beneficiaryId === beneficiary.id && isRelationActiveOn(r, date),
  );
  if (active.some((r) => r.providerId === provider.id)) {
    refusals.add(
      RefusalStage.SCOPE,
      new KinError(
        KinErrorCode.DUPLICATE_RELATION,
        'This relative is already registered with this provider',
        'R-KIN-1',
        ['beneficiaryId'],
      ),
    );
  }
  const youngest = [birthDateOf(provider), birthDateOf(beneficiary)]
    .filter((d): d is IsoDate => d !== null)
    .sort()
    .pop();
  if (youngest && date < youngest) {
    // Audit B: a relative born in 2026 was registered from 2025-01-01, and a bill of 2025 then used the account.
    refusals.add(
      RefusalStage.DATES,
      new KinError(
        KinErrorCode.REGISTRATION_BEFORE_BIRTH,
        `The registration date ${date} is before ${youngest}, when the younger of the two was born`,
        'R-KIN-3',
        ['on'],
        { on: dateParam(date), birthDate: dateParam(youngest) },
      ),
    );
  }
  try {
    checkPlausibilityOrThrow(provider, beneficiary, relation);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    refusals.add(RefusalStage.SCOPE, err);
  }
  refusals.throwIfAny();
  return {
    relation: {
      providerId: provider.id,
      beneficiaryId: beneficiary.id,
      relation,
      order: active.length + 1,
      registeredOn: date,
      channel: input.channel,
      revokedAt: null,
    },
    explanation: [
      explain(
        'R-KIN-1',
        `${relation} is in the kinship scope of region ${providerPolicy.regionCode} on ${date}` +
          (purposes.length < REGISTERED_PURPOSES.length ? ` for ${purposes.join(', ')}` : ''),
        'KIN_REGISTRATION_IN_SCOPE',
        {
          relation: termParam('relation', relation),
          region: regionParam(providerPolicy.regionCode),
          on: dateParam(date),
          // Named only when the registration serves some purposes and not others (staff narrowed one).
          ...(purposes.length < REGISTERED_PURPOSES.length
            ? { purposes: termsParam('purpose', purposes) }
            : {}),
        },
      ),
      explain(
        'R-KIN-3',
        `Registration open in region ${providerPolicy.regionCode} since ${providerPolicy.features[Feature.KIN_REGISTRATION].from}`,
        'KIN_REGISTRATION_OPEN',
        {
          region: regionParam(providerPolicy.regionCode),
          ...sinceParam(providerPolicy.features[Feature.KIN_REGISTRATION].from),
        },
      ),
      explain(
        'R-KIN-4',
        `Placed last in the beneficiary's order of use, at position ${active.length + 1}`,
        'KIN_REGISTRATION_ORDER',
        { position: active.length + 1 },
      ),
    ],
  };
}

function checkPlausibilityOrThrow(provider: KinPerson, beneficiary: KinPerson, relation: Relation): void {
  const gap = RELATION_MIN_AGE_GAP[relation];
  const providerBirth = birthDateOf(provider);
  const beneficiaryBirth = birthDateOf(beneficiary);
  if (gap == null || !providerBirth || !beneficiaryBirth) return;
  // Age of the elder on the younger's birth date = the gap in whole years.
  const actual = gap > 0 ? ageOn(beneficiaryBirth, providerBirth) : ageOn(providerBirth, beneficiaryBirth);
  if (actual < Math.abs(gap)) {
    throw new KinError(
      KinErrorCode.IMPLAUSIBLE_RELATION,
      `A ${relation} must be at least ${Math.abs(gap)} years ${gap > 0 ? 'older' : 'younger'} than the provider ` +
        `(born ${beneficiaryBirth} vs ${providerBirth}); check the relation's direction: it is the relative's relation to the provider`,
      'R-KIN-1',
      ['relation'],
      {
        relation: termParam('relation', relation),
        beneficiaryBirth: dateParam(beneficiaryBirth),
        providerBirth: dateParam(providerBirth),
      },
    );
  }
}

/** The beneficiary's providers in order of use (R-KIN-4): relations active on `on` (all unrevoked if omitted). */
export function orderProviders(relations: readonly KinRelation[], on?: IsoDate): KinRelation[] {
  if (on) return relationsInForceOn(relations, on);
  return relations.filter((r) => r.revokedAt == null).sort((a, b) => a.order - b.order);
}

/**
 * Applies a new order of use chosen by the beneficiary (R-KIN-5): `requested` lists provider ids, first used first,
 * and must be a permutation of the beneficiary's active (unrevoked) providers — none missing, none extra, none
 * twice — or `NOT_A_PERMUTATION` is thrown. Returns every relation, the active ones renumbered 1..n.
 */
export function reorderOrThrow(
  current: readonly KinRelation[],
  requested: readonly string[],
  /**
   * Names of persons by id, when the caller may read them (staff): the refusal names the providers. Without a name,
   * a provider is named by its place in the current order, another entry by its place in the new list (R-KIN-5).
   */
  nameOf?: (personId: string) => string | undefined,
): KinRelation[] {
  const active = current.filter((r) => r.revokedAt == null);
  const ids = active.map((r) => r.providerId);
  const missing = ids.filter((id) => !requested.includes(id));
  const extra = requested.filter((id) => !ids.includes(id));
  const twice = requested.filter((id, i) => requested.indexOf(id) !== i);
  const twiceItems = requested.map((id, i) => (requested.indexOf(id) !== i ? i + 1 : 0)).filter((i) => i > 0);
  const positionOf = (id: string) => active.find((r) => r.providerId === id)?.order;
  /** R-KIN-5: the ids of a problem as words — names, else places in the current order, else in the new list. */
  const label = (list: readonly string[], items: readonly number[]): MessageParam => {
    const names = list.map((id) => nameOf?.(id));
    if (names.every((n): n is string => !!n)) return termsParam('plain', [...new Set(names)]);
    const positions = list.map(positionOf);
    if (positions.every((p): p is number => p !== undefined))
      return detailParam('KIN_ORDER_POSITIONS', {
        positions: termsParam('plain', [...new Set(positions)].map(String)),
      });
    return detailParam('KIN_ORDER_LIST_ITEMS', { items: termsParam('plain', items.map(String)) });
  };
  const extraItems = requested.map((id, i) => (ids.includes(id) ? 0 : i + 1)).filter((i) => i > 0);
  if (missing.length || extra.length || twice.length) {
    const problems = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      extra.length ? `not an active provider: ${extra.join(', ')}` : '',
      twice.length ? `listed twice: ${twice.join(', ')}` : '',
    ].filter(Boolean);
    throw new KinError(
      KinErrorCode.NOT_A_PERMUTATION,
      `The new order must list each active provider exactly once (${problems.join('; ')})`,
      'R-KIN-5',
      ['providerIds'],
      {
        detail: detailParam('KIN_ORDER_PROBLEMS', {
          ...(missing.length ? { missing: label(missing, []) } : {}),
          ...(extra.length ? { extra: label(extra, extraItems) } : {}),
          ...(twice.length ? { twice: label(twice, twiceItems) } : {}),
        }),
      },
    );
  }
  return current.map((r) => (r.revokedAt == null ? { ...r, order: requested.indexOf(r.providerId) + 1 } : r));
}

/**
 * Revokes the active relation between `providerId` and `beneficiaryId` on `on` (R-KIN-5). History is kept: the
 * relation stays in the list with `revokedAt`, and the beneficiary's remaining active relations are renumbered
 * 1..n in their previous order, so R-KIN-4 never meets a gap. Other beneficiaries' relations are returned unchanged.
 */
export function revokeOrThrow(
  relations: readonly KinRelation[],
  key: { readonly providerId: string; readonly beneficiaryId: string },
  on: IsoDate,
): { readonly revoked: KinRelation; readonly relations: KinRelation[] } {
  const target = relations.find(
    (r) => r.providerId === key.providerId && r.beneficiaryId === key.beneficiaryId && r.revokedAt == null,
  );
  if (!target) {
    throw new KinError(
      KinErrorCode.RELATION_NOT_FOUND,
      'No active mutual-aid relation between this provider and beneficiary',
      'R-KIN-5',
      ['providerId'],
    );
  }
  const revoked: KinRelation = { ...target, revokedAt: on };
  const remaining = relations
    .filter((r) => r !== target && r.beneficiaryId === key.beneficiaryId && r.revokedAt == null)
    .sort((a, b) => a.order - b.order);
  const newOrder = new Map(remaining.map((r, i) => [r, i + 1]));
  return {
    revoked,
    relations: relations.map((r) =>
      r === target ? revoked : newOrder.has(r) ? { ...r, order: newOrder.get(r) as number } : r,
    ),
  };
}

/** Input of {@link checkKinUseOrThrow}. */
export interface KinUseInput {
  readonly relation: KinRelation;
  /** Date of the service or payment. */
  readonly date: IsoDate;
  /** Effective policy of the provider's region on `date`. */
  readonly providerPolicy: EffectivePolicy;
  /** What the money pays for; MEDICAL by default. Each purpose has its own scope (R-KIN-1). */
  readonly purpose?: KinPurpose;
  /** Care outside the beneficiary's insured region (异地就医). */
  readonly outOfRegion?: boolean;
  /** The beneficiary switched on the out-of-region "use" permission (R-KIN-6). */
  readonly outOfRegionPermission?: boolean;
  readonly channel: PaymentChannel;
}

/**
 * Whether settlement (or a premium payment) may spend the provider's account for the beneficiary on `date`.
 * Refusals: `RELATION_REVOKED` (R-KIN-5), `NOT_YET_REGISTERED` (R-KIN-3), `FEATURE_NOT_OPEN` before the region's
 * `mutualAidUseFrom` (R-KIN-3), `RELATION_OUT_OF_SCOPE` for the purpose on the date (R-KIN-1), and
 * `OUT_OF_REGION_NOT_PERMITTED` for out-of-region care without the permission and without the electronic voucher
 * (R-KIN-6, seed 002).
 */
export function checkKinUseOrThrow(input: KinUseInput): readonly Explanation[] {
  const { relation, date, providerPolicy } = input;
  const purpose = input.purpose ?? KinPurpose.MEDICAL;
  if (relation.revokedAt != null && relation.revokedAt <= date) {
    throw new KinError(
      KinErrorCode.RELATION_REVOKED,
      `The relation was revoked on ${relation.revokedAt}`,
      'R-KIN-5',
      undefined,
      { revokedOn: dateParam(relation.revokedAt) },
    );
  }
  if (relation.registeredOn > date) {
    throw new KinError(
      KinErrorCode.NOT_YET_REGISTERED,
      `The relation was registered on ${relation.registeredOn}, after ${date}`,
      'R-KIN-3',
      undefined,
      { registeredOn: dateParam(relation.registeredOn), on: dateParam(date) },
    );
  }
  isFeatureOpenOrThrow(providerPolicy, Feature.KIN_USE, 'R-KIN-3');
  if (!relationInScope(providerPolicy, purpose, relation.relation)) {
    throw new KinError(
      KinErrorCode.RELATION_OUT_OF_SCOPE,
      `${relation.relation} is not in the kinship scope for ${purpose} of region ${providerPolicy.regionCode} on ${date}`,
      'R-KIN-1',
      undefined,
      {
        relation: termParam('relation', relation.relation),
        region: regionParam(providerPolicy.regionCode),
        on: dateParam(date),
        purpose: termParam('purpose', purpose),
      },
    );
  }
  const explanation: Explanation[] = [
    explain(
      'R-KIN-3',
      `Mutual-aid use open since ${providerPolicy.features[Feature.KIN_USE].from}`,
      'KIN_USE_OPEN',
      sinceParam(providerPolicy.features[Feature.KIN_USE].from),
    ),
    explain('R-KIN-1', `${relation.relation} is in the scope for ${purpose} on ${date}`, 'KIN_USE_IN_SCOPE', {
      relation: termParam('relation', relation.relation),
      purpose: termParam('purpose', purpose),
      on: dateParam(date),
    }),
  ];
  if (input.outOfRegion) {
    if (!input.outOfRegionPermission && input.channel !== PaymentChannel.E_VOUCHER) {
      throw new KinError(
        KinErrorCode.OUT_OF_REGION_NOT_PERMITTED,
        'Out-of-region care can use relatives\' accounts only with the out-of-region "use" permission switched on or when paying with the electronic voucher',
        'R-KIN-6',
      );
    }
    explanation.push(
      input.outOfRegionPermission
        ? explain(
            'R-KIN-6',
            'Out-of-region care: the beneficiary switched on the "use" permission',
            'KIN_OUT_OF_REGION_PERMITTED',
          )
        : explain(
            'R-KIN-6',
            'Out-of-region care paid with the electronic voucher',
            'KIN_OUT_OF_REGION_E_VOUCHER',
          ),
    );
  }
  return explanation;
}

/**
 * R-KIN-7: whether a family binding shares money. Only mutual aid does; a proxy binding (亲情账户) lets the agent
 * act for the patient, but settlement charges the patient's own account — so settlement ignores proxy bindings.
 */
export function bindingSharesMoney(kind: KinBindingKind): boolean {
  return kind === KinBindingKind.MUTUAL_AID;
}

/**
 * R-KIN-7: whose account pays when an agent acts under a proxy binding — always the patient's, never the agent's.
 */
export function payerUnderProxy(binding: ProxyBinding): string {
  return binding.patientId;
}

/** An opening date for an explanation line; none (a region without the date) gives the general variant. */
function sinceParam(from: IsoDate | null): ExplanationParams {
  return from ? { from: dateParam(from) } : {};
}
