import {
  DomainError,
  assertRealNameOrThrow,
  detailParam,
  termParam,
  validateIdNumberOrThrow,
} from '@gongji/domain';
import type { PersonEntity } from '@gongji/persistence';
import { GraphQLError, type GraphQLResolveInfo } from 'graphql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Info,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { forbidden } from '../../auth/authenticate';
import { E_VOUCHER_TTL_SECONDS, issueEVoucherCode, verifyEVoucherCode } from '../../auth/presence';
import { type Principal, Role } from '../../auth/principal';
import {
  pageRequestOrThrow,
  selectedFieldsAt,
  selectsField,
  selectionTreeAt,
  selectsPath,
  toPageConnection,
} from '../../common/connection';
import { withRefusalParams } from '../../common/error-detail';
import { ApiErrorCode, fromDomainError, userError } from '../../common/user-error';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { asksOnlyRegionSummary, toRegion, toRegionSummary } from '../region/region.mapper';
import { Region } from '../region/region.type';
import {
  masksPersonalData,
  seesCardNumbers,
  toAccount,
  toCard,
  toKinRelation,
  toPerson,
  toWallet,
} from './person.mapper';
import {
  Account,
  Card,
  EVoucherCodeIssueInput,
  EVoucherCodeIssuePayload,
  KinRelation,
  Person,
  Wallet,
} from './person.types';
import { PersonConnection, PersonsArgs } from './person-search.types';
import { finishPersonJson, personShapeOf } from './person.shape';

/** Any portal may look up persons: which ones it may read is the person read policy's (auth/person-read-policy.ts). */
const READERS = ['ADMIN', 'COUNTER', 'ANALYST', 'PORTAL'];

/** The argument that asks for the history of a person's mutual-aid relations (R-KIN-5). */
const INCLUDE_REVOKED =
  'Also the revoked relations, kept as history with revokedAt (R-KIN-5). Default false: only the active ones.';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(...READERS)
  @Query(() => Person, {
    nullable: true,
    description:
      'A person by id. A portal reads only the persons it serves (FORBIDDEN otherwise, for an unknown id too); analysts see masked data.',
  })
  async person(
    @Arg('id', () => ID, { description: 'Person id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Person | null> {
    const principal = requirePrincipal(ctx);
    const row = await ctx.loaders.personById.load(id);
    // A portal gets the same FORBIDDEN for an id that does not exist as for a person it does not serve (the Person
    // read policy): null would tell it which ids are real.
    if (!row && principal.role === Role.PORTAL) {
      throw forbidden(
        'This portal does not serve the person at Query.person: a portal reads only the persons it serves (first look-up with the card number or e-voucher code)',
        detailParam('PORTAL_NOT_SERVING_PERSON_AT', { field: 'Query.person' }),
      );
    }
    return row ? toPerson(row, masksPersonalData(principal)) : null;
  }

  @Authorized(...READERS)
  @Query(() => Person, {
    nullable: true,
    description:
      "A person by resident ID number. Staff may look anyone up; analysts (masked data) up to 30 times an hour (RATE_LIMITED past that: a masked number plus this look-up would otherwise re-identify anyone). A portal's first look-up of a person needs proof of presence, as the national 1101 interface does: the social security card number read off the card (`cardNumber`) or the e-voucher code shown in the national app (`eVoucherCode`); from then on the portal serves that person. Null when nothing matches (a wrong card number answers the same as an unknown ID number); an ID number that cannot exist (length, birth date, check digit, R-ACC-2) is BAD_USER_INPUT with `extensions.reason`.",
  })
  async personByIdNumber(
    @Arg('idNumber', { description: '18-character resident ID number.' }) idNumber: string,
    @Ctx() ctx: GraphQLContext,
    @Arg('cardNumber', () => String, {
      nullable: true,
      description: 'Social security card number presented at the desk (proof of presence for portals).',
    })
    cardNumber?: string | null,
    @Arg('eVoucherCode', () => String, {
      nullable: true,
      description: 'E-voucher code presented at the desk (proof of presence for portals).',
    })
    eVoucherCode?: string | null,
  ): Promise<Person | null> {
    const principal = requirePrincipal(ctx);
    idNumberOrThrow(idNumber, ['idNumber']);
    await ctx.services.persons.spendIdNumberLookup(principal);
    const row = await ctx.services.persons.findByIdNumber(idNumber);
    if (principal.role === Role.PORTAL) {
      const evidence = await this.proofOfPresence(ctx, row, cardNumber ?? null, eVoucherCode ?? null);
      if (evidence === 'NONE') return null;
      if (evidence === 'ALREADY_SERVED' || !row) return row ? this.prime(ctx, row, principal) : null;
      await ctx.services.persons.recordServed(principal, row.id, evidence);
      ctx.loaders.servesPerson.clear(row.id).prime(row.id, true);
    }
    return row ? this.prime(ctx, row, principal) : null;
  }

  @Authorized('ADMIN', 'COUNTER', 'ANALYST')
  @Query(() => PersonConnection, {
    description:
      'Persons matching a filter, for the counter: exact ID number, part of the name, insured region. Staff and analysts only (analysts see masked data, may not search by name, and search by ID number up to 30 times an hour); portals never get a list of persons.',
  })
  async persons(
    @Args() args: PersonsArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PersonConnection> {
    const principal = requirePrincipal(ctx);
    const filter = args.filter ?? {};
    if (principal.role === Role.ANALYST && filter.name?.trim()) {
      throw forbidden(
        'Analysts see masked names and may not search persons by name',
        detailParam('ANALYST_NO_NAME_SEARCH'),
      );
    }
    if (filter.idNumber?.trim()) {
      idNumberOrThrow(filter.idNumber, ['filter', 'idNumber']);
      await ctx.services.persons.spendIdNumberLookup(principal);
    }
    const page = pageRequestOrThrow(args.first, args.after);
    const count = () => (selectsField(info, 'totalCount') ? ctx.services.persons.count(filter) : null);
    // The page as JSON of exactly the fields the query selects, already shaped as the API shows them (masked for
    // analysts): GraphQL's default resolvers answer from it (issue #11). Null when the selection needs more, or on
    // SQLite.
    const tree = selectionTreeAt(info, ['edges', 'node']);
    const shape = tree && personShapeOf(tree);
    if (shape) {
      const [json, total] = await Promise.all([ctx.services.persons.pageJson(filter, page, shape), count()]);
      if (json) {
        const masked = masksPersonalData(principal);
        for (const p of json) finishPersonJson(p, masked);
        return toPageConnection(json as unknown as Person[], page, total);
      }
    }
    // What the page will be asked for comes in the same statement: one statement per page, whatever its size.
    const includes = {
      region: selectsPath(info, ['edges', 'node', 'region']),
      regionSummary: asksOnlyRegionSummary(selectedFieldsAt(info, ['edges', 'node', 'region'])),
      pockets: selectsPath(info, ['edges', 'node', 'account']),
      fundingSources: selectsPath(info, ['edges', 'node', 'fundingSources']),
    };
    const [rows, total] = await Promise.all([ctx.services.persons.page(filter, page, includes), count()]);
    const nodes = rows.map((row) => {
      const person = this.prime(ctx, row.person, principal);
      person.pageRows = { region: row.region, pockets: row.pockets, fundingSources: row.fundingSources };
      return person;
    });
    return toPageConnection(nodes, page, total);
  }

  @Authorized('ADMIN', 'COUNTER', 'PORTAL:evoucher:issue')
  @Mutation(() => EVoucherCodeIssuePayload, {
    description: `Issues a short-lived e-voucher code (医保电子凭证, ${E_VOUCHER_TTL_SECONDS} s) for a person to show at a desk: COUNTER staff, or the national app (PORTAL with scope evoucher:issue) for its signed-in holder.`,
  })
  async eVoucherCodeIssue(
    @Arg('input', () => EVoucherCodeIssueInput) input: EVoucherCodeIssueInput,
    @Ctx() ctx: GraphQLContext,
  ): Promise<EVoucherCodeIssuePayload> {
    const row = await ctx.loaders.personById.load(input.personId);
    if (!row) {
      return {
        code: null,
        expiresAt: null,
        userErrors: [
          userError(ApiErrorCode.NOT_FOUND, 'No such person', ['personId'], undefined, {
            what: termParam('entity', 'person'),
          }),
        ],
      };
    }
    // The national app proves who is signed in (实名认证, R-ACC-2); a person id alone would do for anyone it can see.
    if (requirePrincipal(ctx).role === Role.PORTAL) {
      try {
        assertRealNameOrThrow(input, row);
      } catch (err) {
        if (err instanceof DomainError)
          return { code: null, expiresAt: null, userErrors: [fromDomainError(err)] };
        throw err;
      }
    }
    const { code, expiresAt } = issueEVoucherCode(row.id, ctx.config.secret);
    return { code, expiresAt, userErrors: [] };
  }

  private prime(ctx: GraphQLContext, row: PersonEntity, principal: Principal): Person {
    ctx.loaders.personById.prime(row.id, row);
    return toPerson(row, masksPersonalData(principal));
  }

  /** What a portal presented: a matching, usable card; a valid e-voucher for this person; or nothing. */
  private async proofOfPresence(
    ctx: GraphQLContext,
    row: PersonEntity | null,
    cardNumber: string | null,
    eVoucherCode: string | null,
  ): Promise<'CARD' | 'E_VOUCHER' | 'ALREADY_SERVED' | 'NONE'> {
    if (!cardNumber && !eVoucherCode) {
      if (row && (await ctx.loaders.servesPerson.load(row.id))) return 'ALREADY_SERVED';
      throw forbidden(
        "A portal's first look-up of a person needs proof of presence: the card number (cardNumber) or the e-voucher code (eVoucherCode) presented at the desk, not an ID number alone",
        detailParam('PROOF_OF_PRESENCE_REQUIRED'),
      );
    }
    if (!row) return 'NONE';
    if (eVoucherCode) {
      return verifyEVoucherCode(eVoucherCode, ctx.config.secret) === row.id ? 'E_VOUCHER' : 'NONE';
    }
    const card = await ctx.loaders.cardByPerson.load(row.id);
    if (!card || card.cardNumber !== cardNumber) return 'NONE';
    const state = toCard(card).state;
    if (state !== 'ACTIVE') {
      throw forbidden(
        `This card is ${state === 'PRE_REPORTED' ? 'pre-reported' : 'reported'} lost (R-CARD-1) and is no proof of presence; ask for the e-voucher code`,
        detailParam('CARD_LOST_NO_PROOF', {
          state: termParam('cardState', state === 'PRE_REPORTED' ? 'PRE_REPORTED' : 'REPORTED'),
        }),
      );
    }
    return 'CARD';
  }

  // The edges below resolve synchronously from what a page read along with the person (Person.pageRows), else
  // through the request's loaders (one batched statement per edge).

  @FieldResolver(() => Region, { description: 'Insured region (参保地).' })
  region(@Root() person: Person, @Ctx() ctx: GraphQLContext): Region | Promise<Region> {
    const known = person.pageRows?.region;
    if (known) return 'summary' in known ? toRegionSummary(known) : toRegion(known);
    return ctx.loaders.regionByCode.load(person.regionCode).then((row) => {
      if (!row) throw new Error(`person ${person.id} has unknown region ${person.regionCode}`);
      return toRegion(row);
    });
  }

  @FieldResolver(() => Boolean, {
    description:
      'The passbook is linked to a bank card for free withdrawal (R-ACC-6): under the 2021 regime (before 2022-09-01) the account could then not pay supplementary-insurance premiums. Set at registration or with personUpdate.',
  })
  bankCardLinked(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<boolean> {
    // Not on a page's person summary: the full row, one batched read per request.
    return ctx.loaders.personById.load(person.id).then((row) => row?.bankCardLinked ?? false);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Personal account with its pockets (null when none).',
  })
  account(@Root() person: Person, @Ctx() ctx: GraphQLContext): Account | null | Promise<Account | null> {
    const known = person.pageRows?.pockets;
    if (known) return toAccount(known);
    return ctx.loaders.pocketsByPerson.load(person.id).then(toAccount);
  }

  @FieldResolver(() => [KinRelation], {
    description:
      'Providers whose accounts this person may use, in registered order (R-KIN-4). With includeRevoked, the revoked relations follow, most recently revoked first, with revokedAt (R-KIN-5: revoking keeps history).',
  })
  fundingSources(
    @Root() person: Person,
    @Ctx() ctx: GraphQLContext,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: INCLUDE_REVOKED })
    includeRevoked: boolean,
  ): KinRelation[] | Promise<KinRelation[]> {
    if (includeRevoked)
      return ctx.loaders.fundingSourcesHistoryByBeneficiary
        .load(person.id)
        .then((rows) => rows.map(toKinRelation));
    const known = person.pageRows?.fundingSources;
    if (known) return known.map((row) => Object.assign(toKinRelation(row), { providerRow: row.provider }));
    return ctx.loaders.fundingSourcesByBeneficiary.load(person.id).then((rows) => rows.map(toKinRelation));
  }

  @FieldResolver(() => [KinRelation], {
    description:
      "Relatives registered to use this person's account, oldest registration first. With includeRevoked, the revoked relations follow, most recently revoked first (R-KIN-5).",
  })
  async beneficiaries(
    @Root() person: Person,
    @Ctx() ctx: GraphQLContext,
    @Arg('includeRevoked', () => Boolean, { defaultValue: false, description: INCLUDE_REVOKED })
    includeRevoked: boolean,
  ): Promise<KinRelation[]> {
    const loader = includeRevoked
      ? ctx.loaders.beneficiariesHistoryByProvider
      : ctx.loaders.beneficiariesByProvider;
    return (await loader.load(person.id)).map(toKinRelation);
  }

  @FieldResolver(() => Wallet, { nullable: true, description: 'Wallet confirmation, if any (R-WAL-5).' })
  async wallet(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Wallet | null> {
    const row = await ctx.loaders.walletByPerson.load(person.id);
    return row ? toWallet(row, masksPersonalData(ctx.principal)) : null;
  }

  @FieldResolver(() => Card, { nullable: true, description: 'Card status (R-CARD-1).' })
  async card(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Card | null> {
    const row = await ctx.loaders.cardByPerson.load(person.id);
    return row ? toCard(row, undefined, seesCardNumbers(ctx.principal)) : null;
  }
}

@Resolver(() => KinRelation)
export class KinRelationResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'The provider (account holder). Null, with a FORBIDDEN error at this path, for a portal that does not serve this person (the rest of the answer, e.g. a mutation that ran, stands).',
  })
  provider(@Root() relation: KinRelation, @Ctx() ctx: GraphQLContext): Person | Promise<Person> {
    // Read with the page (a person's fundingSources): no loader, no promise.
    if (relation.providerRow) return toPerson(relation.providerRow, masksPersonalData(ctx.principal));
    return this.load(relation.providerId, ctx);
  }

  @FieldResolver(() => Person, {
    nullable: true,
    description:
      'The beneficiary. Null, with a FORBIDDEN error at this path, for a portal that does not serve this person (the rest of the answer, e.g. a mutation that ran, stands).',
  })
  async beneficiary(@Root() relation: KinRelation, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return this.load(relation.beneficiaryId, ctx);
  }

  private async load(id: string, ctx: GraphQLContext): Promise<Person> {
    const row = await ctx.loaders.personById.load(id);
    if (!row) throw new Error(`kin relation points at missing person ${id}`);
    return toPerson(row, masksPersonalData(ctx.principal));
  }
}

/**
 * A looked-up ID number that cannot exist (R-ACC-2: 18 characters, a real birth date, the GB 11643 check digit) is a
 * typo, not "not insured": BAD_USER_INPUT with the identity refusal's code (`extensions.reason`) and params, in the
 * reader's language, before any look-up is spent (audit A #5). The check digit is public, so this reveals nothing.
 */
function idNumberOrThrow(idNumber: string, field: readonly string[]): void {
  try {
    validateIdNumberOrThrow(idNumber);
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    throw withRefusalParams(
      new GraphQLError(err.message, {
        extensions: { code: 'BAD_USER_INPUT', reason: err.code, rule: err.rule, field },
      }),
      err.params ?? {},
    );
  }
}
