import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { isGongkaiError } from '../errors/GongkaiError.ts';
import type { DocumentProcessor } from '../pipeline/DocumentProcessor.ts';
import { createDeterministicProcessor } from '../pipeline/deterministicProcessor.ts';
import { resolveAgencyKey } from '../panel/agency/resolveAgencyKey.ts';
import { crossYearPass } from '../panel/crossYear/crossYearPass.ts';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';

/** Streams the CLI writes to (process streams in main; buffers in tests). */
export interface CliStreams {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
}

/**
 * `extract [--json] [--llm|--no-llm] FILE...`: one record per file in argument order (one JSON line each with
 * --json, a readable summary otherwise), printed once every file is read: files given together go through the
 * cross-year pass first (src/panel/crossYear/crossYearPass), its figures on stderr. Unreadable files print an error line on stderr after the others are
 * printed; the exit code is then 1. `processor` is what main wired (the LLM one when an endpoint is
 * configured); what the LLM did for each file goes to stderr, never to stdout.
 */
export async function runExtract(args: readonly string[], streams: CliStreams, processor: DocumentProcessor = createDeterministicProcessor()): Promise<number> {
  const json = args.includes('--json');
  const files = args.filter((argument) => !argument.startsWith('--'));
  if (files.length === 0) {
    streams.stderr.write('usage: extract [--json] FILE...\n');
    return 2;
  }
  const errors: string[] = [];
  const records: ExtractionRecord[] = [];
  for (const file of files) {
    try {
      const bytes = await readFile(file);
      const result = await processor.process({ name: basename(file), bytes });
      records.push(result.record);
      if (result.llm !== 'off') for (const message of result.messages) streams.stderr.write(`${file}: ${message}\n`);
    } catch (error) {
      const reason = isGongkaiError(error) ? `${error.code}: ${error.message}` : error instanceof Error ? error.message : String(error);
      errors.push(`error: ${file}: ${reason}\n`);
    }
  }
  // Files given together may be neighbouring years of one agency: the cross-year rules run over them (broken chains
  // warned on both reports, glued runs a neighbouring year settles read), as the store does when it holds them.
  const pass = records.length > 1 ? crossYearPass(records, (record) => resolveAgencyKey(record.meta.agency, []).key) : { records, figures: null };
  for (const record of pass.records) streams.stdout.write(json ? `${JSON.stringify(record)}\n` : summarise(record));
  if (pass.figures && pass.figures.chainsChecked + pass.figures.chainsUnchecked + pass.figures.ambiguousRows > 0) {
    const { chainsChecked, chainsBroken, chainsUnchecked, rowsSettled, ambiguousRows } = pass.figures;
    streams.stderr.write(`cross-year: ${chainsChecked} chain(s) checked, ${chainsBroken} broken, ${chainsUnchecked} not checkable; ${rowsSettled} of ${ambiguousRows} ambiguous glued row(s) settled by a neighbouring year\n`);
  }
  for (const line of errors) streams.stderr.write(line);
  return errors.length > 0 ? 1 : 0;
}

function summarise(record: ExtractionRecord): string {
  const counts = { auto: 0, review: 0, other: 0 };
  for (const field of record.fields) {
    if (field.status === 'auto') counts.auto++;
    else if (field.status === 'review') counts.review++;
    else counts.other++;
  }
  const lines = [
    `${record.document}  ${record.template}  ${record.meta.agency ?? '(agency unknown)'}  ${record.meta.year ?? '(year unknown)'}`,
    `  fields: ${record.fields.length}  auto: ${counts.auto}  review: ${counts.review}`,
  ];
  for (const field of record.fields) {
    if (field.status !== 'review') continue;
    lines.push(`  review ${field.id} = ${field.value === null ? 'blank' : field.value}  raw "${field.raw}"  ${field.issues.join('; ')}`);
  }
  return `${lines.join('\n')}\n`;
}
