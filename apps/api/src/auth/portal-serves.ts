import { detailParam } from '@gongji/domain';
import type { GraphQLContext } from '../context';
import { forbidden } from './authenticate';
import { Role } from './principal';

/**
 * A portal acts only for persons it serves (API.md "a portal sees only the people it is serving", issue #8): a person
 * serves as proved present at its desk (the card number or an e-voucher code given to `personByIdNumber`), or by an
 * earlier transaction at its institution. Asked before anything is read, decided or moved — for registrations, and
 * for every mutation that spends a person's money or touches their payment password: an id learnt elsewhere (a
 * relative's id in a settlement split, a funding source) is no proof that the holder is at the desk, so a portal can
 * neither debit nor lock the password of a person it never saw, nor become able to read them by doing so.
 * Staff and analysts pass (their own rules apply).
 */
export async function assertPortalServes(ctx: GraphQLContext, personIds: readonly string[]): Promise<void> {
  if (ctx.principal?.role !== Role.PORTAL) return;
  const served = await ctx.loaders.servesPerson.loadMany(personIds);
  if (served.some((s) => s !== true)) {
    throw forbidden(
      'This portal does not serve every person named in the request (first look-up with the card or e-voucher)',
      detailParam('PORTAL_NOT_SERVING_EVERY_PERSON'),
    );
  }
}
