import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist/apps/api');

/**
 * A private copy of the built API for the whole run: other work in the checkout may rebuild dist/apps/api (which
 * starts with `rm -rf`) while a killed process is being restarted. The copy lives under tmp/ in the workspace so the
 * compiled code still resolves node_modules; the bench's startServer runs it through BENCH_API_MAIN.
 */
export async function snapshotBuiltApi(): Promise<{ main: string; remove: () => void }> {
  const target = path.join(ROOT, 'tmp', `chaos-api-${process.pid}`);
  const until = Date.now() + 180_000;
  for (;;) {
    // main.js is written last by `nx run api:build` (tsc, then cp entry.cjs): present = the build is complete.
    const main = path.join(DIST, 'main.js');
    if (fs.existsSync(main)) {
      const before = fs.statSync(main).mtimeMs;
      fs.rmSync(target, { recursive: true, force: true });
      try {
        fs.cpSync(DIST, target, { recursive: true });
        const complete =
          fs.existsSync(main) &&
          fs.statSync(main).mtimeMs === before &&
          ['main.js', 'apps/api/src/main.js', 'libs/persistence/src/index.js'].every((f) =>
            fs.existsSync(path.join(target, f)),
          );
        if (complete)
          return {
            main: path.join(target, 'main.js'),
            remove: () => fs.rmSync(target, { recursive: true, force: true }),
          };
      } catch {
        // a rebuild removed files while copying: try again
      }
    }
    if (Date.now() > until)
      throw new Error('dist/apps/api/main.js is missing: run `npx nx run api:build` first');
    await new Promise((r) => setTimeout(r, 1_000));
  }
}
