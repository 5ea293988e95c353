import {
  CardState,
  type EmploymentStatus,
  type Fen,
  type InsuranceType,
  cardStateOn,
  maskIdNumber,
  maskName,
  sumFen,
} from '@gongji/domain';
import type {
  CardEntity,
  KinRelationEntity,
  PersonSummary,
  PocketRow,
  WalletEntity,
} from '@gongji/persistence';
import { type Principal, Role, isStaff } from '../../auth/principal';
import { todayInChina } from '../../common/clock';
import type { KinChannel, PocketKind, Relation } from '../../common/domain-enums';
import { toDomainCard } from '../card/card.mapper';
import { type Account, type Card, type KinRelation, Person, type Wallet } from './person.types';

/** Analysts never see a full name, ID number, phone or birth date (API.md). */
export function masksPersonalData(principal: Principal | null): boolean {
  return principal?.role === Role.ANALYST;
}

export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '*'.repeat(phone.length);
}

/** A person as the API shows it, from the full row or the summary a page reads along (PersonSummary). */
export function toPerson(e: PersonSummary, masked: boolean): Person {
  return Object.assign(new Person(), {
    id: e.id,
    name: masked ? maskName(e.name) : e.name,
    idNumber: masked ? maskIdNumber(e.idNumber) : e.idNumber,
    phone: e.phone && masked ? maskPhone(e.phone) : e.phone,
    birthDate: masked ? null : e.birthDate,
    insuranceType: e.insuranceType as InsuranceType,
    employmentStatus: e.employmentStatus as EmploymentStatus | null,
    regionCode: e.regionCode,
    realNameVerified: e.realNameVerified,
    outOfRegionUsePermission: e.outOfRegionUsePermission,
  });
}

const POCKET_ORDER = ['EARMARKED', 'LEGACY', 'WALLET'];

export function toAccount(pockets: readonly PocketRow[]): Account | null {
  if (pockets.length === 0) return null;
  const sorted = [...pockets].sort((a, b) => POCKET_ORDER.indexOf(a.kind) - POCKET_ORDER.indexOf(b.kind));
  return {
    pockets: sorted.map((p) => ({ kind: p.kind as PocketKind, balance: p.balance as Fen })),
    total: sumFen(sorted.map((p) => p.balance)),
  };
}

export function toKinRelation(e: KinRelationEntity): KinRelation {
  return {
    id: e.id,
    providerId: e.providerId,
    beneficiaryId: e.beneficiaryId,
    relation: e.relation as Relation,
    channel: e.channel as KinChannel,
    position: e.position,
    registeredOn: e.registeredOn,
    revokedAt: e.revokedAt,
  };
}

export function toWallet(e: WalletEntity, masked: boolean): Wallet {
  return {
    usageRegionCode: e.usageRegionCode,
    phone: masked ? maskPhone(e.phone) : e.phone,
    activatedAt: e.activatedAt,
  };
}

/**
 * The card as of `on` (default: today in Beijing). The state is derived with the domain's `cardStateOn`, because a
 * pre-report lapses after 10 days without any recorded event (R-CARD-1): a lapsed pre-report reads ACTIVE. The
 * stored dates are kept as they are (`reportedOn` still shows the lapsed report's date).
 */
export function toCard(e: CardEntity, on: string = todayInChina(), showNumber = false): Card {
  return {
    state: cardStateOn(toDomainCard(e), on),
    reportedOn: e.reportedOn,
    // The column also keeps a pre-report's last day (card.mapper); only a pending reissue has a ready date.
    reissueReadyOn: e.state === CardState.REISSUE_PENDING ? e.reissueReadyOn : null,
    cardNumber: showNumber ? e.cardNumber : null,
  };
}

/** Staff who handle cards at the counter may read card numbers; portals and analysts may not. */
export function seesCardNumbers(principal: Principal | null): boolean {
  return isStaff(principal);
}
