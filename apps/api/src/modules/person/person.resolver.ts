import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { forbidden } from '../../auth/authenticate';
import { type GraphQLContext, requirePrincipal } from '../../context';
import { toRegion } from '../region/region.mapper';
import { Region } from '../region/region.type';
import { masksPersonalData, toAccount, toCard, toKinRelation, toPerson, toWallet } from './person.mapper';
import { Account, Card, KinRelation, Person, Wallet } from './person.types';

const READERS = [
  'ADMIN',
  'COUNTER',
  'ANALYST',
  'PORTAL:person:read',
  'PORTAL:settlement:write',
  'PORTAL:premium:write',
  'PORTAL:wallet:transfer',
];

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(...READERS)
  @Query(() => Person, {
    nullable: true,
    description: 'A person by id (a portal only sees the people it serves).',
  })
  async person(
    @Arg('id', () => ID, { description: 'Person id.' }) id: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Person | null> {
    const principal = requirePrincipal(ctx);
    const row = await ctx.loaders.personById.load(id);
    if (!row) return null;
    if (!(await ctx.services.persons.mayRead(principal, id)))
      throw forbidden('This portal has not served this person');
    return toPerson(row, masksPersonalData(principal));
  }

  @Authorized(...READERS)
  @Query(() => Person, {
    nullable: true,
    description: 'A person by resident ID number (the card or ID presented at the counter).',
  })
  async personByIdNumber(
    @Arg('idNumber', { description: '18-character resident ID number.' }) idNumber: string,
    @Ctx() ctx: GraphQLContext,
  ): Promise<Person | null> {
    const principal = requirePrincipal(ctx);
    const row = await ctx.services.persons.findByIdNumber(idNumber);
    if (!row) return null;
    ctx.loaders.personById.prime(row.id, row);
    return toPerson(row, masksPersonalData(principal));
  }

  @FieldResolver(() => Region, { description: 'Insured region (参保地).' })
  async region(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Region> {
    const row = await ctx.loaders.regionByCode.load(person.regionCode);
    if (!row) throw new Error(`person ${person.id} has unknown region ${person.regionCode}`);
    return toRegion(row);
  }

  @FieldResolver(() => Account, {
    nullable: true,
    description: 'Personal account with its pockets (null when none).',
  })
  async account(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Account | null> {
    return toAccount(await ctx.loaders.pocketsByPerson.load(person.id));
  }

  @FieldResolver(() => [KinRelation], {
    description: 'Providers whose accounts this person may use, in registered order (R-KIN-4).',
  })
  async fundingSources(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<KinRelation[]> {
    return (await ctx.loaders.fundingSourcesByBeneficiary.load(person.id)).map(toKinRelation);
  }

  @FieldResolver(() => [KinRelation], { description: "Relatives registered to use this person's account." })
  async beneficiaries(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<KinRelation[]> {
    return (await ctx.loaders.beneficiariesByProvider.load(person.id)).map(toKinRelation);
  }

  @FieldResolver(() => Wallet, { nullable: true, description: 'Wallet confirmation, if any (R-WAL-5).' })
  async wallet(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Wallet | null> {
    const row = await ctx.loaders.walletByPerson.load(person.id);
    return row ? toWallet(row, masksPersonalData(ctx.principal)) : null;
  }

  @FieldResolver(() => Card, { nullable: true, description: 'Card status (R-CARD-1).' })
  async card(@Root() person: Person, @Ctx() ctx: GraphQLContext): Promise<Card | null> {
    const row = await ctx.loaders.cardByPerson.load(person.id);
    return row ? toCard(row) : null;
  }
}

@Resolver(() => KinRelation)
export class KinRelationResolver {
  @FieldResolver(() => Person, { description: 'The provider (account holder).' })
  async provider(@Root() relation: KinRelation, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return this.load(relation.providerId, ctx);
  }

  @FieldResolver(() => Person, { description: 'The beneficiary.' })
  async beneficiary(@Root() relation: KinRelation, @Ctx() ctx: GraphQLContext): Promise<Person> {
    return this.load(relation.beneficiaryId, ctx);
  }

  private async load(id: string, ctx: GraphQLContext): Promise<Person> {
    const row = await ctx.loaders.personById.load(id);
    if (!row) throw new Error(`kin relation points at missing person ${id}`);
    return toPerson(row, masksPersonalData(ctx.principal));
  }
}
