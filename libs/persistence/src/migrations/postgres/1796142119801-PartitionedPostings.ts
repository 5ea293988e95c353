import type { MigrationInterface, QueryRunner } from 'typeorm';
import {
  POSTINGS_DEFAULT_PARTITION,
  addMonths,
  createPostingPartitions,
  monthOf,
} from '../../partitions/postings-partitions';

/**
 * Hand-written (issue #11): `postings` becomes a table partitioned by month of `bookedAt` (China Standard Time), a
 * new column — the booking time of the posting, i.e. of its transaction — defaulting to now(). The primary key
 * becomes ("id", "bookedAt"), as PostgreSQL requires the partition key in it; no foreign key references postings.
 * Existing postings are copied with their transaction's `createdAt` as `bookedAt`; partitions are created for every
 * month that has postings and for the current month and the three after it; a default partition catches the rest.
 * `posting_archive_totals` keeps the per-account totals of detached months (libs/persistence/src/partitions).
 * PostgreSQL only; SQLite keeps its plain table.
 */
export class PartitionedPostings1796142119801 implements MigrationInterface {
  name = 'PartitionedPostings1796142119801';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "postings" RENAME TO "postings_unpartitioned"`);
    await queryRunner.query(
      `ALTER TABLE "postings_unpartitioned" DROP CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_3127f62bf446277f6ae7b1c875"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c612acb4258639e13098b6b74b"`);
    await queryRunner.query(
      `CREATE TABLE "postings" ("id" character varying(36) NOT NULL, "transactionId" character varying(36) NOT NULL, "seq" integer NOT NULL, "accountType" character varying(8) NOT NULL, "personId" character varying(36), "pocket" character varying(16), "systemAccount" character varying(32), "ref" character varying(64), "amount" bigint NOT NULL, "balanceAfter" bigint, "bookedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_274896a2704b28cfc04e4ff2a83" PRIMARY KEY ("id", "bookedAt")) PARTITION BY RANGE ("bookedAt")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3127f62bf446277f6ae7b1c875" ON "postings" ("personId", "pocket") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c612acb4258639e13098b6b74b" ON "postings" ("transactionId") `);
    await queryRunner.query(`CREATE TABLE "${POSTINGS_DEFAULT_PARTITION}" PARTITION OF "postings" DEFAULT`);
    const [range] = (await queryRunner.query(
      `SELECT min(t."createdAt") AS first FROM "postings_unpartitioned" p JOIN "transactions" t ON t.id = p."transactionId"`,
    )) as { first: Date | null }[];
    const current = monthOf(new Date());
    const first = range.first ? monthOf(new Date(range.first)) : current;
    await createPostingPartitions(queryRunner, first < current ? first : current, addMonths(current, 3));
    await queryRunner.query(
      `INSERT INTO "postings" ("id", "transactionId", "seq", "accountType", "personId", "pocket", "systemAccount", "ref", "amount", "balanceAfter", "bookedAt")
       SELECT p."id", p."transactionId", p."seq", p."accountType", p."personId", p."pocket", p."systemAccount", p."ref", p."amount", p."balanceAfter", COALESCE(t."createdAt", now())
         FROM "postings_unpartitioned" p LEFT JOIN "transactions" t ON t.id = p."transactionId"`,
    );
    await queryRunner.query(`DROP TABLE "postings_unpartitioned"`);
    await queryRunner.query(
      `CREATE TABLE "posting_archive_totals" ("partition" character varying(63) NOT NULL, "month" character varying(7) NOT NULL, "accountType" character varying(8) NOT NULL, "personId" character varying(36) NOT NULL, "pocket" character varying(16) NOT NULL, "systemAccount" character varying(32) NOT NULL, "ref" character varying(64) NOT NULL, "amount" bigint NOT NULL, "postings" integer NOT NULL, "archivedAt" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_posting_archive_totals" PRIMARY KEY ("partition", "accountType", "personId", "pocket", "systemAccount", "ref"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "posting_archive_totals"`);
    await queryRunner.query(`ALTER TABLE "postings" RENAME TO "postings_partitioned"`);
    await queryRunner.query(
      `ALTER TABLE "postings_partitioned" DROP CONSTRAINT "PK_274896a2704b28cfc04e4ff2a83"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_3127f62bf446277f6ae7b1c875"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c612acb4258639e13098b6b74b"`);
    await queryRunner.query(
      `CREATE TABLE "postings" ("id" character varying(36) NOT NULL, "transactionId" character varying(36) NOT NULL, "seq" integer NOT NULL, "accountType" character varying(8) NOT NULL, "personId" character varying(36), "pocket" character varying(16), "systemAccount" character varying(32), "ref" character varying(64), "amount" bigint NOT NULL, "balanceAfter" bigint, CONSTRAINT "PK_6bdb1a5dc47d018aa7877aa9ffb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_3127f62bf446277f6ae7b1c875" ON "postings" ("personId", "pocket") `,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c612acb4258639e13098b6b74b" ON "postings" ("transactionId") `);
    await queryRunner.query(
      `INSERT INTO "postings" SELECT "id", "transactionId", "seq", "accountType", "personId", "pocket", "systemAccount", "ref", "amount", "balanceAfter" FROM "postings_partitioned"`,
    );
    await queryRunner.query(`DROP TABLE "postings_partitioned"`);
  }
}
