import type { Fen } from '@gongji/domain';
import type {
  ExplanationRow,
  InstitutionEntity,
  PostingRow,
  TransactionJsonShape,
  TransactionPageIncludes,
  TransactionPageRow,
  TransactionReadQueries,
  TransactionRow,
  TransactionVisibility,
} from '@gongji/persistence';
import { type Principal, Role, actorOf } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import type { PocketKind, SystemAccount } from '../../common/domain-enums';
import type { ExplanationLine, PostingLine, Transaction, TransactionFilter } from './transaction.types';

/** A portal sees what it asked for, and what happened at its own institution; staff and analysts see everything. */
function visibilityOf(principal: Principal): TransactionVisibility | null {
  if (principal.role !== Role.PORTAL) return null;
  return { actor: actorOf(principal), institutionId: principal.institutionId };
}

/** The read side of transactions: SQL lives in libs/persistence (TransactionReadQueries). */
export class TransactionService {
  constructor(private readonly queries: TransactionReadQueries) {}

  institutionsOf(ids: readonly string[]): Promise<InstitutionEntity[]> {
    return this.queries.institutionsOf(ids);
  }

  /** `limit + 1` rows are read, so the page knows whether another follows without counting. */
  page(
    principal: Principal,
    filter: TransactionFilter | null | undefined,
    page: PageRequest,
    includes: TransactionPageIncludes = {},
  ): Promise<TransactionPageRow[]> {
    return this.queries.page(filter, visibilityOf(principal), page.offset, page.limit + 1, includes);
  }

  /** The same page as JSON of the shape's fields (null where the database reads pages row by row: SQLite). */
  pageJson(
    principal: Principal,
    filter: TransactionFilter | null | undefined,
    page: PageRequest,
    shape: TransactionJsonShape,
  ): Promise<Record<string, unknown>[] | null> {
    return this.queries.pageJson(filter, visibilityOf(principal), page.offset, page.limit + 1, shape);
  }

  /** Only when `totalCount` is asked for. */
  count(principal: Principal, filter: TransactionFilter | null | undefined): Promise<number> {
    return this.queries.count(filter, visibilityOf(principal));
  }

  async findVisible(principal: Principal, id: string): Promise<TransactionRow | null> {
    const row = await this.queries.byId(id);
    const visibility = visibilityOf(principal);
    if (!row || !visibility) return row;
    const own =
      row.actor === visibility.actor ||
      (visibility.institutionId !== null && row.institutionId === visibility.institutionId);
    return own ? row : null;
  }

  postingsOf(transactionIds: readonly string[]): Promise<PostingRow[]> {
    return this.queries.postingsOf(transactionIds);
  }

  refundedOf(transactionIds: readonly string[]): Promise<Map<string, bigint>> {
    return this.queries.refundedOf(transactionIds);
  }

  explanationsOf(transactionIds: readonly string[]): Promise<Map<string, ExplanationRow[]>> {
    return this.queries.explanationsOf(transactionIds);
  }
}

/** What every transaction read or written carries; the explanation comes along when the writer has it at hand. */
export type TransactionSource = Omit<TransactionRow, 'actor'> & {
  readonly explanation?: readonly ExplanationLine[];
};

export function toTransaction(e: TransactionSource): Omit<Transaction, 'postings'> {
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    amount: e.amount as Fen,
    personId: e.personId,
    counterpartyPersonId: e.counterpartyPersonId,
    institutionId: e.institutionId,
    serviceDate: e.serviceDate,
    originalTransactionId: e.originalTransactionId,
    createdAt: e.createdAt,
    explanation: e.explanation ? [...e.explanation] : undefined,
  };
}

export function toPostingLine(p: Omit<PostingRow, 'transactionId' | 'seq'>): PostingLine {
  return {
    account:
      p.accountType === 'POCKET'
        ? `${p.personId}`
        : p.ref
          ? `${p.systemAccount}:${p.ref}`
          : `${p.systemAccount}`,
    personId: p.personId,
    pocket: p.pocket as PocketKind | null,
    systemAccount: p.systemAccount as SystemAccount | null,
    amount: p.amount as Fen,
    balanceAfter: p.balanceAfter as Fen | null,
  };
}
