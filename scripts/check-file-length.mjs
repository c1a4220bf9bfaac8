// Small files, one job each: a file in src/ over 300 lines must say why on its first line
// ("// Over 300 lines: <reason>"). Run by `npm run lint`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const LIMIT = 300;
const REASON = /^\/\/ Over 300 lines: \S/;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (/\.(ts|mts|cts|js|mjs)$/.test(entry.name)) yield path;
  }
}

const root = process.argv[2] ?? 'src';
const offenders = [];
for (const path of files(root)) {
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
  if (lines > LIMIT && !REASON.test(text)) offenders.push(`${path}: ${lines} lines`);
}
if (offenders.length) {
  console.error(`Files over ${LIMIT} lines without a reason on their first line ("// Over 300 lines: …"):`);
  for (const o of offenders) console.error(`  ${o}`);
  process.exit(1);
}
console.log(`file length: every file in ${root}/ is within ${LIMIT} lines or says why`);
