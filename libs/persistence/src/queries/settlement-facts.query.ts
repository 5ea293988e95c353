import { type EntityManager, In } from 'typeorm';
import {
  AccountDailySpendEntity,
  AccumulatorEntity,
  CardEntity,
  HospitalSelectionEntity,
  InstitutionEntity,
  KinRelationEntity,
  PersonEntity,
  PocketEntity,
  PostingEntity,
  TransactionEntity,
} from '../entities';
import { type FactQuery, runFactQuery } from './fact-query';
import { hydrateRow, hydrateRows } from './hydrate';
import { POLICY_VERSION_COLUMNS, policyDataVersion, policyVersionOf } from './policy-version';

/** The rows a settlement decides on (R-SET-4/5, R-USE-1/6, R-KIN-4, R-CARD-1), as stored. */
export interface SettlementFactRows {
  readonly patient: PersonEntity | null;
  /** By id, or by national code when no institution has that id. */
  readonly institution: InstitutionEntity | null;
  readonly card: CardEntity | null;
  /** The patient's accumulators of the service year; null = nothing yet. */
  readonly accumulators: AccumulatorEntity | null;
  /** The patient's account spend on the service day, per institution. */
  readonly spend: readonly AccountDailySpendEntity[];
  /** Money-sharing relations of the patient (proxy bindings excluded, R-KIN-7), revoked ones included, by position. */
  readonly relations: readonly KinRelationEntity[];
  /** The relatives of those relations. */
  readonly providers: readonly PersonEntity[];
  /** The patient chose this institution (R-USE-1). */
  readonly hospitalSelected: boolean;
  /** The policy data version of this snapshot (see policy-version.ts). */
  readonly policyVersion: string;
}

export interface SettlementFactsQuery {
  readonly patientId: string;
  /** Institution id or national code. */
  readonly institution: string;
  /** Service date, `YYYY-MM-DD`. */
  readonly date: string;
}

/**
 * Everything a settlement decision reads, in ONE statement on PostgreSQL (issue #7). Inside a money mutation the
 * ledger writer sends it in the round trip of its lock statement and runs it after that one, so its fresh snapshot sees
 * every commit of the writers it waited for; the accumulators and daily spend need no row lock of their own: every
 * writer of them holds the patient's pockets.
 */
export function settlementFactsQuery(q: SettlementFactsQuery): FactQuery<SettlementFactRows> {
  const year = Number(q.date.slice(0, 4));
  return {
    text: `WITH inst AS (
       SELECT i.* FROM "institutions" i WHERE i."id" = $2 OR i."code" = $2 ORDER BY (i."id" = $2) DESC LIMIT 1),
     rel AS (
       SELECT r.* FROM "kin_relations" r WHERE r."beneficiaryId" = $1 AND NOT r."proxyOnly")
     SELECT
       (SELECT row_to_json(p) FROM "persons" p WHERE p."id" = $1) AS "patient",
       (SELECT row_to_json(i) FROM inst i) AS "institution",
       (SELECT row_to_json(c) FROM "cards" c WHERE c."personId" = $1) AS "card",
       (SELECT row_to_json(a) FROM "accumulators" a WHERE a."personId" = $1 AND a."year" = $4) AS "accumulators",
       (SELECT json_agg(row_to_json(s)) FROM "account_daily_spend" s WHERE s."personId" = $1 AND s."day" = $3::date)
         AS "spend",
       (SELECT json_agg(row_to_json(r) ORDER BY r."position", r."createdAt") FROM rel r) AS "relations",
       (SELECT json_agg(row_to_json(p)) FROM "persons" p WHERE p."id" IN (SELECT "providerId" FROM rel)) AS "providers",
       EXISTS (SELECT 1 FROM "hospital_selections" h JOIN inst i ON i."id" = h."institutionId"
               WHERE h."personId" = $1) AS "hospitalSelected",
       ${POLICY_VERSION_COLUMNS}`,
    values: [q.patientId, q.institution, q.date, year],
    fromRows: (manager, [row]) => ({
      patient: hydrateRow(manager, PersonEntity, row['patient']),
      institution: hydrateRow(manager, InstitutionEntity, row['institution']),
      card: hydrateRow(manager, CardEntity, row['card']),
      accumulators: hydrateRow(manager, AccumulatorEntity, row['accumulators']),
      spend: hydrateRows(
        manager,
        AccountDailySpendEntity,
        (row['spend'] as unknown[]) ?? [],
      ) as AccountDailySpendEntity[],
      relations: hydrateRows(
        manager,
        KinRelationEntity,
        (row['relations'] as unknown[]) ?? [],
      ) as KinRelationEntity[],
      providers: hydrateRows(manager, PersonEntity, (row['providers'] as unknown[]) ?? []) as PersonEntity[],
      hospitalSelected: row['hospitalSelected'] === true,
      policyVersion: policyVersionOf(row),
    }),
    sqlite: (manager) => settlementFactRowsSqlite(manager, q, year),
  };
}

/** {@link settlementFactsQuery} on its own (a quote). */
export function settlementFactRows(
  manager: EntityManager,
  q: SettlementFactsQuery,
): Promise<SettlementFactRows> {
  return runFactQuery(manager, settlementFactsQuery(q));
}

/** SQLite (in-process, no round trips to save): the same rows, one simple query each. */
async function settlementFactRowsSqlite(
  manager: EntityManager,
  q: SettlementFactsQuery,
  year: number,
): Promise<SettlementFactRows> {
  const institutions = manager.getRepository(InstitutionEntity);
  const institution =
    (await institutions.findOneBy({ id: q.institution })) ??
    (await institutions.findOneBy({ code: q.institution }));
  const relations = await manager.getRepository(KinRelationEntity).find({
    where: { beneficiaryId: q.patientId, proxyOnly: false },
    order: { position: 'ASC', createdAt: 'ASC' },
  });
  const providerIds = [...new Set(relations.map((r) => r.providerId))];
  return {
    patient: await manager.getRepository(PersonEntity).findOneBy({ id: q.patientId }),
    institution,
    card: await manager.getRepository(CardEntity).findOneBy({ personId: q.patientId }),
    accumulators: await manager.getRepository(AccumulatorEntity).findOneBy({ personId: q.patientId, year }),
    spend: await manager
      .getRepository(AccountDailySpendEntity)
      .findBy({ personId: q.patientId, day: q.date }),
    relations,
    providers: providerIds.length
      ? await manager.getRepository(PersonEntity).findBy({ id: In(providerIds) })
      : [],
    hospitalSelected:
      !!institution &&
      (await manager
        .getRepository(HospitalSelectionEntity)
        .existsBy({ personId: q.patientId, institutionId: institution.id })),
    policyVersion: await policyDataVersion(manager),
  };
}

/** The pockets of some persons (no lock): a quote's balances. */
export function pocketsOfPersons(
  manager: EntityManager,
  personIds: readonly string[],
): Promise<PocketEntity[]> {
  const ids = [...new Set(personIds)];
  return ids.length ? manager.getRepository(PocketEntity).findBy({ personId: In(ids) }) : Promise.resolve([]);
}

/** A settlement as stored with what has been refunded from it: what a cancel or refund decides on (R-USE-5). */
export interface SettlementRecordRows {
  readonly original: TransactionEntity | null;
  /** The original's postings, by seq. */
  readonly postings: readonly PostingEntity[];
  /** Earlier refunds of it (oldest first) with their postings (by seq). */
  readonly refunds: readonly {
    readonly row: TransactionEntity;
    readonly postings: readonly PostingEntity[];
  }[];
}

/**
 * The settlement `id` (row locked FOR UPDATE on PostgreSQL: one closer at a time), its postings and its earlier refunds
 * of `refundKind` with their postings — one statement on PostgreSQL (issue #7), sent by the ledger writer in the round
 * trip of its lock statement.
 */
export function settlementRecordQuery(id: string, refundKind: string): FactQuery<SettlementRecordRows> {
  return {
    text: `WITH t AS (SELECT * FROM "transactions" WHERE "id" = $1 FOR UPDATE),
     r AS (SELECT * FROM "transactions" WHERE "originalTransactionId" = $1 AND "kind" = $2)
     SELECT (SELECT row_to_json(t) FROM t) AS "original",
            (SELECT json_agg(row_to_json(r) ORDER BY r."createdAt") FROM r) AS "refunds",
            (SELECT json_agg(row_to_json(p) ORDER BY p."seq") FROM "postings" p
              WHERE p."transactionId" = $1 OR p."transactionId" IN (SELECT "id" FROM r)) AS "postings"`,
    values: [id, refundKind],
    fromRows: (manager, [row]) =>
      group(
        hydrateRow(manager, TransactionEntity, row['original']),
        hydrateRows(manager, PostingEntity, (row['postings'] as unknown[]) ?? []) as PostingEntity[],
        hydrateRows(manager, TransactionEntity, (row['refunds'] as unknown[]) ?? []) as TransactionEntity[],
      ),
    sqlite: async (manager) => {
      const original = await manager.getRepository(TransactionEntity).findOneBy({ id });
      const refunds = original
        ? await manager.getRepository(TransactionEntity).find({
            where: { originalTransactionId: id, kind: refundKind },
            order: { createdAt: 'ASC' },
          })
        : [];
      const postings = await manager.getRepository(PostingEntity).find({
        where: { transactionId: In([id, ...refunds.map((r) => r.id)]) },
        order: { seq: 'ASC' },
      });
      return group(original, postings, refunds);
    },
  };
}

/** {@link settlementRecordQuery} on its own. */
export function settlementRecordRows(
  manager: EntityManager,
  id: string,
  refundKind: string,
): Promise<SettlementRecordRows> {
  return runFactQuery(manager, settlementRecordQuery(id, refundKind));
}

function group(
  original: TransactionEntity | null,
  postings: readonly PostingEntity[],
  refunds: readonly TransactionEntity[],
): SettlementRecordRows {
  const of = (id: string) => postings.filter((p) => p.transactionId === id);
  return {
    original,
    postings: original ? of(original.id) : [],
    refunds: refunds.map((row) => ({ row, postings: of(row.id) })),
  };
}
