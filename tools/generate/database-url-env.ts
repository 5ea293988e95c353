/**
 * Imported first by the bulk tools' entry points: the persistence entities pick their column types from
 * DATABASE_URL when they are loaded, so `--database-url` must be in the environment before any of them is imported.
 */
import { DEFAULT_DATABASE_URL } from './cli-support';

const argv = process.argv.slice(2);
const i = argv.findIndex((a) => a === '--database-url' || a.startsWith('--database-url='));
const fromArgs =
  i < 0 ? undefined : argv[i].includes('=') ? argv[i].slice(argv[i].indexOf('=') + 1) : argv[i + 1];
process.env['DATABASE_URL'] = fromArgs ?? process.env['DATABASE_URL'] ?? DEFAULT_DATABASE_URL;
