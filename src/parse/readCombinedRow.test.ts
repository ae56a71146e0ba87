import { describe, expect, it } from 'vitest';
import { compareWithGold } from '../eval/compareWithGold.ts';
import { buildPrintedForm, combinedRowGold } from '../eval/garble/buildPrintedForm.ts';
import { htmlLayout } from '../eval/garble/htmlLayout.ts';
import { cellPerLineLayout, pdfReadingLayout, tabLayout } from '../eval/garble/lineLayouts.ts';
import { flatLayout } from '../eval/garble/flatLayout.ts';
import type { PrintedForm } from '../eval/garble/PrintedForm.ts';
import { createRandom } from '../eval/garble/random.ts';
import type { Rendered } from '../eval/garble/Rendered.ts';
import { loadSourceDocuments } from '../eval/garble/sourceDocuments.ts';
import { extractDocument } from '../pipeline/extractDocument.ts';
import { gov2019 } from '../templates/gov2019.ts';
import { gov2021 } from '../templates/gov2021.ts';
import { choosePrinting } from './choosePrinting.ts';

const subRows = ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'];

describe('choosePrinting', () => {
  it('chooses the combined （六） printing only when the sub-row labels are absent and 其他处理 is printed', () => {
    expect(choosePrinting(gov2021, '（五）不予处理 …（六）其他处理 0 0 0（七）总计')?.id).toBe('combined-other-row');
    expect(choosePrinting(gov2021, '（六）其他处理 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0')).toBeUndefined();
    // OCR damage to one sub-row label leaves pieces of the other.
    expect(choosePrinting(gov2021, '（六）其他处理 1.申请人无正当理由逾期不补止 2.申请人逾期未按收费通知要求缴纳费用')).toBeUndefined();
    expect(choosePrinting(gov2021, '（七）总计 四、结转下年度继续办理')).toBeUndefined();
    expect(choosePrinting(gov2019, '（六）其他处理 0 0 0')).toBeUndefined();
  });
});

const text = (rendered: Rendered) => (rendered.kind === 'text' ? rendered.text : rendered.lines.map((line) => line.text).join('\n'));
const layouts: readonly [string, (form: PrintedForm) => Rendered][] = [
  ['tab rows', (form) => tabLayout(form, 'empty')],
  ['HTML', (form) => htmlLayout(form, { spacer: true, nbsp: false }, createRandom(2))],
  ['one cell per line', (form) => cellPerLineLayout(form, false)],
  ['PDF text in column order', (form) => pdfReadingLayout(form, 12, 80, true)],
  ['one line, digits glued', (form) => flatLayout(form, { separator: '', keepGaps: false, glueOrdinals: false, pageDebris: true }, createRandom(3))],
];

describe('a gov-2021 report printing the 2019 form\'s single （六）其他处理 row', () => {
  const sources = loadSourceDocuments().filter((source) => source.template === 'gov-2021');

  it.each(layouts)('in %s: never a wrong auto value; a 0 in the combined row reads each sub-row 0 (inferred), a larger number leaves them unread', (_, layout) => {
    const wrongAuto: string[] = [];
    let zeroParts = 0;
    let zeroPartsRead = 0;
    for (const source of sources) {
      const form = buildPrintedForm(source, createRandom(5), { combinedOtherRow: true });
      const fields = combinedRowGold(source.fields);
      const record = extractDocument({ name: source.name, bytes: new TextEncoder().encode(text(layout(form))) }).record;
      const gold = { document: source.name, template: source.template, meta: { agency: null, agencyAliases: [], year: null }, fields, expectFlags: [], notes: '' };
      wrongAuto.push(...compareWithGold(record, gold).wrongAuto.map((miss) => `${source.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`));
      for (const field of record.fields) {
        if (!subRows.some((row) => field.id.startsWith(`applications.${row}.`))) continue;
        if (!(field.id in fields)) expect(field.value, `${source.name} ${field.id} cannot be known`).toBeNull();
        if (fields[field.id] !== 0) continue;
        zeroParts++;
        if (field.value === 0 && field.method === 'inferred' && field.raw === '') zeroPartsRead++;
      }
    }
    expect(wrongAuto).toEqual([]);
    expect(zeroParts).toBeGreaterThan(100);
    // Layouts that place every row read nearly all; glued digits lose a few rows to splits the rules cannot choose.
    expect(zeroPartsRead / zeroParts).toBeGreaterThan(0.8);
  }, 60_000);
});
