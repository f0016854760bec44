// Each bench script owns one section of bench/results.md, replaced in place when it runs again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const FILE = path.join(import.meta.dirname, 'results.md');

export function writeSection(name: string, body: string[], title = name): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(FILE)
    ? readFileSync(FILE, 'utf8')
    : '# Benchmark results\n\nWritten by the scripts in bench/; each section says its machine and data.\n';
  const section = `${start}\n## ${title} (${new Date().toISOString().slice(0, 10)})\n\n${body.join('\n')}\n${end}`;
  const re = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(FILE, re.test(text) ? text.replace(re, section) : `${text.trimEnd()}\n\n${section}\n`);
}
