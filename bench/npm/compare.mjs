// Runs the labelled evaluation set through Reilu's engine (the `reilu redact` CLI) and two npm
// packages, `redact-pii` (all kinds) and `compromise` (person names), and prints recall per type
// and throughput side by side. Recall here is one rule for every tool: a gold span counts as
// caught when its text no longer appears in the tool's output.
//   node compare.mjs EVAL.jsonl REILU_BINARY [REILU_MB_PER_S] [REDACT_BENCH_OUTPUT]
// With the output of bench/redact for the same set, redact-pii also runs on the documents of
// 10 KB, 100 KB and 1 MB that bench/redact built (the set's Finnish letters joined), and both
// tools' MB/s at each size are printed side by side with their ratio.
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SyncRedactor } = require('redact-pii');
const nlp = require('compromise');

const [evalPath, reiluBinary, reiluMbps, redactBenchOutput] = process.argv.slice(2);
const docs = readFileSync(evalPath, 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((l) => JSON.parse(l));
const totalBytes = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0);

function bytesSlice(text, start, end) {
  return Buffer.from(text).subarray(start, end).toString();
}

// Caught per type for a function doc -> redacted text.
function score(redact) {
  const caught = {};
  const total = {};
  for (const doc of docs) {
    const out = redact(doc);
    for (const s of doc.spans) {
      total[s.type] = (total[s.type] ?? 0) + 1;
      if (!out.includes(bytesSlice(doc.text, s.start, s.end))) caught[s.type] = (caught[s.type] ?? 0) + 1;
    }
  }
  return { caught, total };
}

// MB/s on one core: repeat the whole set until a second has passed.
function throughput(fn) {
  const start = process.hrtime.bigint();
  let rounds = 0;
  let elapsed = 0;
  while (elapsed < 1e9) {
    for (const d of docs) fn(d);
    rounds++;
    elapsed = Number(process.hrtime.bigint() - start);
  }
  return (totalBytes * rounds) / (elapsed / 1e9) / 1e6;
}

const redactor = new SyncRedactor();
const redactPii = (d) => redactor.redact(d.text);
const compromisePeople = (d) => {
  let out = d.text;
  for (const person of nlp(d.text).people().out('array')) out = out.split(person).join('[PERSON]');
  return out;
};
const reilu = (d) => {
  const args = ['redact', '--lang', d.lang];
  for (const name of d.names ?? []) args.push('--name', name);
  const r = spawnSync(reiluBinary, args, { input: d.text, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`reilu redact failed: ${r.stderr}`);
  return JSON.parse(r.stdout).redacted;
};

const rows = [
  ['reilu', score(reilu), reiluMbps ? Number(reiluMbps) : NaN],
  ['redact-pii', score(redactPii), throughput(redactPii)],
  ['compromise (names only)', score(compromisePeople), throughput(compromisePeople)],
];
const types = [...new Set(docs.flatMap((d) => d.spans.map((s) => s.type)))].sort();
const pct = (r, t) => (r.total[t] ? `${((100 * (r.caught[t] ?? 0)) / r.total[t]).toFixed(1)}%` : '-');
console.log(`${docs.length} documents, ${totalBytes} bytes; recall = share of gold spans whose text is gone from the output`);
console.log(['type'.padEnd(12), ...rows.map(([name]) => name.padStart(24))].join(''));
for (const t of types) console.log([t.padEnd(12), ...rows.map(([, r]) => pct(r, t).padStart(24))].join(''));
console.log(['MB/s'.padEnd(12), ...rows.map(([, , mbps]) => (Number.isNaN(mbps) ? '-' : mbps.toFixed(2)).padStart(24))].join(''));

// Document sizes: the same bytes bench/redact measures (see bench/redact.cc: Finnish letters joined
// by blank lines, repeated, cut at the size).
if (redactBenchOutput) {
  const reiluAt = {};
  for (const line of readFileSync(redactBenchOutput, 'utf8').split('\n')) {
    const m = /^throughput at +(\d+) bytes: ([\d.]+) MB\/s/.exec(line);
    if (m) reiluAt[m[1]] = Number(m[2]);
  }
  const joined = Buffer.from(
    docs
      .filter((d) => d.lang === 'fi')
      .map((d) => `${d.text}\n\n`)
      .join(''),
  );
  if (joined.length > 0) {
    console.log(['size'.padEnd(12), 'reilu MB/s'.padStart(14), 'redact-pii MB/s'.padStart(17), 'ratio'.padStart(8)].join(''));
    for (const size of [10000, 100000, 1000000]) {
      const parts = [];
      for (let n = 0; n < size; n += joined.length) parts.push(joined);
      // Cut at a character boundary, as a document would end.
      const doc = Buffer.concat(parts).subarray(0, size).toString('utf8').replace(/\uFFFD$/, '');
      const start = process.hrtime.bigint();
      let done = 0;
      let elapsed = 0;
      while (done < 2 * size || elapsed < 0.5e9) {
        redactor.redact(doc);
        done += size;
        elapsed = Number(process.hrtime.bigint() - start);
      }
      const peer = done / (elapsed / 1e9) / 1e6;
      const ours = reiluAt[String(size)];
      console.log(
        [
          String(size).padEnd(12),
          (ours ? ours.toFixed(2) : '-').padStart(14),
          peer.toFixed(2).padStart(17),
          (ours ? `${(ours / peer).toFixed(1)}x` : '-').padStart(8),
        ].join(''),
      );
    }
  }
}
