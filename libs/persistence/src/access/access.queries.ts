import { type DataSource, In } from 'typeorm';
import {
  ApiClientEntity,
  CardEntity,
  PersistedOperationEntity,
  ServedPersonEntity,
  TransactionEntity,
  UserEntity,
} from '../entities';

/** Who a portal is, for "the persons it serves": its institution (hospital, pharmacy) or itself (product portals). */
export interface Servant {
  readonly clientId: string;
  readonly institutionId: string | null;
  /** `API_CLIENT:<id>`, the actor recorded on the transactions the client asked for. */
  readonly actor: string;
}

/** The key of served_persons rows for a servant: the institution when bound to one, else the client itself. */
export function servantKey(servant: Servant): string {
  return servant.institutionId ? `INSTITUTION:${servant.institutionId}` : `CLIENT:${servant.clientId}`;
}

/** Reads and writes of the access tables (API clients, users, served persons, persisted operations). */
export class AccessQueries {
  constructor(private readonly dataSource: DataSource) {}

  apiClientByPrefix(prefix: string): Promise<ApiClientEntity | null> {
    return this.dataSource.getRepository(ApiClientEntity).findOneBy({ keyPrefix: prefix });
  }

  userById(id: string): Promise<UserEntity | null> {
    return this.dataSource.getRepository(UserEntity).findOneBy({ id });
  }

  async touchApiClient(id: string, at: Date): Promise<void> {
    await this.dataSource.getRepository(ApiClientEntity).update({ id }, { lastUsedAt: at });
  }

  /**
   * Which of `personIds` the servant serves: a proof of presence was recorded (served_persons), or a transaction
   * was made about them — as its patient, payer or sender (`personId`), the parties money needs presence of — at the
   * servant's institution or by the client. Two indexed queries for any number of persons. The insured of a premium
   * or contribution and the recipient of a transfer (`counterpartyPersonId`) are never served by it: an auditor paid
   * 1.00 for a relative whose id leaked through a funding source, then read and debited them (audit A #1).
   */
  async servedAmong(servant: Servant, personIds: readonly string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const ids = [...new Set(personIds)];
    const served = new Set(
      (
        await this.dataSource
          .getRepository(ServedPersonEntity)
          .find({ select: { personId: true }, where: { servant: servantKey(servant), personId: In(ids) } })
      ).map((r) => r.personId),
    );
    const rest = ids.filter((id) => !served.has(id));
    if (rest.length === 0) return served;
    const qb = this.dataSource
      .getRepository(TransactionEntity)
      .createQueryBuilder('t')
      .select(['t.personId AS "personId"'])
      .where('t.personId IN (:...rest)', { rest });
    if (servant.institutionId) {
      qb.andWhere('(t.actor = :actor OR t.institutionId = :institutionId)', {
        actor: servant.actor,
        institutionId: servant.institutionId,
      });
    } else {
      qb.andWhere('t.actor = :actor', { actor: servant.actor });
    }
    const wanted = new Set(rest);
    for (const row of await qb.getRawMany<{ personId: string | null }>()) {
      if (row.personId && wanted.has(row.personId)) served.add(row.personId);
    }
    return served;
  }

  /** Records (or refreshes) that a person proved presence at the servant's desk. */
  async recordServed(
    servant: Servant,
    personId: string,
    evidence: 'CARD' | 'E_VOUCHER',
    at: Date,
  ): Promise<void> {
    const repo = this.dataSource.getRepository(ServedPersonEntity);
    const key = servantKey(servant);
    const existing = await repo.findOneBy({ servant: key, personId });
    if (existing) await repo.update({ servant: key, personId }, { lastAt: at });
    else
      await repo.upsert({ servant: key, personId, evidence, firstAt: at, lastAt: at }, [
        'servant',
        'personId',
      ]);
  }

  cardByNumber(cardNumber: string): Promise<CardEntity | null> {
    return this.dataSource.getRepository(CardEntity).findOneBy({ cardNumber });
  }

  persistedOperation(id: string): Promise<PersistedOperationEntity | null> {
    return this.dataSource.getRepository(PersistedOperationEntity).findOneBy({ id });
  }

  async savePersistedOperation(row: PersistedOperationEntity): Promise<void> {
    await this.dataSource.getRepository(PersistedOperationEntity).upsert(row, ['id']);
  }
}
