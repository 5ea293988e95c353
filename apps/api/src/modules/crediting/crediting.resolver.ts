import { Resolver } from 'type-graphql';

/** Mutations of this module are being built (issue #4); registered in schema.ts already. */
@Resolver()
export class CreditingResolver {}
