import { randomUUID } from 'node:crypto';
import { FEATURE_FIELDS, detailParam } from '@gongji/domain';
import { inTransaction } from '@gongji/persistence';
import type { Principal } from '../../auth/principal';
import { ApiErrorCode, userError } from '../../common/user-error';
import type { GraphQLContext } from '../../context';
import type { RegionUpdateInput } from '../region/dtos/region-update.input';
import { toRegion } from '../region/region.mapper';
import type { RegionsRolloutSetInput, RegionsRolloutSetPayload } from './rollout-bulk.types';

export const MAX_BULK_REGIONS = 100;

/**
 * regionsRolloutSet (issue #10): each region goes through the same `regionUpdate` rules (libs/domain rollout
 * dates, 全域), so a refused region changes nothing and the others still change; every region's change is audited
 * with action `regionsRolloutSet`, and one `RegionBatch` audit row ties them together with the outcome.
 */
export class RolloutBulkService {
  constructor(private readonly ctx: GraphQLContext) {}

  async set(principal: Principal, input: RegionsRolloutSetInput): Promise<RegionsRolloutSetPayload> {
    const codes = [...new Set(input.regionCodes.map((c) => c.trim()).filter(Boolean))];
    if (codes.length === 0 || codes.length > MAX_BULK_REGIONS) {
      return {
        batchId: null,
        results: [],
        changedCount: 0,
        refusedCount: 0,
        userErrors: [
          userError(
            ApiErrorCode.INVALID_INPUT,
            `Give 1–${MAX_BULK_REGIONS} region codes, got ${codes.length}`,
            ['regionCodes'],
            undefined,
            { detail: detailParam('REGION_CODES_COUNT', { max: MAX_BULK_REGIONS, count: codes.length }) },
          ),
        ],
      };
    }
    const field = FEATURE_FIELDS[input.feature];
    const date = input.date ?? null;
    const before = new Map((await this.ctx.services.regions.findByCodes(codes)).map((r) => [r.code, r]));
    const results: RegionsRolloutSetPayload['results'] = [];
    for (const code of codes) {
      const current = before.get(code);
      const update = { code, [field]: date, reason: input.reason ?? null } as unknown as RegionUpdateInput;
      const outcome = await this.ctx.services.regions.update(principal, update, 'regionsRolloutSet');
      const previous = current ? (current as unknown as Record<string, unknown>)[field] : undefined;
      results.push({
        regionCode: code,
        region: outcome.region ? toRegion(outcome.region) : current ? toRegion(current) : null,
        changed: outcome.userErrors.length === 0 && previous !== date,
        userErrors: outcome.userErrors.map((e) => ({
          ...e,
          field: ['regionCodes', code, ...(e.field ?? [])],
        })),
      });
      if (outcome.region) this.ctx.loaders.regionByCode.clear(code).prime(code, outcome.region);
    }
    const batchId = randomUUID();
    const changed = results.filter((r) => r.changed).map((r) => r.regionCode);
    const refused = results.filter((r) => r.userErrors.length > 0);
    await inTransaction(this.ctx.dataSource, (manager) =>
      this.ctx.services.audit.record(manager, principal, {
        action: 'regionsRolloutSet',
        entityType: 'RegionBatch',
        entityId: batchId,
        before: null,
        after: {
          feature: input.feature,
          field,
          date,
          changed,
          refused: refused.map((r) => ({ code: r.regionCode, errors: r.userErrors.map((e) => e.code) })),
        },
        reason: input.reason ?? null,
      }),
    );
    return {
      batchId,
      results,
      changedCount: changed.length,
      refusedCount: refused.length,
      userErrors: [],
    };
  }
}
