// Compiles the server for `npm start` and `npm run serve`: every module of apps/server/src transpiled one to one into
// apps/server/dist (the same layout, so every path a module resolves relative to itself still holds), tests left out,
// plain JavaScript workers copied. No bundling: packages load from node_modules as npm put them. Node then loads
// plain JavaScript without tsx's loader, which on this 2-core machine took 1.2 s of the start (issue 12 §8);
// tests, benches and the command-line tools keep running the TypeScript through tsx.
import { copyFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'apps/server/src');
const out = path.join(root, 'apps/server/dist');
const files = readdirSync(src, { recursive: true }).map(String);
const isTest = (f) => /\.(test|fixtures|samples)\.ts$/.test(f) || f.split(path.sep)[0] === 'test';

rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: files.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && !isTest(f)).map((f) => path.join(src, f)),
  outdir: out,
  outbase: src,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
});
for (const f of files.filter((f) => f.endsWith('.mjs') && !isTest(f))) {
  mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
  copyFileSync(path.join(src, f), path.join(out, f));
}
