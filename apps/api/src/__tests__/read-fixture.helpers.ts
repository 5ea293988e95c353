import { randomUUID } from 'node:crypto';
import { type Fen, PocketKind, SystemAccount, pocketAccount, systemAccount } from '@gongji/domain';
import { makeIdNumber } from '@gongji/domain/testing';
import { KinRelationEntity, LedgerWriter, PersonEntity, PocketEntity } from '@gongji/persistence';
import type { TestApp } from '../testing/test-app';

/**
 * Shared by the read-path specs (read-pages-json, statement-counts-reads, issue #11): persons inserted straight into
 * the database with their pockets, every third one with one or two registered relatives (R-KIN-4 positions), and
 * money moved through the ledger writer (R-SET-6), so a page has regions, pockets, funding sources and postings to
 * answer.
 */
export interface ReadFixtureOptions {
  readonly count: number;
  /** ID numbers are 110105 + birthDate + sequence `seqBase + n` (R-ACC-2 check character computed). */
  readonly birthDate: string;
  readonly seqBase: number;
  readonly name: (n: number) => string;
  /** Columns that differ from an in-service employee in Beijing (110000) or Tianjin (120000), alternately. */
  readonly vary?: (n: number) => Partial<PersonEntity>;
  /** Persons left without pockets (`account` is null for them). */
  readonly withoutPockets?: (n: number) => boolean;
  /** The relation of a beneficiary's k-th provider (default SPOUSE). */
  readonly relation?: (k: number) => string;
}

/** Inserts the persons, pockets (balance 0) and registered relatives; returns the persons' ids in order. */
export async function insertReadFixture(app: TestApp, options: ReadFixtureOptions): Promise<string[]> {
  const now = new Date();
  const ids: string[] = [];
  for (let n = 0; n < options.count; n++) {
    const id = randomUUID();
    ids.push(id);
    await app.db.getRepository(PersonEntity).insert({
      id,
      idNumber: makeIdNumber('110105', options.birthDate, options.seqBase + n),
      name: options.name(n),
      phone: null,
      birthDate: options.birthDate,
      regionCode: n % 2 ? '110000' : '120000',
      insuranceType: 'EMPLOYEE',
      employmentStatus: 'IN_SERVICE',
      realNameVerified: true,
      paymentPasswordHash: null,
      paymentPasswordSetAt: null,
      createdAt: now,
      updatedAt: now,
      ...options.vary?.(n),
    });
    if (options.withoutPockets?.(n)) continue;
    await app.db.getRepository(PocketEntity).insert(
      [PocketKind.EARMARKED, PocketKind.LEGACY, PocketKind.WALLET].map((kind) => ({
        id: randomUUID(),
        personId: id,
        kind,
        balance: 0n,
        updatedAt: now,
      })),
    );
  }
  for (let i = 0; i + 2 < ids.length; i += 3) {
    const providers = i % 2 ? [ids[i + 1], ids[i + 2]] : [ids[i + 1]];
    await app.db.getRepository(KinRelationEntity).insert(
      providers.map((providerId, k) => ({
        id: randomUUID(),
        providerId,
        beneficiaryId: ids[i],
        relation: options.relation?.(k) ?? 'SPOUSE',
        channel: 'COUNTER',
        position: k + 1,
        registeredOn: '2023-01-01',
        proxyOnly: false,
        createdAt: now,
        revokedAt: null,
      })),
    );
  }
  return ids;
}

/**
 * Moves money for a fixture through the ledger writer: a contribution credit into the person's EARMARKED pocket
 * (R-ACC-4), or a settlement paying `amount` from it and as much from the fund pool to the institution.
 */
export async function postFixtureMoney(
  app: TestApp,
  entry: {
    readonly clientId: string;
    readonly key: string;
    readonly personId: string;
    readonly kind: 'CONTRIBUTION_CREDIT' | 'SETTLEMENT';
    readonly amount: bigint;
    readonly message: string;
  },
): Promise<void> {
  const { personId, amount } = entry;
  const settle = entry.kind === 'SETTLEMENT';
  await new LedgerWriter(app.db).execute({
    clientId: entry.clientId,
    operation: settle ? 'settlement' : 'credit',
    idempotencyKey: entry.key,
    request: {},
    personIds: [personId],
    decide: async () => ({
      payload: {},
      transaction: {
        kind: entry.kind,
        amount,
        personId,
        explanation: [{ rule: 'R-ACC-4', message: entry.message }],
        postings: settle
          ? [
              { account: pocketAccount(personId, PocketKind.EARMARKED), amount: -amount as Fen },
              { account: systemAccount(SystemAccount.FUND_POOL), amount: -amount as Fen },
              { account: systemAccount(SystemAccount.INSTITUTION), amount: (2n * amount) as Fen },
            ]
          : [
              { account: systemAccount(SystemAccount.CONTRIBUTION_SOURCE), amount: -amount as Fen },
              { account: pocketAccount(personId, PocketKind.EARMARKED), amount: amount as Fen },
            ],
      },
    }),
  });
}
