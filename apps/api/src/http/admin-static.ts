// Serves the built console (issue #10): hashed files under /admin/assets cached for a year as immutable, everything
// else (index.html) revalidated on every load, the build's pre-compressed twins (.br, .gz) chosen by
// Accept-Encoding, and no source map in production (the build emits none; a stray one is still refused).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type express from 'express';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

/** The encodings the client accepts (q=0 means refused), best first: brotli, then gzip. */
export function acceptedEncodings(header: string | undefined): Array<'br' | 'gzip'> {
  const accepted = new Set<string>();
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (q && Number(q.slice(2)) === 0) continue;
    if (name) accepted.add(name);
  }
  return (['br', 'gzip'] as const).filter((e) => accepted.has(e) || accepted.has('*'));
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Sends `file` (or its best pre-compressed twin) with the given Cache-Control. */
function send(req: express.Request, res: express.Response, file: string, cacheControl: string): void {
  const encoding = acceptedEncodings(req.get('accept-encoding')).find((e) =>
    isFile(`${file}.${e === 'br' ? 'br' : 'gz'}`),
  );
  res.vary('Accept-Encoding');
  res.type(path.extname(file));
  res.setHeader('Cache-Control', cacheControl);
  if (encoding) res.setHeader('Content-Encoding', encoding);
  res.sendFile(encoding ? `${file}.${encoding === 'br' ? 'br' : 'gz'}` : file, { cacheControl: false });
}

/**
 * GET/HEAD handler mounted at /admin. Assets that do not exist answer 404 (a stale chunk must not receive
 * index.html); any other path is the single-page app's route and gets index.html.
 */
export function adminStatic(dir: string, production: boolean): express.RequestHandler {
  const root = path.resolve(dir);
  const index = path.join(root, 'index.html');
  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    let relative: string;
    try {
      relative = decodeURIComponent(req.path);
    } catch {
      res.status(400).end();
      return;
    }
    const file = path.resolve(root, `.${relative}`);
    const inside = file === root || file.startsWith(`${root}${path.sep}`);
    if (!inside || /\.(br|gz)$/.test(file) || (production && file.endsWith('.map'))) {
      res.status(404).type('text/plain').send('Not found');
      return;
    }
    if (relative.startsWith('/assets/')) {
      if (!isFile(file)) {
        res.status(404).type('text/plain').send('Not found');
        return;
      }
      send(req, res, file, IMMUTABLE);
      return;
    }
    send(req, res, isFile(file) && !file.endsWith('.map') ? file : index, REVALIDATE);
  };
}
