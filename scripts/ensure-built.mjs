/**
 * `npm test` (pretest) and `npm run lint`: builds first when the build is missing or older than the
 * sources, so both work on a fresh clone and after a change without a remembered `npm run build`.
 *
 *   node scripts/ensure-built.mjs              dist/main.js and dist/web/index.html must be newer than src/ and web/
 *   node scripts/ensure-built.mjs --generated  (lint) web/generated/ must exist and be newer than src/
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'generated', 'dist']);

function newest(dir) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : fs.statSync(full).mtimeMs);
  }
  return latest;
}

const modified = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

const generatedOnly = process.argv.includes('--generated');
const outputs = generatedOnly
  ? [path.join(ROOT, 'web/generated/api.d.ts'), path.join(ROOT, 'web/generated/problem-codes.ts')]
  : [path.join(ROOT, 'dist/main.js'), path.join(ROOT, 'dist/web/index.html')];
const sources = Math.max(newest(path.join(ROOT, 'src')), ...(generatedOnly ? [] : [newest(path.join(ROOT, 'web'))]));
const stale = outputs.filter((file) => modified(file) < sources);

if (stale.length) {
  console.log(`Building first: ${stale.map((f) => path.relative(ROOT, f)).join(', ')} ${stale.some((f) => !fs.existsSync(f)) ? 'missing or ' : ''}older than the sources.`);
  const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
