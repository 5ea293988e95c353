import DataLoader from 'dataloader';
import type {
  CardEntity,
  ExplanationRow,
  InstitutionEntity,
  KinRelationEntity,
  PersonEntity,
  PocketRow,
  PostingRow,
  RegionEntity,
  WalletEntity,
} from '@gongji/persistence';
import { type Principal, Role } from './auth/principal';
import type { Services } from './services';

/** Fresh DataLoaders per request (STYLE.md: no N+1 on relation fields). */
export interface Loaders {
  readonly regionByCode: DataLoader<string, RegionEntity | null>;
  readonly regionCountByProvince: DataLoader<string, number>;
  readonly personById: DataLoader<string, PersonEntity | null>;
  readonly institutionById: DataLoader<string, InstitutionEntity | null>;
  readonly pocketsByPerson: DataLoader<string, PocketRow[]>;
  readonly fundingSourcesByBeneficiary: DataLoader<string, KinRelationEntity[]>;
  readonly beneficiariesByProvider: DataLoader<string, KinRelationEntity[]>;
  /** Active and revoked relations (R-KIN-5: revoking keeps history), for `includeRevoked: true`. */
  readonly fundingSourcesHistoryByBeneficiary: DataLoader<string, KinRelationEntity[]>;
  readonly beneficiariesHistoryByProvider: DataLoader<string, KinRelationEntity[]>;
  readonly walletByPerson: DataLoader<string, WalletEntity | null>;
  readonly cardByPerson: DataLoader<string, CardEntity | null>;
  readonly postingsByTransaction: DataLoader<string, PostingRow[]>;
  readonly explanationByTransaction: DataLoader<string, ExplanationRow[]>;
  /** Fen refunded so far per settlement (R-USE-5). */
  readonly refundedBySettlement: DataLoader<string, bigint>;
  /** Does the calling portal serve this person? (always true for staff and analysts) */
  readonly servesPerson: DataLoader<string, boolean>;
}

function one<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): (V | null)[] {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
}

function many<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const map = new Map<K, V[]>(keys.map((k) => [k, []]));
  for (const r of rows) map.get(keyOf(r))?.push(r);
  return keys.map((k) => map.get(k) ?? []);
}

/**
 * Fresh loaders per request, each created when a resolver first asks for it: most requests use two or three of them,
 * and creating all eleven for every request (the trivial query included) was measurable (issue #11).
 */
class RequestLoaders implements Loaders {
  private _servesPerson?: Loaders['servesPerson'];
  private _regionByCode?: Loaders['regionByCode'];
  private _regionCountByProvince?: Loaders['regionCountByProvince'];
  private _personById?: Loaders['personById'];
  private _pocketsByPerson?: Loaders['pocketsByPerson'];
  private _fundingSourcesByBeneficiary?: Loaders['fundingSourcesByBeneficiary'];
  private _beneficiariesByProvider?: Loaders['beneficiariesByProvider'];
  private _institutionById?: Loaders['institutionById'];
  private _fundingSourcesHistoryByBeneficiary?: Loaders['fundingSourcesHistoryByBeneficiary'];
  private _beneficiariesHistoryByProvider?: Loaders['beneficiariesHistoryByProvider'];
  private _walletByPerson?: Loaders['walletByPerson'];
  private _cardByPerson?: Loaders['cardByPerson'];
  private _postingsByTransaction?: Loaders['postingsByTransaction'];
  private _explanationByTransaction?: Loaders['explanationByTransaction'];
  private _refundedBySettlement?: Loaders['refundedBySettlement'];

  constructor(
    private readonly services: Services,
    private readonly principal: Principal | null,
  ) {}

  get servesPerson(): Loaders['servesPerson'] {
    return (this._servesPerson ??= new DataLoader(async (ids) => {
      const principal = this.principal;
      if (principal?.role !== Role.PORTAL) return ids.map(() => true);
      const served = await this.services.persons.servedAmong(principal, ids);
      return ids.map((id) => served.has(id));
    }));
  }

  get regionByCode(): Loaders['regionByCode'] {
    return (this._regionByCode ??= new DataLoader(async (codes) =>
      one(codes, await this.services.regions.findByCodes(codes), (r) => r.code),
    ));
  }

  get regionCountByProvince(): Loaders['regionCountByProvince'] {
    return (this._regionCountByProvince ??= new DataLoader(async (codes) => {
      const counts = await this.services.regions.countByProvince(codes);
      return codes.map((c) => counts.get(c) ?? 0);
    }));
  }

  get institutionById(): Loaders['institutionById'] {
    return (this._institutionById ??= new DataLoader(async (ids) =>
      one(ids, await this.services.transactions.institutionsOf(ids), (i) => i.id),
    ));
  }

  get personById(): Loaders['personById'] {
    return (this._personById ??= new DataLoader(async (ids) =>
      one(ids, await this.services.persons.findByIds(ids), (p) => p.id),
    ));
  }

  get pocketsByPerson(): Loaders['pocketsByPerson'] {
    return (this._pocketsByPerson ??= new DataLoader(async (ids) =>
      many(ids, await this.services.persons.pocketsOf(ids), (p) => p.personId),
    ));
  }

  get fundingSourcesByBeneficiary(): Loaders['fundingSourcesByBeneficiary'] {
    return (this._fundingSourcesByBeneficiary ??= new DataLoader(async (ids) =>
      many(ids, await this.services.persons.fundingSourcesOf(ids), (r) => r.beneficiaryId),
    ));
  }

  get beneficiariesByProvider(): Loaders['beneficiariesByProvider'] {
    return (this._beneficiariesByProvider ??= new DataLoader(async (ids) =>
      many(ids, await this.services.persons.beneficiariesOf(ids), (r) => r.providerId),
    ));
  }

  get fundingSourcesHistoryByBeneficiary(): Loaders['fundingSourcesHistoryByBeneficiary'] {
    return (this._fundingSourcesHistoryByBeneficiary ??= new DataLoader(async (ids) =>
      many(ids, await this.services.persons.fundingSourcesOf(ids, true), (r) => r.beneficiaryId),
    ));
  }

  get beneficiariesHistoryByProvider(): Loaders['beneficiariesHistoryByProvider'] {
    return (this._beneficiariesHistoryByProvider ??= new DataLoader(async (ids) =>
      many(ids, await this.services.persons.beneficiariesOf(ids, true), (r) => r.providerId),
    ));
  }

  get walletByPerson(): Loaders['walletByPerson'] {
    return (this._walletByPerson ??= new DataLoader(async (ids) =>
      one(ids, await this.services.persons.walletsOf(ids), (w) => w.personId),
    ));
  }

  get cardByPerson(): Loaders['cardByPerson'] {
    return (this._cardByPerson ??= new DataLoader(async (ids) =>
      one(ids, await this.services.persons.cardsOf(ids), (c) => c.personId),
    ));
  }

  get postingsByTransaction(): Loaders['postingsByTransaction'] {
    return (this._postingsByTransaction ??= new DataLoader(async (ids) =>
      many(ids, await this.services.transactions.postingsOf(ids), (p) => p.transactionId),
    ));
  }

  get refundedBySettlement(): Loaders['refundedBySettlement'] {
    return (this._refundedBySettlement ??= new DataLoader(async (ids) => {
      const found = await this.services.transactions.refundedOf(ids);
      return ids.map((id) => found.get(id) ?? 0n);
    }));
  }

  get explanationByTransaction(): Loaders['explanationByTransaction'] {
    return (this._explanationByTransaction ??= new DataLoader(async (ids) => {
      const found = await this.services.transactions.explanationsOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }));
  }
}

export function createLoaders(services: Services, principal: Principal | null = null): Loaders {
  return new RequestLoaders(services, principal);
}
