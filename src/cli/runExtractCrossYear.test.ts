import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ExtractionRecord } from '../record/ExtractionRecord.ts';
import { runExtract } from './runExtract.ts';

const wild = (name: string) => fileURLToPath(new URL(`../../test/fixtures/wild/${name}.txt`, import.meta.url));

async function extract(files: readonly string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runExtract(['--json', ...files], { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: (chunk: string) => (stderr += chunk) } });
  return { code, stderr, records: stdout.split('\n').filter((line) => line.length > 0).map((line) => JSON.parse(line) as ExtractionRecord) };
}

const settledFields = (record: ExtractionRecord) =>
  record.fields.filter((field) => field.findings?.some((finding) => finding.kind === 'cross-year-settled')).map((field) => [field.id, field.value, field.status, field.method]);

describe('extract with neighbouring years given together', () => {
  it('settles the glued run the other year decides, in argument order, and says so on stderr', async () => {
    const alone = await extract([wild('43_hebei-gxt_2022_gov2021')]);
    expect(settledFields(alone.records[0]!)).toEqual([]);
    const together = await extract([wild('44_hebei-gxt_2023_gov2021'), wild('43_hebei-gxt_2022_gov2021')]);
    expect(together.code).toBe(0);
    expect(together.records.map((record) => record.meta.year)).toEqual([2023, 2022]);
    // 规范性文件 本年制发 / 本年废止 / 现行有效 printed as one run: 2022's settled by 2023's, and 2023's by 2022's.
    expect(settledFields(together.records[1]!)).toEqual([
      ['disclosure.normativeDocs.issued', 5, 'auto', 'table'],
      ['disclosure.normativeDocs.repealed', 4, 'auto', 'table'],
      ['disclosure.normativeDocs.inForce', 26, 'auto', 'table'],
    ]);
    expect(settledFields(together.records[0]!).map(([id, value]) => [id, value])).toEqual([
      ['disclosure.normativeDocs.issued', 1], ['disclosure.normativeDocs.repealed', 1], ['disclosure.normativeDocs.inForce', 26],
    ]);
    const issue = together.records[1]!.fields.find((field) => field.id === 'disclosure.normativeDocs.issued')!.issues.find((text) => text.startsWith('settled by'));
    expect(issue).toContain('the 2023 report (44_hebei-gxt_2023_gov2021.txt)');
    expect(together.stderr).toMatch(/cross-year: \d+ chain\(s\) checked, 0 broken, \d+ not checkable; 2 of \d+ ambiguous glued row\(s\) settled/u);
  });
});
