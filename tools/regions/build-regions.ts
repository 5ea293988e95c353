/**
 * Generates libs/persistence/src/seed/data/regions.json (R-WAL-1, R-WAL-2, R-ACC-2) from the hand-transcribed seed
 * 004 list (seed-004.ts), the GB/T 2260 codes of the divisions package and the synthetic code scheme
 * (code-scheme.ts): the regions seed 004 names (with their wallet dates), then every other prefecture-level unit
 * of the country as a pool outside the wallet (issue #9). Re-runnable and deterministic; fails loudly on any name
 * it cannot place.
 *
 *   npx ts-node --transpile-only -P tools/tsconfig.json tools/regions/build-regions.ts          # write
 *   npx ts-node --transpile-only -P tools/tsconfig.json tools/regions/build-regions.ts --check  # verify only
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ALIASED_DIVISIONS,
  BEIJING_DATES,
  DIRECT_COUNTIES_NOT_POOLED,
  MUNICIPAL_DISTRICT_POOLS,
  MUNICIPAL_POOLS,
  PROVINCE_SHORT_NAMES,
  SYNTHETIC_POOLS,
  XPCC,
  type RegionLevel,
} from './code-scheme';
import { Divisions } from './divisions';
import {
  SEED_004_FULL_COVERAGE,
  SEED_004_LAUNCH,
  SEED_004_LISTS,
  SEED_004_OPEN_PROVINCES,
  SEED_004_PUBLISHED,
  SEED_004_USAGE_CHANGE,
  SEED_004_XPCC_SHORT_NAME,
} from './seed-004';

export const WORKSPACE_ROOT = join(__dirname, '..', '..');
export const REGIONS_JSON_PATH = join(
  WORKSPACE_ROOT,
  'libs',
  'persistence',
  'src',
  'seed',
  'data',
  'regions.json',
);

/** R-WAL-1: no region opened the wallet before the national launch. */
export const WALLET_LAUNCH_DATE = SEED_004_LAUNCH.date;

export type WalletFromBasis = 'EXACT' | 'CONFIRMED_BY';

export interface ProvinceRow {
  code: string;
  name: string;
  shortName: string;
  walletFrom: string | null;
  walletFromBasis: WalletFromBasis | null;
  walletFullCoverage: boolean;
  usageLocationChangeFrom: string | null;
  walletRegionsEnumerated: boolean;
  earmarkedFrom: string | null;
  mutualAidRegistrationFrom: string | null;
  mutualAidUseFrom: string | null;
  supplementaryPremiumSelfFrom: string | null;
  supplementaryPremiumKinFrom: string | null;
  isPool: boolean;
  synthetic: boolean;
}

export interface RegionRow {
  code: string;
  name: string;
  /** The name as seed 004 writes it; null for a pool the source does not name (outside the wallet). */
  sourceName: string | null;
  provinceCode: string;
  level: RegionLevel;
  /** Null: no source says the wallet opened there (it may still inherit a 全域 province's date). */
  walletFrom: string | null;
  walletFromBasis: WalletFromBasis | null;
  isPool: boolean;
  synthetic: boolean;
}

export interface RegionsFile {
  generatedBy: string;
  divisionsPackage: string;
  published: {
    asOf: string;
    regionsOpen: number;
    provincesOpen: number;
    includesXpcc: boolean;
    namedInSource: number;
    source: string;
  };
  provinces: ProvinceRow[];
  regions: RegionRow[];
}

function fail(message: string): never {
  throw new Error(`build-regions: ${message}`);
}

const byCode = (a: { code: string }, b: { code: string }): number => a.code.localeCompare(b.code);

/** Mainland province-level divisions of the package: xx0000 without Taiwan (71), Hong Kong (81), Macau (82). */
function mainlandProvinces(divisions: Divisions): { code: string; name: string; shortName: string }[] {
  const codes = [...divisions.codes].filter(
    (c) => c.endsWith('0000') && !['71', '81', '82'].includes(c.slice(0, 2)),
  );
  const expected = Object.keys(PROVINCE_SHORT_NAMES);
  const missing = expected.filter((c) => !codes.includes(c));
  const extra = codes.filter((c) => !expected.includes(c));
  if (missing.length || extra.length || codes.length !== 31) {
    fail(`mainland provinces in ${divisions.packageId}: missing ${missing}, unexpected ${extra}`);
  }
  return codes.map((code) => {
    const { name } = divisions.getOrThrow(code);
    const shortName = PROVINCE_SHORT_NAMES[code];
    if (!name.startsWith(shortName)) fail(`short name ${shortName} does not fit ${code} ${name}`);
    return { code, name, shortName };
  });
}

export function buildRegions(divisions: Divisions = new Divisions()): RegionsFile {
  const provinces = [...mainlandProvinces(divisions), { ...XPCC }];
  if (divisions.get(XPCC.code)) fail(`XPCC code ${XPCC.code} is a real GB/T 2260 code`);
  const provinceByShortName = new Map(provinces.map((p) => [p.shortName, p]));
  const provinceByName = new Map(provinces.map((p) => [p.name, p]));
  const shortToCode = (short: string): string =>
    provinceByShortName.get(short === SEED_004_XPCC_SHORT_NAME ? XPCC.shortName : short)?.code ??
    fail(`seed 004 names an unknown province "${short}"`);

  const openCodes = new Set([...SEED_004_OPEN_PROVINCES.map(shortToCode), XPCC.code]);
  if (SEED_004_OPEN_PROVINCES.length !== SEED_004_PUBLISHED.provincesOpen) {
    fail(
      `${SEED_004_OPEN_PROVINCES.length} open provinces transcribed, the source says ${SEED_004_PUBLISHED.provincesOpen}`,
    );
  }
  const fullCoverage = new Set(SEED_004_FULL_COVERAGE.map(shortToCode));
  const usageChange = new Set(SEED_004_USAGE_CHANGE.map(shortToCode));
  for (const code of [...fullCoverage, ...usageChange]) {
    if (!openCodes.has(code)) fail(`province ${code} has wallet features but is not open`);
  }

  const usedSynthetic = new Set<string>();
  const usedAliases = new Set<string>();
  const regions: RegionRow[] = [];
  for (const list of SEED_004_LISTS) {
    const province = provinceByName.get(list.heading) ?? fail(`unknown province heading "${list.heading}"`);
    if (!openCodes.has(province.code))
      fail(`${list.heading} lists regions but is not among the open provinces`);
    for (const sourceName of list.regions) {
      const isLaunch =
        list.heading === SEED_004_LAUNCH.provinceHeading && sourceName === SEED_004_LAUNCH.sourceName;
      const wallet = isLaunch
        ? { walletFrom: SEED_004_LAUNCH.date, walletFromBasis: 'EXACT' as const }
        : { walletFrom: SEED_004_PUBLISHED.asOf, walletFromBasis: 'CONFIRMED_BY' as const };
      const synthetic = SYNTHETIC_POOLS.find(
        (s) => s.provinceCode === province.code && s.sourceName === sourceName,
      );
      const alias = ALIASED_DIVISIONS.find(
        (a) => a.provinceCode === province.code && a.sourceName === sourceName,
      );
      let code: string;
      let name: string;
      let level: RegionLevel;
      if (synthetic) {
        if (divisions.get(synthetic.code)) fail(`synthetic ${synthetic.code} (${sourceName}) is a real code`);
        usedSynthetic.add(synthetic.code);
        ({ code, level } = synthetic);
        name = synthetic.name.replace('{province}', province.name);
      } else if (alias) {
        usedAliases.add(`${alias.provinceCode}/${alias.sourceName}`);
        ({ code, name } = divisions.findInProvinceOrThrow(province.code, alias.officialName));
        level = alias.level;
      } else {
        ({ code, name } = divisions.findInProvinceOrThrow(province.code, sourceName));
        // A municipality's districts and counties are its prefecture-level pools.
        level = code.endsWith('00') || province.code === '500000' ? 'CITY' : 'COUNTY';
      }
      regions.push({
        code,
        name,
        sourceName,
        provinceCode: province.code,
        level,
        ...wallet,
        isPool: true,
        synthetic: !!synthetic,
      });
    }
  }
  const unusedSynthetic = SYNTHETIC_POOLS.filter((s) => !usedSynthetic.has(s.code));
  const unusedAliases = ALIASED_DIVISIONS.filter(
    (a) => !usedAliases.has(`${a.provinceCode}/${a.sourceName}`),
  );
  if (unusedSynthetic.length || unusedAliases.length) {
    fail(
      `unused scheme entries: ${[...unusedSynthetic, ...unusedAliases].map((e) => e.sourceName).join(', ')}`,
    );
  }
  const named = [...regions];
  regions.push(...unnamedPools(divisions, provinces, new Set(named.map((r) => r.code)), fullCoverage));
  const codes = new Set<string>(provinces.map((p) => p.code));
  for (const r of regions) {
    if (codes.has(r.code)) fail(`duplicate code ${r.code} (${r.sourceName})`);
    codes.add(r.code);
  }

  const enumerated = new Set(named.map((r) => r.provinceCode));
  const provinceRows: ProvinceRow[] = provinces.map((p) => {
    const open = openCodes.has(p.code);
    const own = named.filter((r) => r.provinceCode === p.code);
    // The province opened when its first region did; without named regions, by the date of the count.
    const first = [...own].sort((a, b) => (a.walletFrom ?? '').localeCompare(b.walletFrom ?? ''))[0];
    const beijing = p.code === '110000';
    return {
      code: p.code,
      name: p.name,
      shortName: p.shortName,
      walletFrom: open ? (first?.walletFrom ?? SEED_004_PUBLISHED.asOf) : null,
      walletFromBasis: open ? (first?.walletFromBasis ?? 'CONFIRMED_BY') : null,
      walletFullCoverage: fullCoverage.has(p.code),
      usageLocationChangeFrom: usageChange.has(p.code) ? SEED_004_PUBLISHED.asOf : null,
      walletRegionsEnumerated: !open || enumerated.has(p.code),
      earmarkedFrom: beijing ? BEIJING_DATES.earmarkedFrom : null,
      mutualAidRegistrationFrom: beijing ? BEIJING_DATES.mutualAidRegistrationFrom : null,
      mutualAidUseFrom: beijing ? BEIJING_DATES.mutualAidUseFrom : null,
      supplementaryPremiumSelfFrom: beijing ? BEIJING_DATES.supplementaryPremiumSelfFrom : null,
      supplementaryPremiumKinFrom: beijing ? BEIJING_DATES.supplementaryPremiumKinFrom : null,
      isPool: MUNICIPAL_POOLS.includes(p.code),
      synthetic: p.code === XPCC.code,
    };
  });

  return {
    generatedBy: 'tools/regions/build-regions.ts',
    divisionsPackage: divisions.packageId,
    published: {
      asOf: SEED_004_PUBLISHED.asOf,
      regionsOpen: SEED_004_PUBLISHED.regionsOpen,
      provincesOpen: SEED_004_PUBLISHED.provincesOpen,
      includesXpcc: SEED_004_PUBLISHED.includesXpcc,
      namedInSource: named.length,
      source: `seed 004: ${SEED_004_PUBLISHED.sentence}`,
    },
    provinces: provinceRows.sort(byCode),
    regions: regions.sort(byCode),
  };
}

/**
 * Every pool the source does not name (issue #9): the prefecture-level units (地级市, 地区, 自治州, 盟) of each
 * province, its directly administered county-level units (省直辖县级行政区划) unless `DIRECT_COUNTIES_NOT_POOLED`
 * says why not, and the districts and counties of a municipality in `MUNICIPAL_DISTRICT_POOLS`. None of them is in
 * the wallet: they carry no date and are refused in a 全域 province, where they would inherit one and change the
 * counts of seed 004.
 */
function unnamedPools(
  divisions: Divisions,
  provinces: readonly { code: string; name: string }[],
  namedCodes: ReadonlySet<string>,
  fullCoverage: ReadonlySet<string>,
): RegionRow[] {
  const rows: RegionRow[] = [];
  const add = (provinceCode: string, code: string, name: string, level: RegionLevel) => {
    if (namedCodes.has(code)) return;
    if (fullCoverage.has(provinceCode)) {
      fail(`${code} ${name} is not named although its province opened the wallet 全域`);
    }
    rows.push({
      code,
      name,
      sourceName: null,
      provinceCode,
      level,
      walletFrom: null,
      walletFromBasis: null,
      isPool: true,
      synthetic: false,
    });
  };
  for (const p of provinces) {
    if (p.code === XPCC.code || MUNICIPAL_POOLS.includes(p.code)) continue;
    if (MUNICIPAL_DISTRICT_POOLS.includes(p.code)) {
      for (const d of divisions.districtsOf(p.code)) add(p.code, d.code, d.name, 'CITY');
      continue;
    }
    for (const d of divisions.prefecturesOf(p.code)) add(p.code, d.code, d.name, 'CITY');
    if (DIRECT_COUNTIES_NOT_POOLED[p.code]) continue;
    for (const d of divisions.directCountiesOf(p.code)) add(p.code, d.code, d.name, 'COUNTY');
  }
  return rows;
}

export function renderRegions(data: RegionsFile): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

function main(argv: readonly string[]): void {
  const text = renderRegions(buildRegions());
  const target = relative(process.cwd(), REGIONS_JSON_PATH);
  if (argv.includes('--check')) {
    if (readFileSync(REGIONS_JSON_PATH, 'utf8') !== text) {
      fail(`${target} is out of date: run tools/regions/build-regions.ts`);
    }
    console.log(`${target} is up to date`);
    return;
  }
  writeFileSync(REGIONS_JSON_PATH, text);
  const data = JSON.parse(text) as RegionsFile;
  const namedCount = data.regions.filter((r) => r.sourceName !== null).length;
  console.log(
    `wrote ${target}: ${data.provinces.length} provinces, ${data.regions.length} regions (${namedCount} named by seed 004)`,
  );
}

if (require.main === module) main(process.argv.slice(2));
