import { detailParam } from '@gongji/domain';
import type {
  AccessQueries,
  CardEntity,
  KinRelationEntity,
  PersonEntity,
  PersonJsonShape,
  PersonPageIncludes,
  PersonPageRow,
  PersonReadQueries,
  PersonSearchFilter,
  PocketRow,
  Servant,
  WalletEntity,
} from '@gongji/persistence';
import { servantKey } from '@gongji/persistence';
import { GraphQLError } from 'graphql';
import { type Principal, Role, actorOf } from '../../auth/principal';
import { withDetail } from '../../common/error-detail';
import type { RateLimiter } from '../../limits/rate-limit';

/**
 * Look-ups by exact ID number an analyst may make per hour. Analysts see ID numbers masked (110105********0179: the
 * eight hidden digits are a birth date), so "does this full number exist?" is a re-identification oracle: with the
 * check digit shown, about 4,000 birth dates remain per person, which at this budget is months of look-ups, not
 * seconds. Counted in the shared rate limiter: with REDIS_URL one budget for every API process.
 */
export const ANALYST_ID_LOOKUPS_PER_HOUR = 30;

/** At most this many (portal, person) pairs are remembered as served (~100 bytes each). */
const SERVED_KNOWN_MAX = 200_000;

/** Read side of persons: batched lookups for DataLoaders, and who may see whom (SQL in libs/persistence). */
export class PersonService {
  constructor(
    private readonly queries: PersonReadQueries,
    private readonly access: AccessQueries,
    private readonly limiter: RateLimiter,
  ) {}

  /**
   * Spends one of an analyst's hourly look-ups by exact ID number (ANALYST_ID_LOOKUPS_PER_HOUR); past the budget,
   * a top-level RATE_LIMITED with `retryAfterSeconds`. Staff and portals are not counted here.
   */
  async spendIdNumberLookup(principal: Principal): Promise<void> {
    if (principal.role !== Role.ANALYST) return;
    const spent = await this.limiter.consume(
      `analyst-id-lookup:${principal.id}`,
      ANALYST_ID_LOOKUPS_PER_HOUR,
      3_600,
    );
    if (!spent.allowed) {
      const { retryAfterSeconds } = spent;
      throw withDetail(
        new GraphQLError(
          `Analysts may look persons up by full ID number ${ANALYST_ID_LOOKUPS_PER_HOUR} times an hour; retry in ${retryAfterSeconds} s`,
          {
            extensions: {
              code: 'RATE_LIMITED',
              retryAfterSeconds,
              limitPerHour: ANALYST_ID_LOOKUPS_PER_HOUR,
            },
          },
        ),
        detailParam('ANALYST_ID_LOOKUP_LIMIT', { limit: ANALYST_ID_LOOKUPS_PER_HOUR, retryAfterSeconds }),
      );
    }
  }

  findByIds(ids: readonly string[]): Promise<PersonEntity[]> {
    return this.queries.byIds(ids);
  }

  /**
   * Counter search (`persons`): exact ID number, name containing a text, insured region; ordered by name, then ID
   * number, so pages are stable. `limit + 1` rows are read, so the page knows whether another follows.
   */
  page(
    filter: PersonSearchFilter,
    page: { offset: number; limit: number },
    includes: PersonPageIncludes = {},
  ): Promise<PersonPageRow[]> {
    return this.queries.search(filter, page.offset, page.limit + 1, includes);
  }

  /** The same page as JSON of the shape's fields (null where the database reads pages row by row: SQLite). */
  pageJson(
    filter: PersonSearchFilter,
    page: { offset: number; limit: number },
    shape: PersonJsonShape,
  ): Promise<Record<string, unknown>[] | null> {
    return this.queries.searchJson(filter, page.offset, page.limit + 1, shape);
  }

  /** Only when `totalCount` is asked for. */
  count(filter: PersonSearchFilter): Promise<number> {
    return this.queries.count(filter);
  }

  findByIdNumber(idNumber: string): Promise<PersonEntity | null> {
    return this.queries.byIdNumber(idNumber);
  }

  pocketsOf(personIds: readonly string[]): Promise<PocketRow[]> {
    return this.queries.pocketsOf(personIds);
  }

  /** Active relations where these persons are beneficiaries, in registered order (R-KIN-4); revoked ones after. */
  fundingSourcesOf(beneficiaryIds: readonly string[], includeRevoked = false): Promise<KinRelationEntity[]> {
    return this.queries.fundingSourcesOf(beneficiaryIds, includeRevoked);
  }

  /** Active relations where these persons are providers; with `includeRevoked` the revoked ones after (R-KIN-5). */
  beneficiariesOf(providerIds: readonly string[], includeRevoked = false): Promise<KinRelationEntity[]> {
    return this.queries.beneficiariesOf(providerIds, includeRevoked);
  }

  walletsOf(personIds: readonly string[]): Promise<WalletEntity[]> {
    return this.queries.walletsOf(personIds);
  }

  cardsOf(personIds: readonly string[]): Promise<CardEntity[]> {
    return this.queries.cardsOf(personIds);
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

  /**
   * Which of these persons the portal serves (one batched query pair for those not known yet). Serving is never
   * withdrawn (a proof of presence or a transaction stays on record), so a "yes" is remembered in this process: a
   * hospital settling for its patients asks the database once per patient, not once per bill (issue #7).
   */
  async servedAmong(principal: Principal, personIds: readonly string[]): Promise<Set<string>> {
    const servant = servantKey(servantOf(principal));
    const known = new Set(personIds.filter((id) => this.servedKnown.has(`${servant}|${id}`)));
    const rest = personIds.filter((id) => !known.has(id));
    if (rest.length === 0) return known;
    for (const id of await this.access.servedAmong(servantOf(principal), rest)) {
      this.rememberServed(`${servant}|${id}`);
      known.add(id);
    }
    return known;
  }

  /** Records a proof of presence: from now on the portal serves this person. */
  async recordServed(principal: Principal, personId: string, evidence: 'CARD' | 'E_VOUCHER'): Promise<void> {
    await this.access.recordServed(servantOf(principal), personId, evidence, new Date());
    this.rememberServed(`${servantKey(servantOf(principal))}|${personId}`);
  }

  /** Served (portal, person) pairs known in this process, oldest forgotten first past {@link SERVED_KNOWN_MAX}. */
  private readonly servedKnown = new Set<string>();

  private rememberServed(pair: string): void {
    this.servedKnown.add(pair);
    if (this.servedKnown.size > SERVED_KNOWN_MAX) {
      const oldest = this.servedKnown.values().next();
      if (!oldest.done) this.servedKnown.delete(oldest.value);
    }
  }

  cardByNumber(cardNumber: string): Promise<CardEntity | null> {
    return this.access.cardByNumber(cardNumber);
  }
}

function servantOf(principal: Principal): Servant {
  return { clientId: principal.id, institutionId: principal.institutionId, actor: actorOf(principal) };
}
