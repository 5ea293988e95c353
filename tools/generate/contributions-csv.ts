import * as fs from 'node:fs';
import { once } from 'node:events';
import type { Client } from 'pg';
import { idCheckCharacter } from '@gongji/domain';
import { Progress, Random, markdownTable, peakRssMiB } from './cli-support';
import { monthsBefore } from './persons-loader';

export interface ContributionsCsvOptions {
  readonly file: string;
  readonly month: string;
  readonly seed: number;
  /** Share (0–1) of extra faulty rows mixed in, for the rejection report (default 0.001). */
  readonly badRows: number;
  /** At most this many rows (default: every employee participant). */
  readonly limit: number | null;
  readonly quiet?: boolean;
}

export interface ContributionsCsvResult {
  readonly rows: number;
  readonly good: number;
  readonly zero: number;
  readonly bad: number;
  readonly seconds: number;
  readonly peakRssMiB: number;
}

const PAGE = 20_000;

/**
 * Writes one month's contribution file (`idNumber,amount`, yuan with two decimals) for every employee participant
 * (R-ACC-1), streamed page by page (bounded memory). The amount is the person's credit of the month before (or a
 * plausible one); about 2 % of rows are 0.00 (nothing collected, so no credit, R-ACC-4). With `badRows` > 0 faulty
 * rows are mixed in: a mistyped check digit, an unknown person, malformed money, a resident with an amount (no
 * personal account, R-ACC-1) and a repeated row.
 */
export async function writeContributionsCsv(
  client: Client,
  options: ContributionsCsvOptions,
): Promise<ContributionsCsvResult> {
  const started = Date.now();
  const rng = new Random(options.seed ^ 0x5eed);
  const previous = monthsBefore(options.month, 1);
  const total = Number(
    (await client.query(`SELECT COUNT(*)::int AS n FROM persons WHERE "insuranceType" = 'EMPLOYEE'`)).rows[0]
      .n,
  );
  const target = options.limit === null ? total : Math.min(total, options.limit);
  const out = fs.createWriteStream(options.file, { encoding: 'utf8' });
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write('idNumber,amount\n');
  const progress = options.quiet ? null : new Progress('csv rows', target);
  let after = '';
  let good = 0;
  let zero = 0;
  let bad = 0;
  let lastRow = '';
  for (;;) {
    const { rows } = await client.query(
      // A per-row index look-up whatever the statistics say (a month just credited has none yet).
      `SELECT p.id, p."idNumber" AS id_number, p."insuranceType" AS type, p."employmentStatus" AS status,
              (SELECT c.amount FROM contribution_credits c WHERE c."personId" = p.id AND c.month = $2) AS amount
         FROM persons p
        WHERE p.id > $1 ORDER BY p.id LIMIT ${PAGE}`,
      [after, previous],
    );
    if (rows.length === 0) break;
    after = rows[rows.length - 1].id as string;
    let chunk = '';
    for (const r of rows) {
      if (good + zero >= target) break;
      const idNumber = r.id_number as string;
      if (r.type !== 'EMPLOYEE') {
        if (options.badRows > 0 && rng.chance(options.badRows)) {
          chunk += `${idNumber},${(rng.int(50, 500) + 0.5).toFixed(2)}\n`; // no personal account (R-ACC-1)
          bad++;
        }
        continue;
      }
      let fen: number;
      if (rng.chance(0.02)) {
        fen = 0;
        zero++;
      } else {
        fen =
          r.amount != null
            ? Number(r.amount)
            : r.status === 'RETIRED'
              ? rng.int(90, 200) * 100
              : rng.int(80, 500) * 100;
        good++;
      }
      const row = `${idNumber},${(fen / 100).toFixed(2)}\n`;
      chunk += row;
      if (options.badRows > 0 && rng.chance(options.badRows)) {
        chunk += faultyRow(rng, idNumber, row, lastRow);
        bad++;
      }
      lastRow = row;
    }
    await write(chunk);
    progress?.update(good + zero);
    if (good + zero >= target) break;
  }
  out.end();
  await once(out, 'finish');
  progress?.done();
  return {
    rows: good + zero + bad,
    good,
    zero,
    bad,
    seconds: (Date.now() - started) / 1000,
    peakRssMiB: peakRssMiB(),
  };
}

function faultyRow(rng: Random, idNumber: string, row: string, lastRow: string): string {
  switch (rng.int(0, 4)) {
    case 0: {
      // A typo in the check character (GB 11643): any other character.
      const check = idNumber[17];
      const other = '0123456789X'.split('').filter((c) => c !== check);
      return `${idNumber.slice(0, 17)}${rng.pick(other)},${rng.int(80, 500).toFixed(2)}\n`;
    }
    case 1: {
      // A valid ID number nobody holds here (born 1 January 1901 in Dongcheng, Beijing).
      const first17 = `11010119010101${String(rng.int(0, 999)).padStart(3, '0')}`;
      return `${first17}${idCheckCharacter(first17)},${rng.int(80, 500).toFixed(2)}\n`;
    }
    case 2:
      return `${idNumber},${rng.pick(['12.345', 'abc', '', '-50.00', '1e3', '２００.００'])}\n`;
    case 3:
      return row; // the same row twice
    default:
      return lastRow || row;
  }
}

export function formatCsvResult(r: ContributionsCsvResult): string {
  return markdownTable(
    ['rows', 'with amount', 'zero (not collected)', 'faulty', 'seconds', 'peak RSS MiB'],
    [[r.rows, r.good, r.zero, r.bad, r.seconds.toFixed(1), Math.round(r.peakRssMiB)]],
  );
}
