import {
  CONTRIBUTION_KIN_PURPOSE,
  type EffectivePolicy,
  Feature,
  type InsuranceType,
  KinPurpose,
  PocketKind,
  type Relation,
  WalletSource,
  assertDecisionDateNotAfterTodayOrThrow,
  payPremiumOrThrow,
  kinshipOnRecord,
  payResidentContributionOrThrow,
  relationsInForceOn,
  detailParam,
} from '@gongji/domain';
import {
  type DecideContext,
  type PairFactRows,
  type PersonEntity,
  pairFactsQuery,
} from '@gongji/persistence';
import { assertPortalServes } from '../../auth/portal-serves';
import { forbidden } from '../../auth/authenticate';
import { type Principal, Role } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, type UserError, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { toAttestation } from '../attestation/attestation.mapper';
import { toDomainRelation } from '../kin/kin.service';
import { postedTransaction, runMoneyMutation } from '../ledger/money-mutation';
import {
  balanceOf,
  decisionDate,
  effectivePolicyOn,
  personNotFound,
  planOf,
} from '../wallet/in-transaction.reads';
import type { PremiumPayInput } from './dtos/premium-pay.input';
import type { PremiumPayPayload } from './dtos/premium-pay.payload';
import type { ResidentContributionPayInput } from './dtos/resident-contribution-pay.input';
import type { ResidentContributionPayPayload } from './dtos/resident-contribution-pay.payload';

const refused = (userErrors: PremiumPayPayload['userErrors']): PremiumPayPayload => ({
  transaction: null,
  pocket: null,
  regime: null,
  userErrors,
});

const contributionRefused = (
  userErrors: ResidentContributionPayPayload['userErrors'],
): ResidentContributionPayPayload => ({ transaction: null, userErrors });

/**
 * The insured's relation to the payer from the registrations (备案) between them, as of `date` (issue #9: one
 * answer per date, the domain's `relationsInForceOn`): the relation in force on that date, else the latest one
 * (to name it in the refusal); a proxy binding (R-KIN-7) shares no money. `facts.relations` are newest first.
 */
function relationOn(
  facts: PairFactRows,
  payer: PersonEntity,
  insured: PersonEntity,
  date: string,
): { relation: Relation | null; registered: boolean } {
  const rows = facts.relations.filter(
    (r) => r.providerId === payer.id && r.beneficiaryId === insured.id && !r.proxyOnly,
  );
  const inForce = relationsInForceOn(rows.map(toDomainRelation), date)[0];
  if (inForce) return { relation: inForce.relation, registered: true };
  const latest = rows[0];
  return latest
    ? { relation: latest.relation as Relation, registered: false }
    : { relation: null, registered: false };
}

/**
 * R-USE-3 2021 regime: what the insured is to the payer on record (the domain's `kinshipOnRecord`): kin relations
 * between the two in either direction and staff attestations in either direction; a proxy binding (R-KIN-7) is no
 * evidence of a family tie.
 */
function kinshipBetween(
  facts: PairFactRows,
  payer: PersonEntity,
  insured: PersonEntity,
  date: string,
): Relation[] {
  return kinshipOnRecord({
    fromPersonId: payer.id,
    toPersonId: insured.id,
    date,
    kinRelations: facts.relations.filter((r) => !r.proxyOnly).map(toDomainRelation),
    attestations: facts.attestations.map(toAttestation),
  });
}

/** Supplementary premiums (R-USE-3, R-ACC-6) and resident-side contributions (R-USE-2). Stateless: one per request. */
export class PremiumService {
  constructor(private readonly ctx: GraphQLContext) {}

  /** The payer and the insured from the pair facts, with the payer's region policy on the date — or why not. */
  private async parties(
    ctx: DecideContext<PairFactRows>,
    payerId: string,
    insuredId: string,
    date: string,
  ): Promise<
    { payer: PersonEntity; insured: PersonEntity; policy: EffectivePolicy } | { refusal: UserError }
  > {
    const payer = ctx.facts.persons.find((p) => p.id === payerId);
    const insured = ctx.facts.persons.find((p) => p.id === insuredId);
    if (!payer || !insured) return { refusal: personNotFound(payer ? 'insuredId' : 'payerId') };
    const policy = await effectivePolicyOn(
      this.ctx.services.policy,
      ctx.manager,
      payer.regionCode,
      date,
      ctx.facts.policyVersion,
    );
    if (!policy)
      return {
        refusal: userError(ApiErrorCode.NOT_FOUND, 'The payer’s region is unknown', ['payerId'], undefined, {
          detail: detailParam('NOT_FOUND_PAYER_REGION'),
        }),
      };
    return { payer, insured, policy };
  }

  async pay(principal: Principal, input: PremiumPayInput): Promise<PremiumPayPayload> {
    if (principal.role === Role.PORTAL && principal.product !== input.product)
      throw forbidden(
        `This portal charges premiums for ${principal.product ?? 'no product'} only`,
        detailParam('PORTAL_PRODUCT_ONLY', principal.product ? { product: principal.product } : {}),
      );
    const date = decisionDate(principal, input.on);
    // The payer, whose account is charged, proved presence to this portal (issue #8).
    await assertPortalServes(this.ctx, [input.payerId]);
    const { payerId, insuredId } = input;
    return runMoneyMutation<PremiumPayPayload, PairFactRows>(this.ctx.services.ledger, principal, {
      operation: 'premiumPay',
      idempotencyKey: input.idempotencyKey,
      input: {
        payerId,
        insuredId,
        insuredIdNumber: input.insuredIdNumber,
        product: input.product,
        amount: input.amount,
        on: input.on ?? null,
      },
      // Only the payer's pockets move.
      personIds: [payerId],
      // One statement on PostgreSQL, in the round trip of the locks: both persons with their provinces, wallets,
      // relations and attestations between them, and the policy data version (issue #7).
      facts: pairFactsQuery(payerId, insuredId),
      refused,
      decide: async (ctx) => {
        assertDecisionDateNotAfterTodayOrThrow(date, todayInChina(), 'R-USE-3');
        const facts = ctx.facts;
        const parties = await this.parties(ctx, payerId, insuredId, date);
        if ('refusal' in parties) return { payload: refused([parties.refusal]) };
        const { payer, insured, policy } = parties;
        const self = payer.id === insured.id;
        const { relation, registered } = self
          ? { relation: null, registered: false }
          : relationOn(facts, payer, insured, date);
        const decision = payPremiumOrThrow({
          productCode: input.product,
          amount: input.amount,
          date,
          payer: {
            personId: payer.id,
            insuranceType: payer.insuranceType as InsuranceType,
            regionCode: payer.regionCode,
            realNameVerified: payer.realNameVerified,
            passbookLinkedToBankCard: payer.bankCardLinked,
            earmarked: balanceOf(ctx, payer.id, PocketKind.EARMARKED),
            legacy: balanceOf(ctx, payer.id, PocketKind.LEGACY),
          },
          insured: {
            personId: insured.id,
            idNumber: insured.idNumber,
            insuranceType: insured.insuranceType as InsuranceType,
            regionCode: insured.regionCode,
          },
          insuredIdNumber: input.insuredIdNumber,
          relation,
          registered,
          kinshipOnRecord: self ? [] : kinshipBetween(facts, payer, insured, date),
          kinScope: policy.kinshipScope[KinPurpose.SUPPLEMENTARY_PREMIUM].relations,
          earmarkedFrom: policy.features[Feature.EARMARKED_ACCOUNT].from,
          selfFrom: policy.features[Feature.SUPPLEMENTARY_PREMIUM_SELF].from,
          kinFrom: policy.features[Feature.SUPPLEMENTARY_PREMIUM_KIN].from,
        });
        const plan = planOf(decision, {
          amount: input.amount,
          personId: payer.id,
          counterpartyPersonId: insured.id,
          product: input.product,
          details: { product: input.product, regime: decision.regime, pocket: decision.pocket, on: date },
        });
        return {
          payload: {
            transaction: postedTransaction(ctx, plan),
            pocket: decision.pocket,
            regime: decision.regime,
            userErrors: [],
          },
          transaction: plan,
        };
      },
    });
  }

  /** A resident basic / long-term care contribution for self or a registered relative (R-USE-2, R-KIN-1/2/3, R-WAL-7). */
  async payResidentContribution(
    principal: Principal,
    input: ResidentContributionPayInput,
  ): Promise<ResidentContributionPayPayload> {
    const date = decisionDate(principal, input.on);
    await assertPortalServes(this.ctx, [input.payerId]);
    const { payerId, insuredId, scheme } = input;
    const source = input.source ?? WalletSource.EARMARKED;
    return runMoneyMutation<ResidentContributionPayPayload, PairFactRows>(
      this.ctx.services.ledger,
      principal,
      {
        operation: 'residentContributionPay',
        idempotencyKey: input.idempotencyKey,
        input: { payerId, insuredId, scheme, amount: input.amount, source, on: input.on ?? null },
        // Only the payer's pockets move.
        personIds: [payerId],
        // One statement on PostgreSQL, in the round trip of the locks: both persons with their provinces, wallets,
        // relations and attestations between them, and the policy data version (issue #7).
        facts: pairFactsQuery(payerId, insuredId),
        refused: contributionRefused,
        decide: async (ctx) => {
          assertDecisionDateNotAfterTodayOrThrow(date, todayInChina(), 'R-USE-2');
          const facts = ctx.facts;
          const parties = await this.parties(ctx, payerId, insuredId, date);
          if ('refusal' in parties) return { payload: contributionRefused([parties.refusal]) };
          const { payer, insured, policy } = parties;
          const self = payer.id === insured.id;
          const { relation, registered } = self
            ? { relation: null, registered: false }
            : relationOn(facts, payer, insured, date);
          const provinceOf = (p: PersonEntity) => facts.provinceOf.get(p.id) ?? p.regionCode;
          const payerWallet = facts.wallets.find((w) => w.personId === payer.id);
          const decision = payResidentContributionOrThrow({
            scheme,
            amount: input.amount,
            date,
            payer: {
              personId: payer.id,
              insuranceType: payer.insuranceType as InsuranceType,
              provinceCode: provinceOf(payer),
              earmarked: balanceOf(ctx, payer.id, PocketKind.EARMARKED),
              wallet: balanceOf(ctx, payer.id, PocketKind.WALLET),
            },
            insured: {
              personId: insured.id,
              insuranceType: insured.insuranceType as InsuranceType,
              provinceCode: provinceOf(insured),
            },
            source,
            relation,
            registered,
            kinScope: policy.kinshipScope[CONTRIBUTION_KIN_PURPOSE[scheme]].relations,
            kinUseFrom: policy.features[Feature.KIN_USE].from,
            // R-WAL-5/7 as of the decision date: the wallet confirmed by `date` in an insured region already open.
            wallet: {
              activatedOn: payerWallet ? todayInChina(payerWallet.activatedAt) : null,
              insuredRegionCode: payer.regionCode,
              insuredRegionWalletFrom: policy.features[Feature.WALLET].from,
            },
          });
          const plan = planOf(decision, {
            amount: input.amount,
            personId: payer.id,
            counterpartyPersonId: insured.id,
            details: { scheme, source, relation: self ? 'SELF' : relation, on: date },
          });
          return {
            payload: { transaction: postedTransaction(ctx, plan), userErrors: [] },
            transaction: plan,
          };
        },
      },
    );
  }
}
