import { describe, expect, it } from 'vitest';
import { newFormatGolds } from '../../../../test/support/adversarialCases.ts';
import { seededRandom, type SeededRandom } from '../../../../test/support/seededRandom.ts';
import { evaluateRule } from '../../../validate/evaluateRule.ts';
import { findTemplate } from '../../../templates/registry.ts';
import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import { MappedText } from '../../../text/MappedText.ts';
import { gridRowSpecs, type GridRowSpec } from '../glued/gridRowSpecs.ts';
import { readNumberStream } from './readNumberStream.ts';
import { digitsValue, streamNumbers } from './streamNumbers.ts';

/**
 * A PDF's reading order as the fresh prints show it: each cell's number on a line of its own between blank lines,
 * row labels anywhere (before, among or after their values, column headings among the first row's values), a wide
 * number wrapped over two lines of a narrow cell, page breaks with a bare page number. The values keep the form's
 * order. Renders one section of a gold's values so.
 */
function renderStream(rows: readonly GridRowSpec[], values: ReadonlyMap<string, number>, random: SeededRandom, heading: string): string {
  const labels = rows.map((row) => row.canonical);
  const lines: string[] = [heading, '自然人', '商业企业'];
  let page = 2;
  for (const row of rows) {
    // The row's label before its values, or after them (drawn with a row-spanning cell), or among them.
    const where = random.pick(['before', 'before', 'after', 'among'] as const);
    if (where === 'before') lines.push(labels.shift() ?? '', '');
    row.fieldIds.forEach((fieldId, index) => {
      const digits = String(values.get(fieldId));
      if (digits.length >= 2 && random.chance(0.3)) {
        const cut = random.integer(1, digits.length - 1);
        lines.push(digits.slice(0, cut), digits.slice(cut), '');
      } else {
        lines.push(digits, '');
      }
      if (where === 'among' && index === 2) lines.push(labels.shift() ?? '', '');
      if (random.chance(0.02)) lines.push(String(page++), `\f${random.pick(labels.length > 0 ? labels : ['续表'])}`, '');
    });
    if (where === 'after') lines.push(labels.shift() ?? '', '');
  }
  lines.push(...labels);
  return `${lines.join('\n')}\n`;
}

function sectionValues(template: TemplateDefinition, rows: readonly GridRowSpec[], fields: Readonly<Record<string, number | null>>): Map<string, number> | undefined {
  const values = new Map<string, number>();
  for (const fieldId of rows.flatMap((row) => row.fieldIds)) {
    const value = fields[fieldId];
    if (value === null || value === undefined || !Number.isInteger(value) || value < 0) return undefined;
    values.set(fieldId, value);
  }
  const holds = template.rules
    .filter((rule) => [...rule.left, ...rule.right].every((id) => values.has(id)))
    .every((rule) => evaluateRule(rule, (id) => values.get(id)).outcome === 'pass');
  return holds ? values : undefined;
}

describe('readNumberStream', () => {
  const golds = newFormatGolds();

  for (const seed of [3, 41]) {
    it(`reads every real report's sections 三 and 四 from a scrambled reading order, never a wrong value (seed ${seed})`, () => {
      const random = seededRandom(seed);
      let sections = 0;
      let read = 0;
      for (const gold of golds) {
        const template = findTemplate(gold.template)!;
        for (const sectionId of ['三', '四'] as const) {
          const rows = gridRowSpecs(template, sectionId).filter((row) => row.virtual !== true);
          const values = sectionValues(template, rows, gold.fields);
          if (!values) continue;
          sections++;
          const text = renderStream(rows, values, random, sectionId === '三' ? '三、收到和处理政府信息公开申请情况' : '四、政府信息公开行政复议、行政诉讼情况');
          const stream = readNumberStream(MappedText.identity(text), template, [sectionId], { start: 0, end: text.length })!;
          for (const [fieldId, cell] of stream.cells) expect(cell.value, `${gold.document} ${fieldId}`).toBe(values.get(fieldId));
          if (stream.cells.size === values.size) read++;
        }
      }
      expect(sections).toBeGreaterThan(20);
      // Only a section whose numbers fit several readings (a bare page number that could be a cell) may go unread.
      expect(read / sections).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('joins a number wrapped over two lines only where the rules ask for it', () => {
    const template = findTemplate('gov-2021')!;
    const text = '四、政府信息公开行政复议、行政诉讼情况\n结果维持\n79\n\n10\n\n50\n\n52\n\n19\n1\n\n47\n\n23\n\n18\n\n43\n\n13\n1\n\n45\n\n72\n\n106\n\n53\n\n27\n6\n';
    const stream = readNumberStream(MappedText.identity(text), template, ['四'], { start: 0, end: text.length })!;
    expect(stream.readings).toBe(1);
    expect([...stream.cells.values()].map((cell) => cell.value)).toEqual([79, 10, 50, 52, 191, 47, 23, 18, 43, 131, 45, 72, 106, 53, 276]);
  });

  it('reads nothing when a number is missing or the order breaks a rule', () => {
    const template = findTemplate('gov-2021')!;
    const missing = '79\n\n10\n\n50\n\n52\n\n191\n\n47\n\n23\n\n18\n\n43\n\n131\n\n45\n\n72\n\n106\n\n53\n';
    expect(readNumberStream(MappedText.identity(missing), template, ['四'], { start: 0, end: missing.length })!.cells.size).toBe(0);
    // 总计 drawn before its parts: no order of the form reads it.
    const swapped = '191\n\n79\n\n10\n\n50\n\n52\n\n131\n\n47\n\n23\n\n18\n\n43\n\n276\n\n45\n\n72\n\n106\n\n53\n';
    expect(readNumberStream(MappedText.identity(swapped), template, ['四'], { start: 0, end: swapped.length })!.cells.size).toBe(0);
  });

  it('takes only whole pieces of digits for numbers, and leaves page footers out', () => {
    expect(streamNumbers('1.属于国家秘密 0 0\n数量3 4\n- 2 -\n第 3 页\n７\n', 0, 40).map((number) => number.text)).toEqual(['0', '0', '4', '７']);
  });

  it("counts a lone OCR'd 0 as a number (0), never as part of a number wrapped over lines", () => {
    const text = 'Ｏ ０\no\nOK 〇\n';
    const numbers = streamNumbers(text, 0, text.length);
    expect(numbers.map((number) => [number.text, digitsValue(number.text), number.ocrZero])).toEqual([
      ['Ｏ', 0, true], ['０', 0, false], ['o', 0, true], ['〇', 0, true],
    ]);
    // 四's row of five with its 总计 "1" wrapped before an OCR'd 0: "1" / "O" is no 10.
    const template = findTemplate('gov-2021')!;
    const four = '1\n0\n0\n0\n1\nO\n0\n0\n0\n0\n0\n0\n0\n0\n0\n';
    const stream = readNumberStream(MappedText.identity(four), template, ['四'], { start: 0, end: four.length })!;
    expect([...stream.cells.values()].map((cell) => cell.value)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});
