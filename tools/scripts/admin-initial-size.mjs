#!/usr/bin/env node
// Prints the console's initial download (issue #10): index.html plus every script, module preload and stylesheet
// it references, as the browser receives them gzipped and brotli-compressed (the build's .gz/.br twins, which the
// API serves by Accept-Encoding). Lazily loaded pages (person page, transaction page, charts) are not counted.
// Usage: node tools/scripts/admin-initial-size.mjs [dist/apps/admin]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = path.resolve(process.argv[2] ?? 'dist/apps/admin');
const indexFile = path.join(dir, 'index.html');
if (!existsSync(indexFile)) {
  console.error(`${indexFile} is missing: run \`npx nx run admin:build\` first`);
  process.exit(1);
}
const html = readFileSync(indexFile, 'utf8');
const refs = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const files = ['index.html', ...new Set(refs)];

const size = (file, ext) => {
  const twin = path.join(dir, `${file}.${ext}`);
  if (existsSync(twin)) return statSync(twin).size;
  const raw = readFileSync(path.join(dir, file));
  return ext === 'gz' ? gzipSync(raw, { level: 9 }).length : raw.length;
};

const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
let raw = 0;
let gz = 0;
let br = 0;
for (const file of files) {
  const r = statSync(path.join(dir, file)).size;
  const g = size(file, 'gz');
  const b = size(file, 'br');
  raw += r;
  gz += g;
  br += b;
  console.log(`${file.padEnd(48)} ${kb(r).padStart(10)} ${kb(g).padStart(10)} gzip ${kb(b).padStart(10)} br`);
}
console.log(`initial download: ${files.length} files, ${kb(raw)} raw, ${kb(gz)} gzipped, ${kb(br)} brotli`);
