import type { TemplateId } from '../../record/ExtractionRecord.ts';

/** What a cell of a printed table holds. */
export type CellRole = 'title' | 'header' | 'label' | 'unit' | 'value';

/**
 * A cell as the form prints it. Value cells carry their field and value so transformations can print the
 * number differently (元, units, OCR letters) without losing what it stands for.
 */
export interface FormCell {
  readonly text: string;
  readonly role: CellRole;
  readonly field?: string;
  /** The gold value of a value cell (null = blank). */
  readonly value?: number | null;
  /** 万元 amount cells (the unit the dataset stores them in). */
  readonly amount?: boolean;
  readonly colspan?: number;
  readonly rowspan?: number;
}

/** A printed row: its cells in order (cells covered by a rowspan from above are absent, HTML-style). */
export interface FormRow {
  readonly cells: readonly FormCell[];
  /** A header row of the table (repeated after a page break). */
  readonly header: boolean;
  /** The text of a merged group label printed on an earlier row that also covers this one (tab copies leave its cell empty or repeat it). */
  readonly coveredBy?: string;
}

/** A table of the form: the section it belongs to (二, 三, 四, or list for gov-2014) and its rows. */
export interface FormTable {
  readonly id: string;
  readonly section: string;
  readonly rows: readonly FormRow[];
}

/** A block of the document in reading order. */
export type FormBlock =
  | { readonly kind: 'title' | 'heading' | 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly table: FormTable };

/** A whole report as printed before any layout: title, narrative, section headings and tables. */
export interface PrintedForm {
  readonly template: Exclude<TemplateId, 'unknown'>;
  readonly agency: string;
  readonly year: number;
  readonly blocks: readonly FormBlock[];
}

/** Applies `change` to every cell of every table (the cell-level transformations). */
export function mapCells(form: PrintedForm, change: (cell: FormCell, table: FormTable) => FormCell): PrintedForm {
  return {
    ...form,
    blocks: form.blocks.map((block) => (block.kind !== 'table' ? block : {
      kind: 'table',
      table: { ...block.table, rows: block.table.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => change(cell, block.table)) })) },
    })),
  };
}

/** Applies `change` to the text of every title, heading and paragraph. */
export function mapProse(form: PrintedForm, change: (text: string) => string): PrintedForm {
  return { ...form, blocks: form.blocks.map((block) => (block.kind === 'table' ? block : { ...block, text: change(block.text) })) };
}
