import {
  CardEntity,
  KinRelationEntity,
  PersonEntity,
  PocketEntity,
  TransactionEntity,
  WalletEntity,
} from '@gongji/persistence';
import { type DataSource, In, IsNull } from 'typeorm';
import { type Principal, Role, actorOf } from '../../auth/principal';

/** Read side of persons: batched lookups for DataLoaders, and who may see whom. */
export class PersonService {
  constructor(private readonly dataSource: DataSource) {}

  findByIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.dataSource.getRepository(PersonEntity).findBy({ id: In([...ids]) });
  }

  findByIdNumber(idNumber: string): Promise<PersonEntity | null> {
    return this.dataSource.getRepository(PersonEntity).findOneBy({ idNumber: idNumber.toUpperCase() });
  }

  pocketsOf(personIds: readonly string[]): Promise<PocketEntity[]> {
    return this.dataSource.getRepository(PocketEntity).findBy({ personId: In([...personIds]) });
  }

  /** Active relations where these persons are beneficiaries, in registered order (R-KIN-4). */
  fundingSourcesOf(beneficiaryIds: readonly string[]): Promise<KinRelationEntity[]> {
    return this.dataSource.getRepository(KinRelationEntity).find({
      where: { beneficiaryId: In([...beneficiaryIds]), revokedAt: IsNull() },
      order: { position: 'ASC' },
    });
  }

  /** Active relations where these persons are providers. */
  beneficiariesOf(providerIds: readonly string[]): Promise<KinRelationEntity[]> {
    return this.dataSource.getRepository(KinRelationEntity).find({
      where: { providerId: In([...providerIds]), revokedAt: IsNull() },
      order: { createdAt: 'ASC' },
    });
  }

  walletsOf(personIds: readonly string[]): Promise<WalletEntity[]> {
    return this.dataSource.getRepository(WalletEntity).findBy({ personId: In([...personIds]) });
  }

  cardsOf(personIds: readonly string[]): Promise<CardEntity[]> {
    return this.dataSource.getRepository(CardEntity).findBy({ personId: In([...personIds]) });
  }

  /**
   * API.md: "a portal sees only the people it is serving". A PORTAL may read a person it has transacted with (as
   * client or for its institution); looking a person up by ID number (the patient presents card or ID) is allowed
   * separately. Staff and analysts may read anyone (analysts masked).
   */
  async mayRead(principal: Principal, personId: string): Promise<boolean> {
    if (principal.role !== Role.PORTAL) return true;
    const qb = this.dataSource
      .getRepository(TransactionEntity)
      .createQueryBuilder('t')
      .where('(t.personId = :personId OR t.counterpartyPersonId = :personId)', { personId });
    if (principal.institutionId) {
      qb.andWhere('(t.actor = :actor OR t.institutionId = :institutionId)', {
        actor: actorOf(principal),
        institutionId: principal.institutionId,
      });
    } else {
      qb.andWhere('t.actor = :actor', { actor: actorOf(principal) });
    }
    return (await qb.getCount()) > 0;
  }
}
