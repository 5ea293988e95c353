import {
  AccessQueries,
  CardEntity,
  KinRelationEntity,
  PersonEntity,
  PocketEntity,
  type Servant,
  WalletEntity,
} from '@gongji/persistence';
import { type DataSource, In, IsNull } from 'typeorm';
import { type Principal, Role, actorOf } from '../../auth/principal';

/** Read side of persons: batched lookups for DataLoaders, and who may see whom. */
export class PersonService {
  private readonly access: AccessQueries;

  constructor(private readonly dataSource: DataSource) {
    this.access = new AccessQueries(dataSource);
  }

  findByIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.dataSource.getRepository(PersonEntity).findBy({ id: In([...ids]) });
  }

  /**
   * Counter search (`persons`): exact ID number, name containing a text, insured region; ordered by name, then ID
   * number, so pages are stable. LIKE wildcards typed by the user are matched literally.
   */
  async search(
    filter: { idNumber?: string | null; name?: string | null; regionCode?: string | null },
    page: { offset: number; limit: number },
  ): Promise<{ rows: PersonEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(PersonEntity).createQueryBuilder('p');
    const idNumber = filter.idNumber?.trim();
    const name = filter.name?.trim();
    const regionCode = filter.regionCode?.trim();
    if (idNumber) qb.andWhere('p.idNumber = :idNumber', { idNumber: idNumber.toUpperCase() });
    if (name) {
      const pattern = `%${name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      qb.andWhere("p.name LIKE :name ESCAPE '\\'", { name: pattern });
    }
    if (regionCode) qb.andWhere('p.regionCode = :regionCode', { regionCode });
    const total = await qb.clone().getCount();
    const rows =
      page.limit === 0
        ? []
        : await qb
            .orderBy('p.name', 'ASC')
            .addOrderBy('p.idNumber', 'ASC')
            .offset(page.offset)
            .limit(page.limit)
            .getMany();
    return { rows, total };
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
   * API.md: "a portal sees only the people it is serving". A PORTAL may read a person who proved presence at its
   * desk (card number or e-voucher code) or whom it has transacted with (as client or for its institution). Staff
   * and analysts may read anyone (analysts masked).
   */
  async mayRead(principal: Principal, personId: string): Promise<boolean> {
    if (principal.role !== Role.PORTAL) return true;
    return (await this.servedAmong(principal, [personId])).has(personId);
  }

  /** Which of these persons the portal serves (one batched query pair). */
  servedAmong(principal: Principal, personIds: readonly string[]): Promise<Set<string>> {
    return this.access.servedAmong(servantOf(principal), personIds);
  }

  /** Records a proof of presence: from now on the portal serves this person. */
  recordServed(principal: Principal, personId: string, evidence: 'CARD' | 'E_VOUCHER'): Promise<void> {
    return this.access.recordServed(servantOf(principal), personId, evidence, new Date());
  }

  cardByNumber(cardNumber: string): Promise<CardEntity | null> {
    return this.access.cardByNumber(cardNumber);
  }
}

function servantOf(principal: Principal): Servant {
  return { clientId: principal.id, institutionId: principal.institutionId, actor: actorOf(principal) };
}
