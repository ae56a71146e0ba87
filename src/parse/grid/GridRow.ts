/**
 * How a table row was laid out in the text it was read from. `aligned-row`: a whitespace row whose cells were
 * placed under the columns by their position on the line (pdftotext -layout), not by their count.
 */
export type GridLayout = 'tab-row' | 'pipe-row' | 'html' | 'space-row' | 'cell-per-line' | 'aligned-row';

/** One cell of a table row: its trimmed text and its span in the normalised text (empty span for a blank). */
export interface GridCell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/**
 * One table row as found in the text, before it is matched to the template: its cells in printed order
 * (leading and padding cells included, so positions line up with header rows).
 */
export interface GridRow {
  readonly cells: readonly GridCell[];
  readonly layout: GridLayout;
  /** Span of the row in the normalised text. */
  readonly start: number;
  readonly end: number;
  /** True when the row may have lost cells (an unclear line-break run, text cut off after it). */
  readonly incomplete: boolean;
  /**
   * True when the row holds a bar that is no boundary (rowsWithStrayBars): an OCR'd 1, not a boundary, and which
   * cell it belongs to is not known (rowsWithStrayBars). No cell of the row is certain.
   */
  readonly strayBars?: boolean;
  /**
   * True when the row is a line of a piped or drawn row whose label wrapped inside its cell with no rule between its
   * lines: the label's other lines (values blank) stand beside it, and which line's label the values go with is not
   * certain (markWrappedLabelLines).
   */
  readonly wrappedLabel?: true;
  /**
   * True when the row's last cell, read blank, may be a number the next line holds alone: the row ends in a tab, or in
   * a dash that may be the number's minus sign, and a number stands alone on the line after it (readGridRows'
   * brokenBeforeLoneNumber). That cell is not read.
   */
  readonly lastCellInDoubt?: true;
  /**
   * True when the row's first cell, a number, is the ordinal of a label cut right after its digits, the label's
   * punctuation and words opening the next line ("8\t0\t20\t…" / ".属于行政查询事项"): a label piece, no value.
   */
  readonly ordinalCut?: true;
  /** How the row's cells were delimited, for the reviewer ("blank cells inferred from line-break runs"). */
  readonly notes: readonly string[];
}

/** A cell that is a dash alone: a blank mark, or a minus sign whose digits a break moved to the next line ("-" / "1"). */
export const LONE_DASH = /^[-－−–—]$/u;
