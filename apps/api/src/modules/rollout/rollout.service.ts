import {
  type MessageParam,
  WALLET_NATIONAL_LAUNCH,
  addDays,
  detailParam,
  summarizeRollout,
} from '@gongji/domain';
import {
  type DataSource,
  type PublishedFigureEntity,
  type RegionEntity,
  publishedFigureAsOf,
} from '@gongji/persistence';
import type { GraphQLError } from 'graphql';
import { badUserInput } from '../../common/error-detail';
import { effectiveWalletFrom, toRegion } from '../region/region.mapper';
import type { RegionService } from '../region/region.service';
import type { Region } from '../region/region.type';
import type { ProvinceRollout, RolloutPoint, RolloutSummary } from './rollout.types';

/** Metric name of the published count of open wallet regions (seed 004). */
export const WALLET_REGIONS_OPEN = 'WALLET_REGIONS_OPEN';

const MAX_TIMELINE_DAYS = 3660;

interface Snapshot {
  readonly provinces: Region[];
  readonly regions: { region: Region; walletFrom: string | null }[];
}

/** rolloutSummary / rolloutTimeline: the region table is small (hundreds of rows), so they are computed in memory. */
export class RolloutService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly regions: RegionService,
  ) {}

  private async snapshot(): Promise<Snapshot> {
    const rows: RegionEntity[] = await this.regions.all();
    const all = rows.map(toRegion);
    const provinces = all.filter((r) => r.level === 'PROVINCE');
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const regions = all
      .filter((r) => r.level !== 'PROVINCE')
      .map((region) => ({
        region,
        walletFrom: effectiveWalletFrom(region, byCode.get(region.provinceCode) ?? null),
      }));
    return { provinces, regions };
  }

  async summary(on: string): Promise<RolloutSummary> {
    const { provinces, regions } = await this.snapshot();
    const counted = summarizeRollout(
      regions.map((r) => r.region),
      provinces,
      on,
    );
    const byCode = new Map(provinces.map((p) => [p.code, p]));
    const province = (code: string) => byCode.get(code) as Region;
    const provinceRows: ProvinceRollout[] = counted.provinces.map((p) => ({
      province: province(p.code),
      walletFrom: p.walletFrom,
      regionsOpen: p.regionsOpen,
      regionsEnumerated: province(p.code).walletRegionsEnumerated,
      fullCoverage: p.fullCoverage,
      usageLocationChange: p.usageLocationChange,
    }));
    const figure = await this.publishedFigure(on);
    const beforeLaunch = on < WALLET_NATIONAL_LAUNCH;
    return {
      on,
      regionsOpen: counted.regionsOpen,
      reportedRegionsOpen: beforeLaunch ? 0 : (figure?.value ?? null),
      reportedAsOf: beforeLaunch ? null : (figure?.asOf ?? null),
      reportedSource: beforeLaunch
        ? `Before the national launch on ${WALLET_NATIONAL_LAUNCH} (R-WAL-1)`
        : (figure?.source ?? null),
      provincesOpen: counted.provincesOpen,
      fullCoverageProvinces: counted.fullCoverageProvinces.map(province),
      usageChangeProvinces: counted.usageChangeProvinces.map(province),
      provinces: provinceRows,
    };
  }

  /** One point at `from`, at `to`, and at every date in between where the counts change. */
  async timeline(from: string, to: string): Promise<RolloutPoint[]> {
    if (from > to) throw badInput('`from` must not be after `to`', ['from'], detailParam('RANGE_REVERSED'));
    if (addDays(from, MAX_TIMELINE_DAYS) < to)
      throw badInput(
        `At most ${MAX_TIMELINE_DAYS} days per timeline`,
        ['to'],
        detailParam('TIMELINE_TOO_LONG', { days: MAX_TIMELINE_DAYS }),
      );
    const { provinces, regions } = await this.snapshot();
    const dates = new Set<string>([from, to]);
    for (const d of [...provinces.map((p) => p.walletFrom), ...regions.map((r) => r.walletFrom)]) {
      if (d && d > from && d < to) dates.add(d);
    }
    return [...dates].sort().map((date) => ({
      date,
      regionsOpen: regions.filter((r) => r.walletFrom != null && r.walletFrom <= date).length,
      provincesOpen: provinces.filter((p) => p.walletFrom != null && p.walletFrom <= date).length,
    }));
  }

  private publishedFigure(on: string): Promise<PublishedFigureEntity | null> {
    return publishedFigureAsOf(this.dataSource, WALLET_REGIONS_OPEN, on);
  }
}

function badInput(message: string, field: string[], detail: MessageParam): GraphQLError {
  return badUserInput(message, detail, { field });
}
