/**
 * Prints the public schema as SDL. `--write` updates apps/api/schema.graphql; `--check` fails (exit 1) when the
 * committed file differs, so CI catches a schema change that was not regenerated (API.md).
 */
import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { createSchema } from '../src/schema';

async function main(): Promise<void> {
  const sdl = `${printSchema(lexicographicSortSchema(await createSchema()))}\n`;
  const file = path.join(__dirname, '..', 'schema.graphql');
  const mode = process.argv[2];
  if (mode === '--write') {
    fs.writeFileSync(file, sdl);
    console.log(`wrote ${path.relative(process.cwd(), file)} (${sdl.split('\n').length} lines)`);
  } else if (mode === '--check') {
    const committed = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (committed !== sdl) {
      console.error(
        'apps/api/schema.graphql is out of date: run `npm run schema:generate` and commit the result.',
      );
      process.exit(1);
    }
    console.log('apps/api/schema.graphql is up to date');
  } else {
    process.stdout.write(sdl);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
