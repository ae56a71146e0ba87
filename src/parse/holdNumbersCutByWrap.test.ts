import { describe, expect, it } from 'vitest';
import { compareWithGold } from '../eval/compareWithGold.ts';
import { extractDocument } from '../pipeline/extractDocument.ts';
import { findTemplate } from '../templates/registry.ts';
import { newFormatGolds } from '../../test/support/adversarialCases.ts';
import { renderAdversarial } from '../../test/support/renderAdversarialLayouts.ts';
import { brokenVariants, cutLines } from '../../test/support/brokenVariants.ts';
import { seededRandom } from '../../test/support/seededRandom.ts';
import { numbersCutByWrapIn } from './numbersCutByWrap.ts';
import { holdNumbersCutByWrap } from './holdNumbersCutByWrap.ts';

/** Every few golds, so that the test stays quick. */
const STRIDE = 1;

describe('numbers cut by a fixed-width wrap', () => {
  it('commits no piece of a cut number: real values flattened, wrapped wherever the width falls (seeded)', () => {
    const random = seededRandom(20261207);
    const wrong: string[] = [];
    for (const [index, gold] of newFormatGolds().entries()) {
      if (index % STRIDE !== 0) continue;
      const template = findTemplate(gold.template)!;
      const flat = renderAdversarial(template, { agency: gold.meta.agency, year: gold.meta.year, fields: gold.fields }, 'one-line', index)
        .replace(/\s*\n\s*/gu, ' ');
      const width = random.integer(15, 130);
      const lines: string[] = [];
      for (let at = 0; at < flat.length; at += width) lines.push(flat.slice(at, at + width));
      const result = extractDocument({ name: `${gold.document}.wrapped.txt`, bytes: new TextEncoder().encode(lines.join('\n')) });
      for (const miss of compareWithGold(result.record, gold).wrongAuto) wrong.push(`${gold.document} (width ${width}) ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('commits no piece of a cut number in a rule-less cell: tab rows broken at a random character, inside numbers too (seeded)', () => {
    const wrong: string[] = [];
    for (const variant of brokenVariants('tab', 4812, 120, cutLines(/\t/u, (line) => line.length))) {
      const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
      for (const miss of compareWithGold(result.record, variant.gold, result.buckets).wrongAuto) wrong.push(`${variant.name} ${miss.field}: expected ${miss.expected}, got ${miss.got}`);
    }
    expect(wrong).toEqual([]);
  });

  it('holds cells a rule binds when the rule holds with their pieces put back as well', () => {
    // "13" broken to "1" / "3" in both 申请办结数 and 按时办结数: 1 = 1 + 0 and 13 = 13 + 0 alike (seed 7 tab-broken).
    const variant = [...brokenVariants('tab', 7, 169, cutLines(/\t/u, (line) => line.length))].find((candidate) => candidate.name.startsWith('0168_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
    expect(result.record.fields.find((field) => field.id === 'requests.completed')?.status).toBe('review');
  });

  it('holds a row whose cut pieces sum as its numbers do, and the row placed by order beside a cut whose rule fails', () => {
    const statusOf = (text: string, fieldId: string) => extractDocument({ name: 'cut.txt', bytes: new TextEncoder().encode(text) }).record.fields.find((field) => field.id === fieldId)?.status;
    // "93 |" and "106 |" broken after a digit: 9 + 3 + 10 + 6 = 28 holds as 93 + 106 + 27 + 28 = 254 does (seed 141).
    const variant = [...brokenVariants('pipe-broken', 142, 5, cutLines(/\|/u, (line) => line.indexOf('|')))].find((candidate) => candidate.name.startsWith('0004_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
    expect(statusOf(variant.text, 'reconsideration.total')).toBe('review');
    // "19 0 0 0 11 3" / "0": 30 cut in two, six values read as seven; the blank cell took a 0 (seed 135, wrapped-flat).
    const gold = newFormatGolds().find((candidate) => candidate.document.startsWith('s68_'))!;
    const template = findTemplate(gold.template)!;
    const flat = renderAdversarial(template, { agency: gold.meta.agency, year: gold.meta.year, fields: gold.fields }, 'one-line', 135 + newFormatGolds().indexOf(gold)).replace(/\s*\n\s*/gu, ' ');
    const lines: string[] = [];
    for (let at = 0; at < flat.length; at += 118) lines.push(flat.slice(at, at + 118));
    const wrapped = extractDocument({ name: 's68.wrapped.txt', bytes: new TextEncoder().encode(lines.join('\n')) });
    expect(compareWithGold(wrapped.record, gold).wrongAuto).toEqual([]);
  });

  it('takes a digit an OCR read as a letter for a piece of a cut number', () => {
    const text = (cut: string) => `二、主动公开政府信息情况\n第二十条第（八）项\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t${cut}\n`;
    const cutAt = numbersCutByWrapIn(text('I\n39.2'), true);
    const letterEnds = text('I\n39.2').indexOf('\tI') + 1;
    expect(cutAt(letterEnds, letterEnds + 1)).toBe(true);
    const opens = text('36.745\nI |');
    expect(numbersCutByWrapIn(opens, true)(opens.indexOf('36.745'), opens.indexOf('36.745') + 6)).toBe(true);
  });

  it('holds a value the next line goes on from with a thousands group, whatever its rules (",972": seed 249 pipe-broken-cut)', () => {
    // 网络申请数 left unread ("29,96" / "2"), the rule through 收到申请数 checked nothing: 29 was committed for 29972.
    const variant = [...brokenVariants('pipe-broken', 250, 180, cutLines(/\|/u, (line) => line.indexOf('|')))].find((candidate) => candidate.name.startsWith('0179_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
    const held = holdNumbersCutByWrap(new Map([['a', { fieldId: 'a', raw: '29', value: 29, start: 9, end: 11, method: 'table' as const, layout: 'cell-per-line', labelScore: 1, repairs: [], ambiguous: false, notes: [] }]]), '（一）收到申请数\n29\n,972 |\n', [], new Map());
    expect(held.get('a')!.ambiguous).toBe(true);
  });

  it('holds the cells of a broken tab row read on the line after the cut, its rule failing (seed 277 tab-broken)', () => {
    // "（二）部分公开（…）\t1" / "2\t0\t0\t\t0\t0\t12": 1 | 2 | 0 | 0 | 0 | 0 | 12, 0 committed in the blank cell.
    const variant = [...brokenVariants('tab', 277, 8, cutLines(/\t/u, (line) => line.length))].find((candidate) => candidate.name.startsWith('0007_'))!;
    const result = extractDocument({ name: variant.name, bytes: new TextEncoder().encode(variant.text) });
    expect(compareWithGold(result.record, variant.gold, result.buckets).wrongAuto).toEqual([]);
  });
});
