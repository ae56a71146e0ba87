import { describe, expect, it } from 'vitest';
import { findGridSections } from '../grid/findGridSections.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { solveSection } from './solveSection.ts';
import { createRandom, integer } from '../../eval/garble/random.ts';

const units = new Map(gov2019.fields.map((field) => [field.id, field.unit]));
const tables = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const skeleton = sectionSkeleton(gov2019, tables);
const header = '三、收到和处理政府信息公开申请情况 （本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） 申请人情况 自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计';
/** Group headings the form prints before a row's own label. */
const HEADINGS: Readonly<Record<string, string>> = {
  granted: '三、本年度办理结果 ',
  deniedStateSecret: '（三）不予公开 ',
  unableNotHeld: '（四）无法提供 ',
  notProcessedComplaint: '（五）不予处理 ',
};
const LAYOUTS = ['one line', 'a row a line', 'tab cells'] as const;

/** A random section 三 whose rows add up, one to three rows' labels replaced by words no label matches, or left out. */
function sectionWithDamagedLabel(seed: number, layout: (typeof LAYOUTS)[number], blankInDamagedRow = false) {
  const random = createRandom(seed);
  // One to three consecutive rows, none the first or last.
  const damagedCount = integer(random, 1, 3);
  const damaged = integer(random, 1, skeleton.length - 1 - damagedCount);
  const isDamaged = (index: number) => index >= damaged && index < damaged + damagedCount;
  const truth = new Map<string, number | null>();
  const lines = skeleton.map((row, index) => {
    const parts = row.fieldIds.slice(0, -1).map(() => (random() < 0.5 ? 0 : integer(random, 1, 60)));
    const values: (number | null)[] = [...parts, parts.reduce((sum, value) => sum + value, 0)];
    // A blank printed as nothing at all (no cell boundary, no gap): the row is a value short.
    if (blankInDamagedRow && isDamaged(index) && random() < 0.7) values[integer(random, 0, values.length - 2)] = null;
    row.fieldIds.forEach((fieldId, cell) => truth.set(fieldId, values[cell]!));
    // The damage may spare the ordinal ("3.▇▇▇"), which is then no value of either row, or leave no word at all (a
    // PDF drew the label cell elsewhere).
    const damage = random() < 0.25 ? '' : `${row.ordinal && random() < 0.5 ? `${row.ordinal}.` : ''}▇▇▇ ▇▇`;
    const label = isDamaged(index) ? damage : row.row.labels[0]!;
    const printed = values.filter((value) => value !== null).map(String);
    const heading = HEADINGS[row.row.key] ?? '';
    return layout === 'tab cells' ? `${heading}${label}\t${printed.join('\t')}\t` : `${heading}${label} ${printed.join(' ')}`;
  });
  const separator = layout === 'one line' ? ' ' : '\n';
  const text = `${header}${separator}${lines.join(separator)}\n四、政府信息公开行政复议、行政诉讼情况`;
  const view = MappedText.identity(text);
  const cells = solveSection(view, gov2019, tables, findGridSections(text)['三']!, units).cells;
  return { cells, truth, damagedRows: skeleton.slice(damaged, damaged + damagedCount) };
}

describe('inferSkippedAnchors', () => {
  it('reads rows whose labels are damaged past recognition from the run before them, in every layout (property)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const layout of LAYOUTS) {
        const { cells, truth, damagedRows } = sectionWithDamagedLabel(seed, layout);
        for (const [fieldId, value] of truth) {
          const cell = cells.get(fieldId);
          if (cell && !cell.ambiguous) expect(cell.value, `seed ${seed} ${layout} ${fieldId}`).toBe(value);
        }
        for (const fieldId of damagedRows.flatMap((row) => row.fieldIds)) {
          const cell = cells.get(fieldId);
          expect(cell?.value, `seed ${seed} ${layout} ${fieldId}`).toBe(truth.get(fieldId));
          expect(cell?.support?.shareOfRun, `seed ${seed} ${layout} ${fieldId}`).toBe(true);
          expect(cell?.labelScore).toBe(0);
        }
      }
    }
  });

  it('never reads a wrong value when the unrecognised row printed a value short (property)', () => {
    for (let seed = 1; seed <= 40; seed++) {
      for (const layout of ['one line', 'a row a line'] as const) {
        const { cells, truth } = sectionWithDamagedLabel(seed, layout, true);
        for (const [fieldId, value] of truth) {
          const cell = cells.get(fieldId);
          if (cell && !cell.ambiguous && cell.value !== null) expect(cell.value, `seed ${seed} ${layout} ${fieldId}`).toBe(value);
        }
      }
    }
  });

  it('marks the cells of a row counted off before rows not anchored, whose values they may be', () => {
    // 4.保护第三方合法权益 and 6.属于四类过程性信息 printed blank, the labels of 5. and 6. lost with nothing left: "2 0 0 0 0 0 2"
    // is row 4's or row 5's or row 6's, and the count fits each.
    const rows = skeleton.map((row) => {
      const label = row.row.key === 'deniedInternalAffairs' || row.row.key === 'deniedProcessInfo' ? '' : row.row.labels[0]!;
      const values = row.row.key === 'deniedThirdParty' || row.row.key === 'deniedProcessInfo' ? '' : row.row.key === 'deniedInternalAffairs' ? '2 0 0 0 0 0 2' : '0 0 0 0 0 0 0';
      return `${HEADINGS[row.row.key] ?? ''}${label} ${values}`.trim();
    });
    const text = `${header} ${rows.join(' ')}\n四、政府信息公开行政复议、行政诉讼情况`;
    const cells = solveSection(MappedText.identity(text), gov2019, tables, findGridSections(text)['三']!, units).cells;
    const cell = cells.get('applications.deniedThirdParty.naturalPerson');
    expect(cell?.value).toBe(2);
    expect(cell?.support?.beforeSkipped).toBe(true);
    expect(cells.get('applications.deniedStateSecret.naturalPerson')?.support?.beforeSkipped).toBeUndefined();
  });
});
