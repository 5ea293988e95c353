import type { Fen } from '@gongji/domain';
import { PostingEntity, TransactionEntity } from '@gongji/persistence';
import { type DataSource, In } from 'typeorm';
import { type Principal, Role, actorOf } from '../../auth/principal';
import type { PageRequest } from '../../common/connection';
import type { PocketKind, SystemAccount } from '../../common/domain-enums';
import type { PostingLine, Transaction, TransactionFilter } from './transaction.types';

export class TransactionService {
  constructor(private readonly dataSource: DataSource) {}

  async list(principal: Principal, filter: TransactionFilter | null | undefined, page: PageRequest) {
    const qb = this.dataSource.getRepository(TransactionEntity).createQueryBuilder('t');
    if (principal.role === Role.PORTAL) {
      // A portal sees what it did, and what happened at its own institution.
      if (principal.institutionId) {
        qb.andWhere('(t.actor = :actor OR t.institutionId = :institutionId)', {
          actor: actorOf(principal),
          institutionId: principal.institutionId,
        });
      } else {
        qb.andWhere('t.actor = :actor', { actor: actorOf(principal) });
      }
    }
    if (filter?.personId)
      qb.andWhere('(t.personId = :pid OR t.counterpartyPersonId = :pid)', { pid: filter.personId });
    if (filter?.kinds?.length) qb.andWhere('t.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter?.from) qb.andWhere('t.createdAt >= :from', { from: filter.from });
    if (filter?.to) qb.andWhere('t.createdAt < :to', { to: filter.to });
    const total = await qb.clone().getCount();
    const rows = await qb
      .orderBy('t.createdAt', 'DESC')
      .addOrderBy('t.id', 'ASC')
      .offset(page.offset)
      .limit(page.limit)
      .getMany();
    return { rows, total };
  }

  async findVisible(principal: Principal, id: string): Promise<TransactionEntity | null> {
    const row = await this.dataSource.getRepository(TransactionEntity).findOneBy({ id });
    if (!row || principal.role !== Role.PORTAL) return row;
    const own =
      row.actor === actorOf(principal) ||
      (principal.institutionId !== null && row.institutionId === principal.institutionId);
    return own ? row : null;
  }

  postingsOf(transactionIds: readonly string[]): Promise<PostingEntity[]> {
    return this.dataSource
      .getRepository(PostingEntity)
      .find({ where: { transactionId: In([...transactionIds]) }, order: { seq: 'ASC' } });
  }
}

export function toTransaction(e: TransactionEntity): Omit<Transaction, 'postings'> {
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
    explanation: e.explanation,
  };
}

export function toPostingLine(p: PostingEntity): PostingLine {
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
