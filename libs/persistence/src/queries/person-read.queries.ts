import { type DataSource, In } from 'typeorm';
import { CardEntity, KinRelationEntity, PersonEntity, type RegionEntity, WalletEntity } from '../entities';
import {
  bool,
  containsPattern,
  dialectOf,
  fen,
  isoDate,
  json,
  jsonArray,
  readRows,
  readRowsPrepared,
  timestamp,
  timestampOrNull,
} from './read-sql';
import { type PersonJsonShape, jsonPage, personJson, personJsonColumns } from './page-json';
import {
  type RegionSummary,
  regionColumns,
  regionFromRow,
  regionSummaryColumns,
  regionSummaryFromRow,
} from './region-read.queries';

/** One pocket as an account shows it. */
export interface PocketRow {
  readonly personId: string;
  readonly kind: string;
  readonly balance: bigint;
}

/** What a page of persons brings along in the same statement (what the query asks for). */
export interface PersonPageIncludes {
  readonly region?: boolean;
  /** Only the region's summary columns (the query asks for nothing else of the region). */
  readonly regionSummary?: boolean;
  readonly pockets?: boolean;
  /** Active relations where the person is the beneficiary, in registered order (R-KIN-4). */
  readonly fundingSources?: boolean;
}

/** A funding source with its provider's summary, read with the page. */
export type FundingSourceRow = KinRelationEntity & { readonly provider: PersonSummary };

export interface PersonPageRow {
  readonly person: PersonEntity;
  readonly region?: RegionEntity | RegionSummary | null;
  readonly pockets?: PocketRow[];
  readonly fundingSources?: FundingSourceRow[];
}

export interface PersonSearchFilter {
  /** Exact resident ID number (any case). */
  readonly idNumber?: string | null;
  /** Part of the name (wildcards typed by the user match literally). */
  readonly name?: string | null;
  /** Insured region. */
  readonly regionCode?: string | null;
}

/** What a person shows on an edge (no payment-password state, no bookkeeping columns). */
const PERSON_SUMMARY_FIELDS = [
  'id',
  'idNumber',
  'name',
  'phone',
  'birthDate',
  'regionCode',
  'insuranceType',
  'employmentStatus',
  'realNameVerified',
  'outOfRegionUsePermission',
] as const;

/** Every column of a person row: the summary, then the payment-password state and bookkeeping. */
const PERSON_FIELDS = [
  ...PERSON_SUMMARY_FIELDS,
  'bankCardLinked',
  'paymentPasswordHash',
  'paymentPasswordSetAt',
  'paymentPasswordFailures',
  'paymentLockedAt',
  'passwordFreeLimit',
  'createdAt',
  'updatedAt',
  'version',
] as const;

/** The select list of `fields` of table alias `alias`, each column named `<prefix><field>`. */
function selectList(fields: readonly string[], alias: string, prefix: string): string {
  return fields.map((f) => `${alias}."${f}" AS "${prefix}${f}"`).join(', ');
}

/** The select list of a person row of table alias `alias`, each column named `<prefix><field>`. */
export function personColumns(alias: string, prefix = ''): string {
  return selectList(PERSON_FIELDS, alias, prefix);
}

const PERSON_COLUMNS = personColumns('p');

export type PersonSummary = Pick<PersonEntity, (typeof PERSON_SUMMARY_FIELDS)[number]>;

/** The select list of a person summary of table alias `alias`, each column named `<prefix><field>`. */
export function personSummaryColumns(alias: string, prefix = ''): string {
  return selectList(PERSON_SUMMARY_FIELDS, alias, prefix);
}

/** The same summary as `key → SQL expression` pairs, for a JSON object ({@link jsonArray}). */
export function personSummaryJson(alias: string): Record<string, string> {
  return Object.fromEntries(PERSON_SUMMARY_FIELDS.map((f) => [f, `${alias}."${f}"`]));
}

/** A person summary row (columns or JSON keys named `<prefix><field>`). */
export function personSummaryFromRow(r: Record<string, unknown>, prefix = ''): PersonSummary {
  const v = (f: (typeof PERSON_SUMMARY_FIELDS)[number]) => r[`${prefix}${f}`];
  return {
    id: v('id') as string,
    idNumber: v('idNumber') as string,
    name: v('name') as string,
    phone: (v('phone') as string | null) ?? null,
    birthDate: isoDate(v('birthDate')),
    regionCode: v('regionCode') as string,
    insuranceType: v('insuranceType') as string,
    employmentStatus: (v('employmentStatus') as string | null) ?? null,
    realNameVerified: bool(v('realNameVerified')),
    outOfRegionUsePermission: bool(v('outOfRegionUsePermission')),
  };
}

/** A person row (columns named `<prefix><field>`, see {@link personColumns}) as the entity. */
export function personFromRow(r: Record<string, unknown>, prefix = ''): PersonEntity {
  const v = (f: (typeof PERSON_FIELDS)[number]) => r[`${prefix}${f}`];
  return Object.assign(new PersonEntity(), {
    id: v('id') as string,
    idNumber: v('idNumber') as string,
    name: v('name') as string,
    phone: (v('phone') as string | null) ?? null,
    birthDate: isoDate(v('birthDate')),
    regionCode: v('regionCode') as string,
    insuranceType: v('insuranceType') as string,
    employmentStatus: (v('employmentStatus') as string | null) ?? null,
    realNameVerified: bool(v('realNameVerified')),
    outOfRegionUsePermission: bool(v('outOfRegionUsePermission')),
    bankCardLinked: bool(v('bankCardLinked')),
    paymentPasswordHash: (v('paymentPasswordHash') as string | null) ?? null,
    paymentPasswordSetAt: timestampOrNull(v('paymentPasswordSetAt')),
    paymentPasswordFailures: Number(v('paymentPasswordFailures') ?? 0),
    paymentLockedAt: timestampOrNull(v('paymentLockedAt')),
    passwordFreeLimit: fen(v('passwordFreeLimit') ?? 0),
    createdAt: timestamp(v('createdAt')),
    updatedAt: timestamp(v('updatedAt')),
    version: Number(v('version')),
  });
}

const toPerson = (r: Record<string, unknown>) => personFromRow(r);

/** Active relations first (their own order follows), then the revoked ones, most recently revoked first. */
const REVOKED_LAST = `k."revokedAt" IS NOT NULL, k."revokedAt" DESC,`;
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
    // Case folded on both sides: PostgreSQL's LIKE is case-sensitive, SQLite's is not (audit B: "wang" found
    // "Wang Ann" on SQLite only).
    parts.push(`LOWER(p.name) LIKE LOWER(:name) ESCAPE '\\'`);
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
      { idNumber: idNumber.trim().toUpperCase() },
    );
    return row ? toPerson(row) : null;
  }

  /**
   * Ordered by name, then ID number, so pages are stable; with what `includes` asks for in the same statement (the
   * page is one statement whatever its size).
   */
  async search(
    filter: PersonSearchFilter,
    offset: number,
    limit: number,
    includes: PersonPageIncludes = {},
  ): Promise<PersonPageRow[]> {
    if (limit === 0) return [];
    const w = searchWhere(filter);
    const dialect = dialectOf(this.dataSource);
    const select = [PERSON_COLUMNS];
    let joins = '';
    if (includes.region) {
      select.push(includes.regionSummary ? regionSummaryColumns('re', 're_') : regionColumns('re', 're_'));
      joins = 'LEFT JOIN regions re ON re.code = p."regionCode"';
    }
    if (includes.pockets) {
      select.push(
        `${jsonArray(
          dialect,
          { kind: 'k.kind', balance: 'CAST(k.balance AS TEXT)' },
          'FROM pockets k WHERE k."personId" = p.id',
          'k.kind',
        )} AS "pockets"`,
      );
    }
    if (includes.fundingSources) {
      select.push(
        `${jsonArray(
          dialect,
          {
            id: 'k.id',
            providerId: 'k."providerId"',
            beneficiaryId: 'k."beneficiaryId"',
            relation: 'k.relation',
            channel: 'k.channel',
            position: 'k.position',
            registeredOn: 'k."registeredOn"',
            proxyOnly: 'k."proxyOnly"',
            createdAt: 'k."createdAt"',
            revokedAt: 'k."revokedAt"',
            provider: `${dialect === 'postgres' ? 'json_build_object' : 'json_object'}(${Object.entries(
              personSummaryJson('pv'),
            )
              .map(([key, expression]) => `'${key}', ${expression}`)
              .join(', ')})`,
          },
          `FROM kin_relations k JOIN persons pv ON pv.id = k."providerId"
           WHERE k."beneficiaryId" = p.id AND k."revokedAt" IS NULL`,
          'k.position',
        )} AS "fundingSources"`,
      );
    }
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${select.join(', ')} FROM persons p ${joins} ${w.sql}
       ORDER BY p.name ASC, p."idNumber" ASC LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
      w.params,
    );
    return rows.map((r) => {
      const person = toPerson(r);
      return {
        person,
        region: includes.region
          ? r['re_code'] == null
            ? null
            : includes.regionSummary
              ? regionSummaryFromRow(r, 're_')
              : regionFromRow(r, 're_')
          : undefined,
        pockets: includes.pockets
          ? json<Record<string, unknown>[]>(r['pockets']).map((k) => ({
              personId: person.id,
              kind: k['kind'] as string,
              balance: fen(k['balance']),
            }))
          : undefined,
        fundingSources: includes.fundingSources
          ? json<Record<string, unknown>[]>(r['fundingSources']).map((k) =>
              Object.assign(toKin(k), {
                provider: personSummaryFromRow(json<Record<string, unknown>>(k['provider'])),
              }),
            )
          : undefined,
      };
    });
  }

  /**
   * The same page as {@link search} (same filter, order and window), as JSON objects of the shape's fields
   * (page-json.ts), in one statement and one JSON value. Null on SQLite: the caller reads the rows instead.
   */
  async searchJson(
    filter: PersonSearchFilter,
    offset: number,
    limit: number,
    shape: PersonJsonShape,
  ): Promise<Record<string, unknown>[] | null> {
    if (dialectOf(this.dataSource) !== 'postgres') return null;
    if (limit === 0) return [];
    const w = searchWhere(filter);
    const [row] = await readRowsPrepared<{ page: unknown }>(
      this.dataSource,
      jsonPage(
        personJson('p', shape),
        'p',
        `SELECT ${personJsonColumns('p', shape)} FROM persons p ${w.sql}
         ORDER BY p.name ASC, p."idNumber" ASC LIMIT ${Math.trunc(limit)}${offset > 0 ? ' OFFSET :offset' : ''}`,
        'p.name ASC, p."idNumber" ASC',
      ),
      { ...w.params, offset: Math.trunc(offset) },
    );
    return json<Record<string, unknown>[]>(row?.page ?? []);
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

  /**
   * Relations where these persons are beneficiaries: the active ones in registered order (R-KIN-4); with
   * `includeRevoked`, the revoked ones after them, most recently revoked first (R-KIN-5: revoking keeps history).
   */
  async fundingSourcesOf(
    beneficiaryIds: readonly string[],
    includeRevoked = false,
  ): Promise<KinRelationEntity[]> {
    if (beneficiaryIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${KIN_COLUMNS} FROM kin_relations k WHERE k."beneficiaryId" IN (:...ids)
       ${includeRevoked ? '' : 'AND k."revokedAt" IS NULL'} ORDER BY ${REVOKED_LAST} k.position ASC`,
      { ids: [...beneficiaryIds] },
    );
    return rows.map(toKin);
  }

  /** Relations where these persons are providers, oldest first (with `includeRevoked`: the revoked after them). */
  async beneficiariesOf(
    providerIds: readonly string[],
    includeRevoked = false,
  ): Promise<KinRelationEntity[]> {
    if (providerIds.length === 0) return [];
    const rows = await readRows<Record<string, unknown>>(
      this.dataSource,
      `SELECT ${KIN_COLUMNS} FROM kin_relations k WHERE k."providerId" IN (:...ids)
       ${includeRevoked ? '' : 'AND k."revokedAt" IS NULL'} ORDER BY ${REVOKED_LAST} k."createdAt" ASC`,
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
