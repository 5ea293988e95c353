import {
  type BenefitSchedule,
  DomainError,
  InstitutionKind,
  InsuranceType,
  PolicyError,
  PolicyErrorCode,
  VisitType,
  type ExplanationParams,
  dateParam,
  regionParam,
  type EffectivePolicy,
  type EmploymentStatus,
  type Fen,
  type InstitutionLevel,
  type KinRelation,
  PocketKind,
  type ProviderFunds,
  type Relation,
  type SettlementInput as DomainSettlementInput,
  cardPaymentAllowedOrThrow,
  checkKinUseOrThrow,
  effectivePasswordFreeLimit,
  emptyYearToDate,
  passwordRequired,
  relationsInForceOn,
  detailParam,
  type MessageParam,
} from '@gongji/domain';
import {
  type DecideContext,
  type InstitutionEntity,
  type KinRelationEntity,
  type PersonEntity,
  type SettlementFactRows,
  type SettlementFactsQuery,
  settlementFactRows,
} from '@gongji/persistence';
import { ApiErrorCode } from '../../common/user-error';
import { todayInChina } from '../../common/clock';
import { toDomainCard } from '../card/card.mapper';
import { toDomainRelation } from '../kin/kin.service';
import type { SettlementInput } from './dtos/settlement.input';
import { effectivePolicyIn } from './settlement-policy';

const ZERO = 0n as Fen;

/** Everything a settlement decides on, read through one manager (the ledger writer's inside `decide`). */
export interface SettlementFacts {
  readonly patient: PersonEntity;
  readonly institution: InstitutionEntity;
  readonly policy: EffectivePolicy;
  /** Mutual-aid relations of the patient in force on the service date, in registered order (R-KIN-4). */
  readonly relations: readonly KinRelationEntity[];
  /** Relatives not used for this bill and why (not in force on the date, or refused by a rule). */
  readonly skipped: readonly SkippedProvider[];
  readonly domainInput: DomainSettlementInput;
}

/**
 * Each scheme its own schedule (issue #9): employees (and flexible employment) the employee schedule; residents their
 * own, configured per region and date. A resident's outpatient or inpatient bill with no resident schedule is refused
 * POLICY_NOT_CONFIGURED, never computed on the employee schedule; a pharmacy purchase (the fund's flat pharmacy rate,
 * R-SET-3) keeps working, relatives' accounts included.
 */
function scheduleFor(
  patient: PersonEntity,
  input: SettlementInput,
  policy: EffectivePolicy,
): BenefitSchedule {
  if (patient.insuranceType !== InsuranceType.RESIDENT) return policy.benefitSchedule;
  if (policy.residentBenefitSchedule) return policy.residentBenefitSchedule;
  if (input.visitType === VisitType.PHARMACY) return policy.benefitSchedule;
  throw new PolicyError(
    PolicyErrorCode.POLICY_NOT_CONFIGURED,
    `No resident benefit schedule is configured for region ${policy.regionCode} on ${input.serviceDate}: a resident's ${input.visitType.toLowerCase()} bill cannot be computed (the employee schedule is not borrowed)`,
    input.visitType === VisitType.INPATIENT ? 'R-SET-2' : 'R-SET-1',
    ['visitType'],
    { region: regionParam(policy.regionCode), on: dateParam(input.serviceDate) },
  );
}

/** A relative whose account a settlement did not use, and why (shown in the quote, issue #9). */
export interface SkippedProvider {
  readonly providerId: string;
  readonly relation: string | null;
  readonly rule: string;
  /** English, as always (logs, fallback); `code` + `params` render it in the reader's language. */
  readonly reason: string;
  readonly code?: string;
  readonly params?: ExplanationParams;
}

/** Pocket balance lookup: locked rows inside a money mutation, plain rows for a quote; `undefined` = not loaded. */
export type BalanceOf = (personId: string, kind: PocketKind) => Fen | undefined;

export function notFound(message: string, field: string, detail?: MessageParam): DomainError {
  return new DomainError(
    ApiErrorCode.NOT_FOUND,
    message,
    undefined,
    [field],
    detail ? { detail } : undefined,
  );
}

/** A manager of the API's data source or of the ledger writer's transaction (typed without importing TypeORM). */
export type Manager = DecideContext['manager'];

/**
 * Money-sharing relations of a beneficiary (proxy bindings share no money, R-KIN-7) split by the service date with
 * the domain's one answer, `relationsInForceOn` (issue #9): `inForce` in registered order; `laterOrEnded` are the
 * relations in force today but not on that date (registered after it), shown as skipped rather than silently used;
 * `revokedSince` were in force on that date but have been revoked since (R-KIN-5): money moves now, and a revoked
 * relative's consent to share is gone, so they are skipped too — by the quote and the confirmation alike (the
 * confirmation locks only the pockets of relations not revoked).
 */
export function relationsOn(
  rows: readonly KinRelationEntity[],
  date: string,
): { inForce: KinRelationEntity[]; laterOrEnded: KinRelationEntity[]; revokedSince: KinRelationEntity[] } {
  const byRelation = new Map(rows.map((row) => [toDomainRelation(row), row]));
  const onDate = relationsInForceOn([...byRelation.keys()], date).flatMap((r) => {
    const row = byRelation.get(r);
    return row ? [row] : [];
  });
  const inForce = onDate.filter((row) => row.revokedAt === null);
  const revokedSince = onDate.filter(
    (row) => row.revokedAt !== null && !inForce.some((r) => r.providerId === row.providerId),
  );
  const inForceIds = new Set(inForce.map((r) => r.id));
  const today = relationsInForceOn(rows.map(toDomainRelation), todayInChina());
  const laterOrEnded = rows.filter(
    (row) =>
      !inForceIds.has(row.id) &&
      row.revokedAt === null &&
      today.some((r) => r.providerId === row.providerId) &&
      !inForce.some((r) => r.providerId === row.providerId),
  );
  return { inForce, laterOrEnded, revokedSince };
}

/** R-KIN-5: one row per provider, the most recently registered (skippedProviders lists a provider at most once). */
function latestRowPerProvider(rows: readonly KinRelationEntity[]): KinRelationEntity[] {
  const latest = new Map<string, KinRelationEntity>();
  for (const row of rows) {
    const seen = latest.get(row.providerId);
    if (!seen || row.registeredOn > seen.registeredOn) latest.set(row.providerId, row);
  }
  return rows.filter((row) => latest.get(row.providerId) === row);
}

/** What a bill's facts are read by: the patient, the institution (id or national code), the service date. */
export function settlementFactsOf(input: SettlementInput): SettlementFactsQuery {
  return { patientId: input.patientId, institution: input.institutionId, date: input.serviceDate };
}

/** The stored rows of a settlement (one statement on PostgreSQL), see libs/persistence settlementFactRows. */
export function loadSettlementRows(manager: Manager, input: SettlementInput): Promise<SettlementFactRows> {
  return settlementFactRows(manager, settlementFactsOf(input));
}

/**
 * Builds the input of libs/domain `settleOrThrow` from the database: the patient, the institution (a card frozen on the
 * service date, or today for an earlier service date, refuses the payment first: `CARD_FROZEN`, R-CARD-1, except with
 * the electronic voucher), the accumulators
 * of the service year (absent = zeros), today's account spend (R-USE-6), own pockets, the providers in registered
 * order with their EARMARKED balances (each checked with `checkKinUseOrThrow` against its own region's policy;
 * a refused one is passed as unusable with the rule that refused), the patient's region policy on the date, and the
 * password-free limit that applies (the holder's, capped by the policy maximum: `effectivePasswordFreeLimit`).
 */
export async function loadSettlementFacts(
  manager: Manager,
  input: SettlementInput & {
    /** The patient's e-voucher code verified, or staff at the counter (R-ACC-7, `eVoucherCodeRequired`). */
    readonly eVoucherShown?: boolean;
  },
  rows: SettlementFactRows,
  balanceOf: BalanceOf,
): Promise<SettlementFacts> {
  // Inside a money mutation the patient's row was locked by the writer's lock statement (after the pockets: one lock
  // order), so the password failure count and lock the decision sees cannot change under it (R-ACC-7).
  const patient = rows.patient;
  if (!patient)
    throw notFound(
      `No person with id ${input.patientId}`,
      'patientId',
      detailParam('NOT_FOUND_PERSON_ID', { id: input.patientId }),
    );
  const institution = rows.institution;
  if (!institution)
    throw notFound(
      `No institution ${input.institutionId}`,
      'institutionId',
      detailParam('NOT_FOUND_INSTITUTION_ID', { id: input.institutionId }),
    );
  const date = input.serviceDate;
  // R-CARD-1: a card frozen on the service date refuses every channel that presents it; the e-voucher still pays.
  const card = toDomainCard(rows.card);
  cardPaymentAllowedOrThrow(card, date, input.channel);
  // …and the card is presented now: one frozen today (pre-reported or reported after the visit) pays nothing for an
  // earlier service date either. A later service date keeps its own answer (a pre-report lapses after 10 days).
  const presentedOn = todayInChina();
  if (presentedOn > date) cardPaymentAllowedOrThrow(card, presentedOn, input.channel);
  const year = Number(date.slice(0, 4));
  const policies = new Map<string, EffectivePolicy>();
  const policyOf = (regionCode: string) =>
    effectivePolicyIn(manager, regionCode, date, policies, rows.policyVersion);
  const policy = await policyOf(patient.regionCode);
  // R-ACC-7: the holder's password-free limit capped by the password policy's maximum on the service date and — the
  // password is typed now — today's for an earlier service date, so a lowered maximum is not escaped by the date.
  const passwordFreeLimit = effectivePasswordFreeLimit(
    patient.passwordFreeLimit as Fen,
    policy.passwordPolicy,
    ...(presentedOn > date
      ? [
          (await effectivePolicyIn(manager, patient.regionCode, presentedOn, undefined, rows.policyVersion))
            .passwordPolicy,
        ]
      : []),
  );

  const acc = rows.accumulators;
  const yearToDate = acc
    ? {
        year,
        outpatientCovered: acc.outpatientCovered as Fen,
        outpatientFundPaid: acc.outpatientFundPaid as Fen,
        inpatientAdmissions: acc.inpatientAdmissions,
        inpatientFundPaid: acc.inpatientFundPaid as Fen,
        accountPaid: acc.accountPaid as Fen,
      }
    : emptyYearToDate(year);
  const spend = rows.spend;
  const spendToday = {
    atInstitution: spend
      .filter((s) => s.institutionId === institution.id)
      .reduce((a, s) => a + s.amount, 0n) as Fen,
    acrossInstitutions: spend.reduce((a, s) => a + s.amount, 0n) as Fen,
  };

  const { inForce: relations, laterOrEnded, revokedSince } = relationsOn(rows.relations, date);
  const providerRows = rows.providers;
  const providers: ProviderFunds[] = [];
  // Relatives registered after the service date: not used on that date (one answer per date), but shown as skipped.
  const skipped: SkippedProvider[] = latestRowPerProvider(laterOrEnded).map((r) => ({
    providerId: r.providerId,
    relation: r.relation,
    // The registration (备案) date decides (R-KIN-3), as kin.rules' NOT_YET_REGISTERED says — not the order (R-KIN-5).
    rule: 'R-KIN-3',
    reason: `not in force on ${date}: registered on ${r.registeredOn}`,
    code: 'KIN_NOT_IN_FORCE',
    params: { on: dateParam(date), registeredOn: dateParam(r.registeredOn) },
  }));
  // In force on the service date, revoked since (R-KIN-5): not used now. A provider registered again since has its
  // newer row among `laterOrEnded` already: each provider is listed once, with its most recent row (R-KIN-5).
  for (const r of revokedSince) {
    if (skipped.some((s) => s.providerId === r.providerId)) continue;
    const revokedOn = todayInChina(r.revokedAt ?? undefined);
    skipped.push({
      providerId: r.providerId,
      relation: r.relation,
      rule: 'R-KIN-5',
      reason: `revoked on ${revokedOn}: no longer shares the account`,
      code: 'KIN_REVOKED_SINCE',
      params: { revokedOn: dateParam(revokedOn) },
    });
  }
  for (const r of relations) {
    const earmarked = balanceOf(r.providerId, PocketKind.EARMARKED);
    const provider = providerRows.find((p) => p.id === r.providerId);
    if (earmarked === undefined || !provider) {
      // Registered after this mutation locked its pockets: not usable this time (its balance was not locked).
      providers.push({
        personId: r.providerId,
        position: r.position,
        earmarked: ZERO,
        usable: false,
        unusableBecause: {
          rule: 'R-KIN-4',
          message: `provider ${r.providerId} skipped: no account`,
          code: 'KIN_PROVIDER_NO_ACCOUNT',
          params: { provider: r.providerId, position: r.position },
        },
      });
      continue;
    }
    const relation: KinRelation = {
      providerId: r.providerId,
      beneficiaryId: r.beneficiaryId,
      relation: r.relation as Relation,
      order: r.position,
      registeredOn: r.registeredOn,
      revokedAt: null,
    };
    try {
      checkKinUseOrThrow({
        relation,
        date,
        providerPolicy: await policyOf(provider.regionCode),
        channel: input.channel,
      });
      providers.push({ personId: r.providerId, position: r.position, earmarked });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      providers.push({
        personId: r.providerId,
        position: r.position,
        earmarked,
        usable: false,
        unusableBecause: {
          rule: err.rule ?? 'R-KIN-4',
          message: `provider ${r.providerId} skipped: ${err.message}`,
          code: 'KIN_PROVIDER_REFUSED',
          params: {
            provider: r.providerId,
            position: r.position,
            refusal: {
              kind: 'refusal',
              code: err.code,
              message: err.message,
              ...(err.rule ? { rule: err.rule } : {}),
              ...(err.params ? { params: err.params } : {}),
            },
          },
        },
      });
    }
  }

  for (const p of providers) {
    if (p.usable !== false) continue;
    skipped.push({
      providerId: p.personId,
      relation: relations.find((r) => r.providerId === p.personId)?.relation ?? null,
      rule: p.unusableBecause?.rule ?? 'R-KIN-4',
      reason: p.unusableBecause?.message ?? 'not usable',
      ...(p.unusableBecause?.code ? { code: p.unusableBecause.code } : {}),
      ...(p.unusableBecause?.params ? { params: p.unusableBecause.params } : {}),
    });
  }

  // R-USE-1: the fund pays at a hospital open to all or one the patient has chosen; pharmacies need no selection.
  const fundMayPay =
    institution.kind !== InstitutionKind.HOSPITAL || institution.openToAll || rows.hospitalSelected;

  const domainInput: DomainSettlementInput = {
    bill: {
      visitType: input.visitType,
      serviceDate: date,
      covered: input.covered,
      outOfCatalogue: input.outOfCatalogue ?? ZERO,
      excluded: input.excluded ?? ZERO,
      channel: input.channel,
      eVoucherShown: input.eVoucherShown ?? false,
      institution: {
        id: institution.id,
        // R-USE-1: explanation lines name the institution, not its id.
        name: institution.name,
        code: institution.code,
        kind: institution.kind as InstitutionKind,
        level: institution.level as InstitutionLevel,
        regionCode: institution.regionCode,
        acceptsWallet: institution.acceptsWallet,
        designated: institution.designated,
        fundMayPay,
      },
    },
    patient: {
      id: patient.id,
      employmentStatus: patient.employmentStatus as EmploymentStatus | null,
      birthDate: patient.birthDate,
      insuranceType: patient.insuranceType as InsuranceType,
      regionCode: patient.regionCode,
      outOfRegionUsePermission: patient.outOfRegionUsePermission,
    },
    yearToDate,
    spendToday,
    own: {
      earmarked: balanceOf(patient.id, PocketKind.EARMARKED) ?? ZERO,
      wallet: balanceOf(patient.id, PocketKind.WALLET) ?? ZERO,
    },
    providers,
    schedule: scheduleFor(patient, input, policy),
    caps: policy.spendingCaps,
    kinUseOpen: policy.features.KIN_USE.open,
    ...(policy.passwordPolicy.maxRegistrationFee !== undefined
      ? { maxRegistrationFee: policy.passwordPolicy.maxRegistrationFee }
      : {}),
    eVoucherCodeRequired: policy.passwordPolicy.eVoucherCodeRequired ?? false,
    passwordRequired: (amountFromAccount: Fen) =>
      passwordRequired({
        channel: input.channel,
        amountFromAccount,
        passwordFreeLimit,
      }),
  };
  return { patient, institution, policy, relations, skipped, domainInput };
}
