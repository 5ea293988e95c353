import {
  type Fen,
  type IsoDate,
  type MessageParam,
  TransactionKind,
  addDays,
  detailParam,
} from '@gongji/domain';
import {
  type LedgerStatsCell,
  type ReconciliationFigures,
  institutionByIdOrCode,
  ledgerStatsQuery,
  provinceFlowsQuery,
  reconciliationQuery,
  regionExists,
} from '@gongji/persistence';
import type { GraphQLError } from 'graphql';
import { badUserInput } from '../../common/error-detail';
import { forbidden } from '../../auth/authenticate';
import { Role } from '../../auth/principal';
import { type GraphQLContext, requirePrincipal } from '../../context';
import {
  type ProvinceFlow,
  type Reconciliation,
  type ReconciliationLine,
  type StatsDimension,
  type StatsFilter,
  type StatsRow,
  StatsRowKind,
} from './analytics.types';

/** Longest date range of one analytics call: three years (leap day included). */
export const MAX_RANGE_DAYS = 3 * 366;
/** Most dimensions of one `ledgerStats` call. */
export const MAX_DIMENSIONS = 4;

const KINDS = new Set<string>(Object.values(TransactionKind));

function badInput(message: string, field: string[], detail: MessageParam): GraphQLError {
  return badUserInput(message, detail, { field });
}

/** Today in China Standard Time (UTC+8), the calendar of booking dates. */
function todayCst(now = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) as IsoDate;
}

function assertRange(from: string, to: string, field: string[]): void {
  if (from > to) throw badInput('`from` must not be after `to`', field, detailParam('RANGE_REVERSED'));
  if (addDays(from as IsoDate, MAX_RANGE_DAYS) < to)
    throw badInput(
      `At most ${MAX_RANGE_DAYS} days (3 years) per query`,
      field,
      detailParam('RANGE_TOO_LONG', { days: MAX_RANGE_DAYS }),
    );
}

/**
 * Aggregates for analysts and the reconciliation statement of an institution (issue #8). Validates, then runs ONE
 * SQL statement of libs/persistence per call; small cells are suppressed inside that statement, so no raw figure of
 * a small group ever leaves the database. Returns no personal data (no person ids, names or ID numbers).
 */
export class AnalyticsService {
  constructor(private readonly ctx: GraphQLContext) {}

  private get minPersons(): number {
    return this.ctx.config.statsMinCell;
  }

  async ledgerStats(groupBy: StatsDimension[], filter: StatsFilter | null | undefined): Promise<StatsRow[]> {
    if (groupBy.length < 1 || groupBy.length > MAX_DIMENSIONS)
      throw badInput(
        `groupBy needs 1 to ${MAX_DIMENSIONS} dimensions, got ${groupBy.length}`,
        ['groupBy'],
        detailParam('GROUP_BY_SIZE', { max: MAX_DIMENSIONS, count: groupBy.length }),
      );
    const duplicate = groupBy.find((d, i) => groupBy.indexOf(d) !== i);
    if (duplicate)
      throw badInput(
        `groupBy names ${duplicate} twice`,
        ['groupBy'],
        detailParam('GROUP_BY_DUPLICATE', { dimension: duplicate }),
      );
    const to = filter?.to ?? todayCst();
    const from = filter?.from ?? addDays(to as IsoDate, -365);
    assertRange(from, to, ['filter', filter?.from && filter?.to ? 'to' : 'from']);
    const unknownKind = filter?.kinds?.find((k) => !KINDS.has(k));
    if (unknownKind !== undefined)
      throw badInput(
        `Unknown transaction kind ${unknownKind}; use one of ${[...KINDS].join(', ')}`,
        ['filter', 'kinds'],
        detailParam('UNKNOWN_TRANSACTION_KIND', { kind: unknownKind, kinds: [...KINDS].join(', ') }),
      );
    await this.assertRegions(filter);
    const cells = await ledgerStatsQuery(this.ctx.dataSource, {
      groupBy,
      from,
      to,
      regionCode: filter?.regionCode,
      provinceCode: filter?.provinceCode,
      kinds: filter?.kinds,
      minPersons: this.minPersons,
    });
    return cells.map((cell) => toStatsRow(groupBy, cell));
  }

  private async assertRegions(filter: StatsFilter | null | undefined): Promise<void> {
    const db = this.ctx.dataSource;
    if (filter?.regionCode && !(await regionExists(db, filter.regionCode)))
      throw badInput(
        `Unknown region ${filter.regionCode}`,
        ['filter', 'regionCode'],
        detailParam('UNKNOWN_REGION', { code: filter.regionCode }),
      );
    if (filter?.provinceCode && !(await regionExists(db, filter.provinceCode, true)))
      throw badInput(
        `Unknown province ${filter.provinceCode}`,
        ['filter', 'provinceCode'],
        detailParam('UNKNOWN_PROVINCE', { code: filter.provinceCode }),
      );
  }

  async crossProvinceFlows(from: string, to: string): Promise<ProvinceFlow[]> {
    assertRange(from, to, ['to']);
    const cells = await provinceFlowsQuery(this.ctx.dataSource, { from, to, minPersons: this.minPersons });
    return cells.map((c) => ({
      fromProvince: { code: c.fromProvinceCode, name: c.fromProvinceName },
      toProvince: { code: c.toProvinceCode, name: c.toProvinceName },
      crossProvince: c.fromProvinceCode !== c.toProvinceCode,
      suppressed: c.suppressed,
      transferCount: c.transferCount,
      senderCount: c.senderCount,
      recipientCount: c.recipientCount,
      amount: c.amount as Fen | null,
    }));
  }

  /**
   * ADMIN and ANALYST read any institution's statement; a PORTAL only its own institution's (FORBIDDEN otherwise,
   * decided before revealing whether the institution exists).
   */
  async reconciliation(institutionId: string, from: string, to: string): Promise<Reconciliation> {
    const principal = requirePrincipal(this.ctx);
    const institution = await institutionByIdOrCode(this.ctx.dataSource.manager, institutionId);
    if (principal.role === Role.PORTAL && (!institution || principal.institutionId !== institution.id))
      throw forbidden(
        'A portal may only read the reconciliation of its own institution',
        detailParam('PORTAL_OWN_RECONCILIATION_ONLY'),
      );
    if (!institution)
      throw badInput(
        `Unknown institution ${institutionId}`,
        ['institutionId'],
        detailParam('UNKNOWN_INSTITUTION', { id: institutionId }),
      );
    assertRange(from, to, ['to']);
    const lines = await reconciliationQuery(this.ctx.dataSource, { institutionId: institution.id, from, to });
    const total = lines.find((l) => l.date === null);
    if (!total) throw new Error('reconciliation query returned no total line');
    return {
      institutionId: institution.id,
      institutionCode: institution.code,
      institutionName: institution.name,
      from,
      to,
      days: lines.filter((l) => l.date !== null).map(toLine),
      total: toLine(total),
    };
  }
}

function toStatsRow(groupBy: readonly StatsDimension[], cell: LedgerStatsCell): StatsRow {
  return {
    kind: cell.remainder ? StatsRowKind.SUPPRESSED_REMAINDER : StatsRowKind.CELL,
    values: cell.remainder
      ? []
      : groupBy.map((dimension, i) => ({
          dimension,
          code: cell.values[i]?.code ?? null,
          label: cell.values[i]?.label ?? null,
        })),
    suppressed: cell.suppressed,
    transactionCount: cell.transactionCount,
    personCount: cell.personCount,
    amount: cell.amount as Fen | null,
    cellCount: cell.cells,
  };
}

// The query returns fen as plain bigint; here they become the API's Fen (integer fen, serialised by Money).
function toLine(f: ReconciliationFigures): ReconciliationLine {
  return { ...f } as ReconciliationLine;
}
