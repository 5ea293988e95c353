import DataLoader from 'dataloader';
import type {
  CardEntity,
  ExplanationRow,
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
  readonly pocketsByPerson: DataLoader<string, PocketRow[]>;
  readonly fundingSourcesByBeneficiary: DataLoader<string, KinRelationEntity[]>;
  readonly beneficiariesByProvider: DataLoader<string, KinRelationEntity[]>;
  readonly walletByPerson: DataLoader<string, WalletEntity | null>;
  readonly cardByPerson: DataLoader<string, CardEntity | null>;
  readonly postingsByTransaction: DataLoader<string, PostingRow[]>;
  readonly explanationByTransaction: DataLoader<string, ExplanationRow[]>;
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

export function createLoaders(services: Services, principal: Principal | null = null): Loaders {
  return {
    servesPerson: new DataLoader(async (ids) => {
      if (principal?.role !== Role.PORTAL) return ids.map(() => true);
      const served = await services.persons.servedAmong(principal, ids);
      return ids.map((id) => served.has(id));
    }),
    regionByCode: new DataLoader(async (codes) =>
      one(codes, await services.regions.findByCodes(codes), (r) => r.code),
    ),
    regionCountByProvince: new DataLoader(async (codes) => {
      const counts = await services.regions.countByProvince(codes);
      return codes.map((c) => counts.get(c) ?? 0);
    }),
    personById: new DataLoader(async (ids) => one(ids, await services.persons.findByIds(ids), (p) => p.id)),
    pocketsByPerson: new DataLoader(async (ids) =>
      many(ids, await services.persons.pocketsOf(ids), (p) => p.personId),
    ),
    fundingSourcesByBeneficiary: new DataLoader(async (ids) =>
      many(ids, await services.persons.fundingSourcesOf(ids), (r) => r.beneficiaryId),
    ),
    beneficiariesByProvider: new DataLoader(async (ids) =>
      many(ids, await services.persons.beneficiariesOf(ids), (r) => r.providerId),
    ),
    walletByPerson: new DataLoader(async (ids) =>
      one(ids, await services.persons.walletsOf(ids), (w) => w.personId),
    ),
    cardByPerson: new DataLoader(async (ids) =>
      one(ids, await services.persons.cardsOf(ids), (c) => c.personId),
    ),
    postingsByTransaction: new DataLoader(async (ids) =>
      many(ids, await services.transactions.postingsOf(ids), (p) => p.transactionId),
    ),
    explanationByTransaction: new DataLoader(async (ids) => {
      const found = await services.transactions.explanationsOf(ids);
      return ids.map((id) => found.get(id) ?? []);
    }),
  };
}
