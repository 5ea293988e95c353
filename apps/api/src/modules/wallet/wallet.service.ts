import {
  DomainError,
  Feature,
  type InsuranceType,
  KinPurpose,
  PocketKind,
  type Relation,
  type WalletActivation,
  assertDecisionDateNotAfterTodayOrThrow,
  changeUsageRegionOrThrow,
  establishedRelation,
  mobilePhoneOrThrow,
  relationInScope,
  relationsOnRecord,
  walletActivateOrThrow,
  walletTransferOrThrow,
  detailParam,
} from '@gongji/domain';
import {
  type PairFactRows,
  type WalletEntity,
  inTransaction,
  openPocketIfMissing,
  pairFactsQuery,
  personForUpdate,
  provincesOfRegions,
  saveWallet,
  walletOfPerson,
} from '@gongji/persistence';
import { assertPortalServes } from '../../auth/portal-serves';
import { type Principal, isStaff } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import { postedTransaction, runMoneyMutation } from '../ledger/money-mutation';
import { toAttestation } from '../attestation/attestation.mapper';
import { toDomainRelation } from '../kin/kin.service';
import { toWallet } from '../person/person.mapper';
import type { WalletActivateInput } from './dtos/wallet-activate.input';
import type { WalletActivatePayload } from './dtos/wallet-activate.payload';
import type { WalletTransferInput } from './dtos/wallet-transfer.input';
import type { WalletTransferPayload } from './dtos/wallet-transfer.payload';
import { balanceOf, decisionDate, effectivePolicyOn, personNotFound, planOf } from './in-transaction.reads';
import { userErrorsOf } from '../../common/refusals';

function activationOf(e: WalletEntity): WalletActivation {
  return {
    personId: e.personId,
    usageRegionCode: e.usageRegionCode,
    phone: e.phone,
    activatedOn: todayInChina(e.usageRegionChangedAt ?? e.activatedAt),
  };
}

/**
 * When a confirmation decided on `date` is recorded: now, or — staff deciding on a past date (back-office
 * correction) — the start of that day in China, so the wallet counts as confirmed from `date` and transfers and
 * payments dated from then on see it (R-WAL-5).
 */
function confirmedAt(date: string, now: Date): Date {
  return date === todayInChina(now) ? now : new Date(`${date}T00:00:00+08:00`);
}

const refusedActivation = (userErrors: WalletActivatePayload['userErrors']): WalletActivatePayload => ({
  wallet: null,
  changed: false,
  userErrors,
});

/** Wallet confirmation and transfers (R-WAL). Stateless: one per request. */
export class WalletService {
  constructor(private readonly ctx: GraphQLContext) {}

  /**
   * walletActivate (R-WAL-5): confirms the wallet and opens the WALLET pocket when missing; the same confirmation
   * again is a no-op; another usage region is a usage-region change (only where the province offers it). The person
   * row is locked so concurrent confirmations serialise. Staff changes are audited.
   */
  async activate(principal: Principal, input: WalletActivateInput): Promise<WalletActivatePayload> {
    const date = decisionDate(principal, input.on);
    await assertPortalServes(this.ctx, [input.personId]);
    return inTransaction(this.ctx.dataSource, async (manager) => {
      const person = await personForUpdate(manager, input.personId);
      if (!person) return refusedActivation([personNotFound('personId')]);
      const usagePolicy = await effectivePolicyOn(
        this.ctx.services.policy,
        manager,
        input.usageRegionCode,
        date,
      );
      if (!usagePolicy)
        return refusedActivation([
          userError(ApiErrorCode.NOT_FOUND, 'No region with this code', ['usageRegionCode'], undefined, {
            detail: detailParam('NOT_FOUND_REGION_CODE'),
          }),
        ]);
      const existing = await walletOfPerson(manager, person.id);
      // R-WAL-5/7: the wallet is used in the insured region, so the usage region stays in the insured province.
      const provinceOf = await provincesOfRegions(manager, [person.regionCode, input.usageRegionCode]);
      const insuredProvinceCode = provinceOf.get(person.regionCode) ?? person.regionCode;
      const usageProvinceCode = provinceOf.get(input.usageRegionCode) ?? input.usageRegionCode;
      const now = new Date();
      let next: WalletEntity;
      try {
        assertDecisionDateNotAfterTodayOrThrow(date, todayInChina(), 'R-WAL-5');
        if (existing?.usageRegionCode === input.usageRegionCode && existing.phone === input.phone) {
          return { wallet: toWallet(existing, false), changed: false, userErrors: [] };
        }
        if (existing && existing.usageRegionCode !== input.usageRegionCode) {
          // The phone sent with a change is input like any other: a malformed one is refused, not ignored (R-WAL-5).
          mobilePhoneOrThrow(input.phone);
          const currentPolicy = await effectivePolicyOn(
            this.ctx.services.policy,
            manager,
            existing.usageRegionCode,
            date,
          );
          changeUsageRegionOrThrow({
            current: activationOf(existing),
            newUsageRegionCode: input.usageRegionCode,
            date,
            usageChangeFrom: currentPolicy?.features[Feature.USAGE_LOCATION_CHANGE].from ?? null,
            newRegionWalletFrom: usagePolicy.features[Feature.WALLET].from,
            insuredProvinceCode,
            newUsageProvinceCode: usageProvinceCode,
          });
          // The bound phone stays: a usage-region change (使用地变更) does not rebind the phone.
          next = { ...existing, usageRegionCode: input.usageRegionCode, usageRegionChangedAt: now };
        } else {
          // New confirmation, or the same region with another phone (refused: ALREADY_ACTIVATED).
          const insuredPolicy =
            person.regionCode === input.usageRegionCode
              ? usagePolicy
              : await effectivePolicyOn(this.ctx.services.policy, manager, person.regionCode, date);
          walletActivateOrThrow({
            personId: person.id,
            insuranceType: person.insuranceType as InsuranceType,
            usageRegionCode: input.usageRegionCode,
            phone: input.phone,
            date,
            usageRegionWalletFrom: usagePolicy.features[Feature.WALLET].from,
            insuredRegionCode: person.regionCode,
            insuredRegionWalletFrom: insuredPolicy?.features[Feature.WALLET].from ?? null,
            insuredProvinceCode,
            usageProvinceCode,
            existing: existing ? activationOf(existing) : null,
          });
          next = {
            personId: person.id,
            usageRegionCode: input.usageRegionCode,
            phone: input.phone,
            activatedAt: confirmedAt(date, now),
            usageRegionChangedAt: null,
          };
        }
      } catch (err) {
        if (err instanceof DomainError) return refusedActivation(userErrorsOf(err));
        throw err;
      }
      await saveWallet(manager, next);
      await openPocketIfMissing(manager, person.id, PocketKind.WALLET, now);
      if (isStaff(principal)) {
        await this.ctx.services.audit.record(manager, principal, {
          action: existing ? 'walletUsageRegionChange' : 'walletActivate',
          entityType: 'Wallet',
          entityId: person.id,
          before: existing ? { usageRegionCode: existing.usageRegionCode } : null,
          after: { usageRegionCode: next.usageRegionCode, phone: next.phone, on: date },
        });
      }
      return { wallet: toWallet(next, false), changed: true, userErrors: [] };
    });
  }

  /**
   * walletTransfer (R-WAL-3..6), exactly once per client and key. Both persons' pockets are locked; everything the
   * decision reads (persons, wallets, policies) is read through the writer's manager.
   */
  async transfer(principal: Principal, input: WalletTransferInput): Promise<WalletTransferPayload> {
    const date = decisionDate(principal, input.on);
    // The sender, whose money moves, proved presence to this portal; the recipient (a relative, often in another
    // province) need not be at its desk (issue #8).
    await assertPortalServes(this.ctx, [input.fromPersonId]);
    const { fromPersonId, toPersonId } = input;
    return runMoneyMutation<WalletTransferPayload, PairFactRows>(this.ctx.services.ledger, principal, {
      operation: 'walletTransfer',
      idempotencyKey: input.idempotencyKey,
      input: {
        fromPersonId,
        toPersonId,
        relation: input.relation ?? null,
        amount: input.amount,
        source: input.source,
        verification: input.verification,
        on: input.on ?? null,
      },
      personIds: [fromPersonId, toPersonId],
      // One statement on PostgreSQL, in the round trip of the locks: both persons with their provinces, wallets,
      // relations and attestations between them, and the policy data version (issue #7).
      facts: pairFactsQuery(fromPersonId, toPersonId),
      refused: (userErrors) => ({ transaction: null, userErrors }),
      decide: async (ctx) => {
        assertDecisionDateNotAfterTodayOrThrow(date, todayInChina(), 'R-WAL-3');
        const facts = ctx.facts;
        const from = facts.persons.find((p) => p.id === fromPersonId);
        const to = facts.persons.find((p) => p.id === toPersonId);
        if (!from || !to) {
          return {
            payload: {
              transaction: null,
              userErrors: [personNotFound(from ? 'toPersonId' : 'fromPersonId')],
            },
          };
        }
        const wallets = facts.wallets;
        const kinRelations = facts.relations.map(toDomainRelation);
        // Attestations either way round (R-WAL-4): one recorded for the recipient about the sender says the same
        // family tie, read inversely (a sibling is a sibling, a parent's child is a child).
        const attestations = facts.attestations
          .filter(
            (a) =>
              (a.personId === fromPersonId && a.relativePersonId === toPersonId) ||
              (a.personId === toPersonId && a.relativePersonId === fromPersonId),
          )
          .map(toAttestation);
        const activated = new Set(wallets.map((w) => w.personId));
        // R-WAL-5 as of the decision date: the day each wallet was confirmed (a usage-region change does not move it).
        const activatedOn = (personId: string) => {
          const wallet = wallets.find((w) => w.personId === personId);
          return wallet ? todayInChina(wallet.activatedAt) : null;
        };
        const policyOf = (regionCode: string) =>
          effectivePolicyOn(this.ctx.services.policy, ctx.manager, regionCode, date, facts.policyVersion);
        const fromPolicy = await policyOf(from.regionCode);
        const toPolicy = await policyOf(to.regionCode);
        const inScope = (r: Relation) =>
          fromPolicy !== null && relationInScope(fromPolicy, KinPurpose.WALLET_TRANSFER, r);
        // API.md's input has no `relation`: without one, the relation on record between the two is used (one in the
        // sender region's WALLET_TRANSFER scope first); nothing on record is RELATION_NOT_ESTABLISHED (R-WAL-4).
        const onRecord = input.relation
          ? []
          : relationsOnRecord({ fromPersonId, toPersonId, date, kinRelations, attestations });
        const relation = input.relation ?? onRecord.find(inScope) ?? onRecord[0] ?? null;
        // R-WAL-4: the relation must be on record — a kin relation between the two in force on the date (either
        // direction) or a staff attestation — not merely declared by the caller.
        const evidence = relation
          ? establishedRelation({
              fromPersonId,
              toPersonId,
              declared: relation,
              date,
              kinRelations,
              attestations,
            })
          : null;
        const decision = walletTransferOrThrow({
          from: {
            personId: from.id,
            insuranceType: from.insuranceType as InsuranceType,
            walletActivated: activated.has(from.id),
            walletActivatedOn: activatedOn(from.id),
            earmarked: balanceOf(ctx, from.id, PocketKind.EARMARKED),
            wallet: balanceOf(ctx, from.id, PocketKind.WALLET),
          },
          to: {
            personId: to.id,
            insuranceType: to.insuranceType as InsuranceType,
            // A confirmed wallet without its pocket cannot receive (walletActivate opens the pocket).
            walletActivated: activated.has(to.id) && ctx.pockets.has(`${to.id}:${PocketKind.WALLET}`),
            walletActivatedOn: activatedOn(to.id),
          },
          amount: input.amount,
          source: input.source,
          verification: input.verification,
          // The portal (national app) performs the face check / code password; the API never sees the secret.
          verified: true,
          date,
          fromRegionWalletFrom: fromPolicy?.features[Feature.WALLET].from ?? null,
          toRegionWalletFrom: toPolicy?.features[Feature.WALLET].from ?? null,
          relation,
          relationEstablished: evidence !== null,
          relationEvidence: evidence ?? undefined,
          relationInScope: relation !== null && inScope(relation),
        });
        const plan = planOf(decision, {
          amount: input.amount,
          personId: from.id,
          counterpartyPersonId: to.id,
          details: {
            source: input.source,
            verification: input.verification,
            relation,
            on: date,
            // The insured regions at booking: crossProvinceFlows counts the transfer where it happened, even after
            // either person moves (R-WAL-3).
            fromRegionCode: from.regionCode,
            toRegionCode: to.regionCode,
          },
        });
        return { payload: { transaction: postedTransaction(ctx, plan), userErrors: [] }, transaction: plan };
      },
    });
  }
}
