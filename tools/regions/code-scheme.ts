/**
 * The project's choices on top of seed 004 and GB/T 2260 (docs/regions.md): short names, the synthetic code
 * scheme for pools that are not administrative divisions, the one correction to a source name, and Beijing's
 * dates from seeds 000/001.
 */

export type RegionLevel = 'CITY' | 'COUNTY' | 'SPECIAL' | 'NEW_AREA';

/** Short names of the 31 mainland province-level divisions, keyed by GB/T 2260 code (names checked in the package). */
export const PROVINCE_SHORT_NAMES: Readonly<Record<string, string>> = {
  '110000': '北京',
  '120000': '天津',
  '130000': '河北',
  '140000': '山西',
  '150000': '内蒙古',
  '210000': '辽宁',
  '220000': '吉林',
  '230000': '黑龙江',
  '310000': '上海',
  '320000': '江苏',
  '330000': '浙江',
  '340000': '安徽',
  '350000': '福建',
  '360000': '江西',
  '370000': '山东',
  '410000': '河南',
  '420000': '湖北',
  '430000': '湖南',
  '440000': '广东',
  '450000': '广西',
  '460000': '海南',
  '500000': '重庆',
  '510000': '四川',
  '520000': '贵州',
  '530000': '云南',
  '540000': '西藏',
  '610000': '陕西',
  '620000': '甘肃',
  '630000': '青海',
  '640000': '宁夏',
  '650000': '新疆',
};

/**
 * Municipalities that are themselves one pooling region (参保地): Beijing (seeds 000-002), Tianjin and Shanghai
 * (one municipal pool; the source names no district of theirs). Chongqing is not: seed 004 names its districts,
 * counties and a railway office as separate regions, so those are the pools.
 */
export const MUNICIPAL_POOLS: readonly string[] = ['110000', '120000', '310000'];

/**
 * Municipalities whose districts and counties are the pools (docs/regions.md): Chongqing, because seed 004 names 23
 * of its districts and counties as separate regions; every other district and county of it is a pool too.
 */
export const MUNICIPAL_DISTRICT_POOLS: readonly string[] = ['500000'];

/**
 * Provinces whose directly administered county-level units (省直辖县级行政区划, `PP90NN`) are NOT pools of the
 * province: Xinjiang's 6590NN cities (石河子市, 阿拉尔市 …) are XPCC cities (师市合一) whose insured belong to the
 * XPCC division pools (第八师 …) that seed 004 already names. Everywhere else such a unit is a county-level pool
 * (济源市, 仙桃市 … as the source names them; Hainan's 15 cities and counties).
 */
export const DIRECT_COUNTIES_NOT_POOLED: Readonly<Record<string, string>> = {
  '650000':
    'Xinjiang’s directly administered cities are XPCC cities (师市合一); their insured belong to the XPCC division pools.',
};

/** Xinjiang Production and Construction Corps (新疆生产建设兵团): not in GB/T 2260; 66 as national medical-insurance codes use. */
export const XPCC = { code: '660000', name: '新疆生产建设兵团', shortName: '兵团' } as const;

/** Digits 3-4 of a synthetic code inside a province: 99 special pools, 98 new areas; GB/T 2260 uses neither. */
export const SYNTHETIC_SPECIAL_BLOCK = '99';
export const SYNTHETIC_NEW_AREA_BLOCK = '98';

export interface SyntheticPool {
  readonly provinceCode: string;
  /** Name as seed 004 writes it. */
  readonly sourceName: string;
  readonly code: string;
  /** Display name; `{province}` is replaced by the province's full name. */
  readonly name: string;
  readonly level: RegionLevel;
}

/** 第一师 … 第十四师: source writes 新疆生产建设兵团一师 … 十四师. */
const XPCC_DIVISION_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
] as const;

function pp(provinceCode: string): string {
  return provinceCode.slice(0, 2);
}

function provinceLevelPool(provinceCode: string, sourceName: string): SyntheticPool {
  return {
    provinceCode,
    sourceName,
    code: `${pp(provinceCode)}${SYNTHETIC_SPECIAL_BLOCK}00`,
    name: '{province}本级',
    level: 'SPECIAL',
  };
}

/**
 * Every pool in seed 004 that has no GB/T 2260 code. Scheme: `PP9900` the provincial-level pool (省本级/区本级),
 * `PP99NN` (NN ≥ 01) other special pools, `PP98NN` new areas, `66NN00` XPCC division N, `669900` 兵团本级.
 */
export const SYNTHETIC_POOLS: readonly SyntheticPool[] = [
  provinceLevelPool('130000', '省本级'),
  { provinceCode: '130000', sourceName: '华油', code: '139901', name: '华油', level: 'SPECIAL' },
  { provinceCode: '130000', sourceName: '雄安新区', code: '139801', name: '雄安新区', level: 'NEW_AREA' },
  provinceLevelPool('150000', '区本级'),
  provinceLevelPool('370000', '省本级'),
  { provinceCode: '370000', sourceName: '胜利油田', code: '379901', name: '胜利油田', level: 'SPECIAL' },
  provinceLevelPool('410000', '省本级'),
  provinceLevelPool('420000', '省本级'),
  provinceLevelPool('450000', '区本级'),
  {
    provinceCode: '500000',
    sourceName: '成都铁路局重庆办事处',
    code: '509901',
    name: '成都铁路局重庆办事处',
    level: 'SPECIAL',
  },
  provinceLevelPool('510000', '省本级'),
  provinceLevelPool('540000', '区本级'),
  provinceLevelPool('620000', '省本级'),
  { provinceCode: '620000', sourceName: '甘肃矿区', code: '629901', name: '甘肃矿区', level: 'SPECIAL' },
  { provinceCode: '620000', sourceName: '长庆油田', code: '629902', name: '长庆油田', level: 'SPECIAL' },
  provinceLevelPool('650000', '区本级'),
  ...XPCC_DIVISION_NUMERALS.map((numeral, i): SyntheticPool => ({
    provinceCode: XPCC.code,
    sourceName: `${XPCC.name}${numeral}师`,
    code: `66${String(i + 1).padStart(2, '0')}00`,
    name: `${XPCC.name}第${numeral}师`,
    level: 'SPECIAL',
  })),
  {
    provinceCode: XPCC.code,
    sourceName: `${XPCC.name}本级`,
    code: '669900',
    name: '{province}本级',
    level: 'SPECIAL',
  },
];

export interface AliasedDivision {
  readonly provinceCode: string;
  readonly sourceName: string;
  /** The GB/T 2260 name to look up in the package instead. */
  readonly officialName: string;
  readonly level: RegionLevel;
  /** Why the source name is not looked up as written (docs/regions.md). */
  readonly reason: string;
}

/** Source names that are real divisions under another name. Each is looked up by `officialName`, never guessed. */
export const ALIASED_DIVISIONS: readonly AliasedDivision[] = [
  {
    provinceCode: '410000',
    sourceName: '济源产城融合示范区',
    officialName: '济源市',
    level: 'NEW_AREA',
    reason: 'The demonstration zone is administered as 济源市 (419001, directly under Henan province).',
  },
  {
    provinceCode: '650000',
    sourceName: '阿勒泰市',
    officialName: '阿勒泰地区',
    level: 'CITY',
    reason:
      'Xinjiang is one of the 11 full-coverage (全域) bureaus and the list names every other prefecture of it; ' +
      '阿勒泰市 (654301) is only the seat of 阿勒泰地区 (654300), so the prefecture pool is meant.',
  },
];

/** Beijing's personal-account dates (seed 001 Q3, Q4, Q6; R-ACC-5, R-USE-3, R-KIN-3). */
export const BEIJING_DATES = {
  earmarkedFrom: '2022-09-01',
  mutualAidRegistrationFrom: '2022-10-15',
  mutualAidUseFrom: '2022-12-01',
  supplementaryPremiumSelfFrom: '2022-09-01',
  supplementaryPremiumKinFrom: '2022-12-01',
} as const;
