import { type DataSource, In } from 'typeorm';
import { CardEntity, KinRelationEntity, PersonEntity, WalletEntity } from '../entities';
import { bool, containsPattern, fen, isoDate, readRows, timestamp, timestampOrNull } from './read-sql';

/** One pocket as an account shows it. */
export interface PocketRow {
  readonly personId: string;
  readonly kind: string;
  readonly balance: bigint;
}

export interface PersonSearchFilter {
  /** Exact resident ID number (any case). */
  readonly idNumber?: string | null;
  /** Part of the name (wildcards typed by the user match literally). */
  readonly name?: string | null;
  /** Insured region. */
  readonly regionCode?: string | null;
}

const PERSON_COLUMNS = `p.id, p."idNumber", p.name, p.phone, p."birthDate", p."regionCode", p."insuranceType",
  p."employmentStatus", p."realNameVerified", p."outOfRegionUsePermission", p."bankCardLinked",
  p."paymentPasswordHash", p."paymentPasswordSetAt", p."paymentPasswordFailures", p."paymentLockedAt",
  p."passwordFreeLimit", p."createdAt", p."updatedAt", p.version`;

function toPerson(r: Record<string, unknown>): PersonEntity {
  return Object.assign(new PersonEntity(), {
    id: r['id'] as string,
    idNumber: r['idNumber'] as string,
    name: r['name'] as string,
    phone: (r['phone'] as string | null) ?? null,
    birthDate: isoDate(r['birthDate']),
    regionCode: r['regionCode'] as string,
    insuranceType: r['insuranceType'] as string,
    employmentStatus: (r['employmentStatus'] as string | null) ?? null,
    realNameVerified: bool(r['realNameVerified']),
    outOfRegionUsePermission: bool(r['outOfRegionUsePermission']),
    bankCardLinked: bool(r['bankCardLinked']),
    paymentPasswordHash: (r['paymentPasswordHash'] as string | null) ?? null,
    paymentPasswordSetAt: timestampOrNull(r['paymentPasswordSetAt']),
    paymentPasswordFailures: Number(r['paymentPasswordFailures'] ?? 0),
    paymentLockedAt: timestampOrNull(r['paymentLockedAt']),
    passwordFreeLimit: fen(r['passwordFreeLimit'] ?? 0),
    createdAt: timestamp(r['createdAt']),
    updatedAt: timestamp(r['updatedAt']),
    version: Number(r['version']),
  });
}

const KIN_COLUMNS = `k.id, k."providerId", k."beneficiaryId", k.relation, k.channel, k.position, k."registeredOn",
  k."proxyOnly", k."createdAt", k."revokedAt"`;

function toKin(r: Record<string, unknown>): KinRelationEntity {
  return Object.assign(new KinRelationEntity(), {
    id: r['id'] as string,
    providerId: r['providerId'] as string,
    beneficiaryId: r['beneficiaryId'] as string,
    relation: r['relation'] as string,
    channel: r['channel'] as string,
    position: Number(r['position']),
    registeredOn: isoDate(r['registeredOn']),
    proxyOnly: bool(r['proxyOnly']),
    createdAt: timestamp(r['createdAt']),
    revokedAt: timestampOrNull(r['revokedAt']),
  });
}

function searchWhere(filter: PersonSearchFilter): { sql: string; params: Record<string, unknown> } {
  const parts: string[] = [];
  const params: Record<string, unknown> = {};
  const idNumber = filter.idNumber?.trim();
  const name = filter.name?.trim();
  const regionCode = filter.regionCode?.trim();
  if (idNumber) {
    parts.push('p."idNumber" = :idNumber');
    params['idNumber'] = idNumber.toUpperCase();
  }
  if (name) {
    parts.push(`p.name LIKE :name ESCAPE '\\'`);
    params['name'] = containsPattern(name);
  }
  if (regionCode) {
    parts.push('p."regionCode" = :regionCode');
    params['regionCode'] = regionCode;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** The read side of persons: batched look-ups for DataLoaders and the counter search; one statement each. */
export class PersonReadQueries {
  constructor(private readonly dataSource: DataSource) {}

  async byIds(ids: readonly string[]): Promise<PersonEntity[]> {
    if (ids.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${PERSON_COLUMNS} FROM persons p WHERE p.id IN (:...ids)`,
      { ids: [...ids] },
    );
    return rows.map(toPerson);
  }

  async byIdNumber(idNumber: string): Promise<PersonEntity | null> {
    const [row] = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${PERSON_COLUMNS} FROM persons p WHERE p."idNumber" = :idNumber`,
      { idNumber: idNumber.toUpperCase() },
    );
    return row ? toPerson(row) : null;
  }

  /** Ordered by name, then ID number, so pages are stable. */
  async search(filter: PersonSearchFilter, offset: number, limit: number): Promise<PersonEntity[]> {
    if (limit === 0) return [];
    const w = searchWhere(filter);
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${PERSON_COLUMNS} FROM persons p ${w.sql} ORDER BY p.name ASC, p."idNumber" ASC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
      w.params,
    );
    return rows.map(toPerson);
  }

  async count(filter: PersonSearchFilter): Promise<number> {
    const w = searchWhere(filter);
    const [row] = await readRows<{ n: number | string }>(
      this.dataSource,
      `SELECT COUNT(*) AS n FROM persons p ${w.sql}`,
      w.params,
    );
    return Number(row?.n ?? 0);
  }

  async pocketsOf(personIds: readonly string[]): Promise<PocketRow[]> {
    if (personIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT k."personId", k.kind, k.balance FROM pockets k WHERE k."personId" IN (:...ids)`,
      { ids: [...personIds] },
    );
    return rows.map((r) => ({
      personId: r['personId'] as string,
      kind: r['kind'] as string,
      balance: fen(r['balance']),
    }));
  }

  /** Active relations where these persons are beneficiaries, in registered order (R-KIN-4). */
  async fundingSourcesOf(beneficiaryIds: readonly string[]): Promise<KinRelationEntity[]> {
    if (beneficiaryIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${KIN_COLUMNS} FROM kin_relations k
       WHERE k."beneficiaryId" IN (:...ids) AND k."revokedAt" IS NULL ORDER BY k.position ASC`,
      { ids: [...beneficiaryIds] },
    );
    return rows.map(toKin);
  }

  /** Active relations where these persons are providers, oldest first. */
  async beneficiariesOf(providerIds: readonly string[]): Promise<KinRelationEntity[]> {
    if (providerIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${KIN_COLUMNS} FROM kin_relations k
       WHERE k."providerId" IN (:...ids) AND k."revokedAt" IS NULL ORDER BY k."createdAt" ASC`,
      { ids: [...providerIds] },
    );
    return rows.map(toKin);
  }

  walletsOf(personIds: readonly string[]): Promise<WalletEntity[]> {
    return this.dataSource.getRepository(WalletEntity).findBy({ personId: In([...personIds]) });
  }

  cardsOf(personIds: readonly string[]): Promise<CardEntity[]> {
    return this.dataSource.getRepository(CardEntity).findBy({ personId: In([...personIds]) });
  }
}
