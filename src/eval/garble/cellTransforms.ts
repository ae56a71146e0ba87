import { mapCells, mapProse, type FormCell, type FormRow, type PrintedForm } from './PrintedForm.ts';
import { chance, integer, pick, type Random } from './random.ts';

/**
 * Changes to the printed cells, before any layout: how numbers are printed (元 for 万元, units in the cell,
 * thousands separators, signs, blank marks) and how scanning and converters garble them (OCR letters in
 * numbers, OCR confusions in labels, full-width forms, letter-spaced labels). Each keeps the cell's field and
 * value: the gold does not change.
 */
export interface CellTransform {
  /** Name in the transformation chain, parameters in brackets. */
  readonly name: string;
  readonly apply: (form: PrintedForm, next: Random) => PrintedForm;
}

const isValue = (cell: FormCell) => cell.role === 'value';
const isWording = (cell: FormCell) => cell.role === 'label' || cell.role === 'header' || cell.role === 'title';

/** 万元 amounts printed in 元 ("91147200元"), the unit cell / header saying 元. */
export const amountsInYuan: CellTransform = {
  name: 'amount-in-yuan',
  apply: (form) => mapCells(form, (cell) => {
    if (cell.role === 'unit' && cell.text === '万元') return { ...cell, text: '元' };
    if (cell.role === 'header' && cell.text.includes('单位：万元')) return { ...cell, text: cell.text.replace('单位：万元', '单位：元') };
    if (!isValue(cell) || !cell.amount || cell.value === null || cell.value === undefined || cell.value === 0) return cell;
    return { ...cell, text: `${Number((cell.value * 10000).toFixed(2))}元` };
  }),
};

/** The unit inside amount cells ("9114.72 万元"), as HTML tables print them. */
export const unitsInCells: CellTransform = {
  name: 'units-in-cells',
  apply: (form, next) => {
    const space = chance(next, 0.5) ? ' ' : '';
    return mapCells(form, (cell) => (isValue(cell) && cell.amount && cell.text !== '' && !cell.text.endsWith('元') ? { ...cell, text: `${cell.text}${space}万元` } : cell));
  },
};

/** Counts of 1000 and more with thousands separators ("12,345"). */
export const thousandsSeparators: CellTransform = {
  name: 'thousands',
  apply: (form) => mapCells(form, (cell) => (isValue(cell) && !cell.amount && /^\d{4,}$/u.test(cell.text) ? { ...cell, text: Number(cell.text).toLocaleString('en-US') } : cell)),
};

/** 本年增/减 printed with a "+" for a gain. */
export const plusSigns: CellTransform = {
  name: 'plus-sign',
  apply: (form) => mapCells(form, (cell) => (isValue(cell) && cell.field?.endsWith('.change') && (cell.value ?? 0) > 0 ? { ...cell, text: `+${cell.text}` } : cell)),
};

/** Blank cells printed with a mark ("—", "/", "-") instead of nothing. */
export const blankMarks: CellTransform = {
  name: 'blank-mark',
  apply: (form, next) => {
    const mark = pick(next, ['—', '/', '-', '／']);
    return mapCells(form, (cell) => (isValue(cell) && cell.text === '' ? { ...cell, text: mark } : cell));
  },
};

/** Scanned numbers: 0 read as O/o, 1 read as l/I, at a rate per digit. */
export function ocrDigits(rate: number): CellTransform {
  return {
    name: `ocr-digits(${Math.round(rate * 100)}%)`,
    apply: (form, next) => mapCells(form, (cell) => (!isValue(cell) ? cell : {
      ...cell,
      text: cell.text.replace(/[01]/gu, (digit) => {
        if (!chance(next, rate)) return digit;
        return digit === '0' ? pick(next, ['O', 'O', 'o']) : pick(next, ['l', 'l', 'I']);
      }),
    })),
  };
}

/** Typical confusions of CJK OCR in the form's wording (shape neighbours). */
const CJK_CONFUSIONS: Readonly<Record<string, readonly string[]>> = {
  '申': ['甲', '由'], '未': ['末'], '已': ['己', '巳'], '人': ['入'], '日': ['曰'], '于': ['干'], '大': ['太'],
  '力': ['刀'], '市': ['巿'], '开': ['幵'], '土': ['士'], '理': ['埋'], '处': ['外'], '政': ['玫'], '请': ['清'],
  '数': ['敫'], '复': ['夏'], '议': ['义'], '讼': ['松'], '诉': ['拆'], '结': ['洁'], '果': ['杲'], '密': ['蜜'],
};

/** OCR confusions in labels and headers: each confusable character replaced at a rate. */
export function ocrLabels(rate: number): CellTransform {
  return {
    name: `ocr-labels(${Math.round(rate * 100)}%)`,
    apply: (form, next) => mapCells(form, (cell) => (!isWording(cell) ? cell : {
      ...cell,
      text: [...cell.text].map((character) => {
        const confusions = CJK_CONFUSIONS[character];
        return confusions && chance(next, rate) ? pick(next, confusions) : character;
      }).join(''),
    })),
  };
}

/** What a scan or converter leaves of a label it lost: nothing, or shapes no label is made of. */
const LOST_LABEL_TEXTS = ['', '', '□□□□', '囗口曰', '▇ ▇▇', '……'];

/**
 * Row labels lost to the scan (or drawn by a PDF where the text lost them): in one table of five or more rows, one to
 * three consecutive rows' own labels (not their group's) print as nothing or as shapes no label is made of. Rows
 * inside the table only: a lost first or last row leaves nothing on one side to tell where its values stand.
 */
export const lostLabels: CellTransform = {
  name: 'lost-labels',
  apply: (form, next) => {
    const tables = form.blocks.flatMap((block, index) => (block.kind === 'table' ? [{ block, index }] : []));
    const dataRows = (rows: readonly FormRow[]) => rows.flatMap((row, index) => (!row.header && row.cells.some(isValue) && row.cells.some((cell) => cell.role === 'label') ? [index] : []));
    const candidates = tables.filter(({ block }) => dataRows(block.table.rows).length >= 5);
    if (candidates.length === 0) return form;
    const { block, index: blockIndex } = pick(next, candidates);
    const rows = dataRows(block.table.rows);
    const count = integer(next, 1, 3);
    const first = integer(next, 1, rows.length - 1 - count);
    const lost = new Set(rows.slice(first, first + count));
    const text = pick(next, LOST_LABEL_TEXTS);
    const table = {
      ...block.table,
      rows: block.table.rows.map((row, index) => {
        if (!lost.has(index)) return row;
        // The row's own label is its last label cell; the cells before it are its group's (rowspan) labels.
        const own = row.cells.map((cell) => cell.role).lastIndexOf('label');
        return { ...row, cells: row.cells.map((cell, position) => (position === own ? { ...cell, text } : cell)) };
      }),
    };
    return { ...form, blocks: form.blocks.map((candidate, index) => (index === blockIndex ? { kind: 'table', table } : candidate)) };
  },
};

/** ASCII digits and punctuation to their full-width forms, as Word/WPS exports print them. */
export function toFullWidth(text: string): string {
  return text.replace(/[!-~]/gu, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));
}

/** Full-width forms in value cells, or in every cell and the prose. */
export function fullWidth(scope: 'values' | 'all'): CellTransform {
  return {
    name: `full-width(${scope})`,
    apply: (form) => {
      const cells = mapCells(form, (cell) => (scope === 'all' || isValue(cell) ? { ...cell, text: toFullWidth(cell.text) } : cell));
      return scope === 'all' ? mapProse(cells, toFullWidth) : cells;
    },
  };
}

/** Letter-spaced labels as PDF text and OCR give them: 结果维持 → 结 果 维 持. */
export const spacedLabels: CellTransform = {
  name: 'spaced-labels',
  apply: (form) => mapCells(form, (cell) => (!isWording(cell) ? cell : {
    ...cell, text: cell.text.replace(/([\u4e00-\u9fff（）()、：:])(?=[\u4e00-\u9fff（）()、：:])/gu, '$1 '),
  })),
};
