/**
 * Accuracy on the PDF and Word fixtures (test/fixtures/pdf, test/fixtures/docx), each against its gold:
 * fields right, in review, wrong auto, per file and per set, plus the time to read each file.
 * `npx tsx scripts/evaluateInputKinds.ts [files…]` (default: every fixture). Exit 1 when any auto value is wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compareWithGold } from '../src/eval/compareWithGold.ts';
import { readGoldFile } from '../src/eval/goldFile.ts';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { prepareDocumentInput } from '../src/pipeline/prepareDocumentInput.ts';

const fixtures = fileURLToPath(new URL('../test/fixtures/', import.meta.url));
const REAL_PDFS = new Set(['hongze_2023.pdf', 'hongze_2024.pdf', 'huaian_2024.pdf']);

function defaultFiles(): string[] {
  return ['pdf', 'docx'].flatMap((folder) => readdirSync(join(fixtures, folder)).filter((file) => /\.(?:pdf|docx)$/u.test(file)).sort().map((file) => join(fixtures, folder, file)));
}

interface Totals { files: number; fields: number; right: number; review: number; wrongAuto: number; ms: number }
const sets = new Map<string, Totals>();

const files = process.argv.slice(2).length > 0 ? process.argv.slice(2) : defaultFiles();
for (const file of files) {
  const name = file.split('/').pop()!;
  const gold = readGoldFile(file.replace(/([^/]+)\.(?:pdf|docx)$/u, 'gold/$1.json'));
  const started = performance.now();
  const input = await prepareDocumentInput({ name, bytes: new Uint8Array(readFileSync(file)) });
  const ms = performance.now() - started;
  const evaluation = compareWithGold(extractDocument(input).record, gold);
  const set = name.endsWith('.docx') ? 'docx (built)' : REAL_PDFS.has(name) ? 'pdf (real)' : 'pdf (printed)';
  const totals = sets.get(set) ?? { files: 0, fields: 0, right: 0, review: 0, wrongAuto: 0, ms: 0 };
  sets.set(set, { files: totals.files + 1, fields: totals.fields + evaluation.fields, right: totals.right + evaluation.correct, review: totals.review + evaluation.review, wrongAuto: totals.wrongAuto + evaluation.wrongAuto.length, ms: totals.ms + ms });
  process.stdout.write(`${name.padEnd(44)} ${evaluation.template.padEnd(9)} right ${evaluation.correct}/${evaluation.fields}  review ${evaluation.review}  wrong auto ${evaluation.wrongAuto.length}  read ${Math.round(ms)} ms\n`);
  for (const miss of evaluation.wrongAuto) process.stdout.write(`  WRONG AUTO ${miss.field}: expected ${miss.expected}, got ${miss.got}\n`);
}
let wrong = 0;
process.stdout.write('\n');
for (const [set, totals] of sets) {
  wrong += totals.wrongAuto;
  const percent = (part: number) => `${((100 * part) / Math.max(1, totals.fields)).toFixed(2)}%`;
  process.stdout.write(`${set.padEnd(14)} ${totals.files} files  right ${totals.right}/${totals.fields} (${percent(totals.right)})  review ${percent(totals.review)}  wrong auto ${totals.wrongAuto}  mean read ${Math.round(totals.ms / totals.files)} ms\n`);
}
process.exitCode = wrong > 0 ? 1 : 0;
