// Exports of the policy lists (regions, kinship scopes) in the same Excel-ready form as the counter's: Chinese
// headers, labels instead of codes (级别, 钱包状态, 日期依据, 用途, 亲属), BOM, no `__typename`/`nodeId`.
import type { KinshipScopeRecord } from '../data/buildKinshipScopeQuery';
import type { RegionRecord } from '../data/graphqlTypes';
import { formatChinaTime } from '../shared/format';
import { booleanColumn, csvExporter, labelColumn, textColumn, type CsvColumn } from './csvExport';

const dateColumn = (field: keyof RegionRecord & string): CsvColumn<RegionRecord> =>
  textColumn(`resources.regions.fields.${field}`, field);

export const REGION_COLUMNS: readonly CsvColumn<RegionRecord>[] = [
  textColumn('resources.regions.fields.code', 'code'),
  textColumn('resources.regions.fields.name', 'name'),
  labelColumn('resources.regions.fields.level', 'level', 'gongji.levels'),
  {
    header: 'resources.regions.fields.province',
    value: (r) => (r.level === 'PROVINCE' ? r.name : (r.province?.name ?? r.provinceCode)),
  },
  {
    header: 'resources.regions.fields.walletOpen',
    value: (r, t) => t(r.walletOpen ? 'gongji.wallet.open' : 'gongji.wallet.closed'),
  },
  dateColumn('walletFrom'),
  dateColumn('effectiveWalletFrom'),
  {
    header: 'resources.regions.fields.walletFromBasis',
    value: (r, t) => (r.walletFromBasis ? t(`gongji.wallet.basis_${r.walletFromBasis}`) : ''),
  },
  booleanColumn('resources.regions.fields.walletFullCoverage', 'walletFullCoverage'),
  dateColumn('earmarkedFrom'),
  dateColumn('mutualAidRegistrationFrom'),
  dateColumn('mutualAidUseFrom'),
  dateColumn('usageLocationChangeFrom'),
  dateColumn('supplementaryPremiumSelfFrom'),
  dateColumn('supplementaryPremiumKinFrom'),
];

export const KINSHIP_SCOPE_COLUMNS: readonly CsvColumn<KinshipScopeRecord>[] = [
  {
    header: 'resources.kinship-scopes.fields.regionCode',
    value: (r, t) => r.regionCode ?? t('gongji.export.national'),
  },
  labelColumn('resources.kinship-scopes.fields.purpose', 'purpose', 'gongji.kin_purposes'),
  {
    header: 'resources.kinship-scopes.fields.relations',
    value: (r, t) =>
      r.relations.length === 0
        ? t('gongji.kinship_scopes.nobody')
        : r.relations.map((x) => t(`gongji.relations.${x}`, { _: x })),
  },
  textColumn('resources.kinship-scopes.fields.effectiveFrom', 'effectiveFrom'),
  textColumn('resources.kinship-scopes.fields.createdBy', 'createdBy'),
  { header: 'resources.kinship-scopes.fields.createdAt', value: (r) => formatChinaTime(r.createdAt) },
];

export const regionExporter = csvExporter(REGION_COLUMNS, 'gongji.export.regions_file');
export const kinshipScopeExporter = csvExporter(KINSHIP_SCOPE_COLUMNS, 'gongji.export.kinship_scopes_file');
