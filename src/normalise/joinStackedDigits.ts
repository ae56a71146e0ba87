import { MappedText } from '../text/MappedText.ts';
import { columnMetric, displayWidth, MAX_LINE, type ColumnMetric } from './columnMetric.ts';

/**
 * Joins the digits of numbers a printed table wrapped inside a narrow cell, in text laid out by display columns
 * (`pdftotext -layout`): a cell too narrow for "2985" prints it a few digits a line, and the row's one-line cells
 * stand on the middle line between them:
 *
 *                          2                     2
 *                          9                     9
 *     一、本年新收政府信息…          0   0   0   0   0
 *                          8                     8
 *                          5                     5
 *
 * Each column of digits that runs over consecutive lines above and below such a row line is written whole on the
 * row line, at its column, and taken off the lines around it ("2985 0 0 0 0 0 2985"); every digit keeps its own
 * place in the original, so the value's evidence spans the lines it was printed over.
 *
 * Only where nothing else explains the shape: a column takes as many lines above the row line as below (further
 * out stand the neighbouring rows' own wrapped numbers), every number on those lines must be part of a column, those
 * lines hold fewer numbers than the row line's values (a single value's pieces stand alone on their lines), and
 * words on them stand left of the row line's label (a row group's label wrapped down the side, "三、本 / 年度办 /
 * 理结果"), make the row's own label wrapped around a row line that holds values only ("（二）部分公开（区分…不 15 /
 * 0 0 0 0 0 / 计其他情形） 28"), or continue its label on the line below. A row line printing its label alone takes
 * digits-only lines right of it ("1 / 行政许可 / 3" for 13). A line holding a row of its own (its label over the row
 * line's, or as many numbers) is left alone, and so is a column of digits that does not reach both above and below
 * the row line (a cell wraps around the middle of its row). Columns are measured in the text's metric (columnMetric).
 */
export function joinStackedDigits(view: MappedText): MappedText {
  const text = view.text;
  // Only text laid out in display columns: a tab, pipe or HTML cell is never wrapped by pdftotext -layout.
  if (!text.includes('   ')) return view;
  const lines = splitLines(text);
  const metric = columnMetric(text);
  const joins: Join[] = [];
  const used = new Set<number>();
  // Rows whose every cell wrapped first: their middle line is one of numbers only, and a line of their cells' other
  // digits, taken for a row line, would join the pieces around it of the cells longer still.
  for (const gappedOnly of [true, false]) {
    for (let index = 0; index < lines.length; index++) {
      if (used.has(index)) continue;
      const join = stackAround(lines, index, used, metric, gappedOnly);
      if (!join) continue;
      joins.push(join);
      for (const lineIndex of join.lines) used.add(lineIndex);
    }
  }
  if (joins.length === 0) return view;
  return rewrite(view, lines, joins);
}

interface Line {
  readonly start: number;
  readonly text: string;
  readonly words: readonly Word[];
  /** Form feeds opening the line (pdftotext starts a page's first line with one): they take no column. */
  readonly feed: number;
  /** The line break after the line as printed (LF, CR LF or a bare CR; empty after the last line). */
  readonly lineBreak: string;
}

interface Word {
  /** Character offsets on the line. */
  readonly x: number;
  readonly end: number;
  /** Columns in characters (pdftotext -layout: one character a grid cell, whatever its width), form feeds opening the line not counted. */
  readonly column: number;
  readonly columnEnd: number;
  /** Display columns (CJK two wide: text laid out by tools that measure so). */
  readonly displayX: number;
  readonly displayEnd: number;
  readonly text: string;
  readonly digits: boolean;
}

interface Span {
  readonly x: number;
  readonly end: number;
}

/** A word's span in a metric. */
function spanOf(word: Word, metric: ColumnMetric): Span {
  return metric === 'chars' ? { x: word.column, end: word.columnEnd } : { x: word.displayX, end: word.displayEnd };
}

/** The digits of one stacked column, top to bottom: where each stands (line index and word). */
interface StackedColumn {
  readonly pieces: readonly { readonly line: number; readonly word: Word }[];
  /** The row line's own word in the column, if the row line held part of the number. */
  readonly own: Word | undefined;
}

interface Join {
  readonly row: number;
  readonly lines: readonly number[];
  readonly columns: readonly StackedColumn[];
  /** Where each column's joined number is written on the row line (character offsets). */
  readonly placements: readonly number[];
}


function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  // Any line break: converters end lines with LF, CR LF or a bare CR.
  for (const match of text.matchAll(/([^\r\n]*)(\r\n|\r|\n|$)/gu)) {
    const lineText = match[1]!;
    const lineBreak = match[2]!;
    if (lineText === '' && lineBreak === '' && match.index === text.length && lines.length > 0) break;
    const words: Word[] = [];
    const feed = /^\f*/u.exec(lineText)![0].length;
    // A line of a drawn or piped table keeps its cells between bars: no number of it is wrapped a digit a line.
    if (lineText.length <= MAX_LINE && !CELL_BARS.test(lineText)) {
      let displayX = 0;
      let charX = feed;
      for (const match of lineText.matchAll(/\S+/gu)) {
        displayX += displayWidth(lineText.slice(charX, match.index));
        const width = displayWidth(match[0]);
        words.push({
          x: match.index, end: match.index + match[0].length, column: match.index - feed, columnEnd: match.index + match[0].length - feed,
          displayX, displayEnd: displayX + width, text: match[0], digits: /^[0-9０-９]+$/u.test(match[0]),
        });
        displayX += width;
        charX = match.index + match[0].length;
      }
    }
    lines.push({ start, text: lineText, words, feed, lineBreak });
    start += lineText.length + lineBreak.length;
    if (lineBreak === '') break;
  }
  return lines;
}


/**
 * The join around row line `row`, if its neighbours are the wrapped digits of some of its cells: the lines above and
 * below it up to an empty line, each holding only digits in columns that run through to the row line.
 */
function stackAround(lines: readonly Line[], row: number, used: ReadonlySet<number>, metric: ColumnMetric, gappedOnly: boolean): Join | undefined {
  const rowLine = lines[row]!;
  const rowNumbers = rowLine.words.filter((word) => word.digits);
  const rowWords = rowLine.words.filter((word) => !word.digits);
  if (rowNumbers.length === 0) return rowWords.length > 0 && !gappedOnly ? stackAroundLabel(lines, row, used, metric) : undefined;
  // A row line of values only, its label wrapped around it, prints the row's other cells: one number alone there is
  // a wrapped number's middle piece or another row's value, not a row.
  if (rowWords.length === 0 && rowNumbers.length < 2) return undefined;
  const firstValue = Math.min(...rowNumbers.map((word) => spanOf(word, metric).x));
  // The row line's values: its counts and its signed or decimal numbers ("+5", "24,328", "194.65").
  const rowValues = rowLine.words.filter((word) => word.digits || NUMBER.test(word.text)).length;
  // Where the row's label starts: its last words before the values (a group label may stand further left).
  const labelWords = rowWords.filter((word) => spanOf(word, metric).end <= firstValue);
  const labelStart = labelWords.length > 0 ? Math.max(...labelWords.map((word) => spanOf(word, metric).x)) : undefined;
  // A row line of numbers only may be the middle line of a row whose every cell wrapped (a table row with no label,
  // section 四's: "２ / ６ ５ ３ ６ / １ / ９ ０ ０ ３ / ２" for 69 50 30 63 212): its neighbours, digits only, hold
  // more numbers than it, and a cell's digits may stand a line apart, the lines between blank in its column.
  const everyCellWrapped = rowWords.length === 0 && [row - 1, row + 1].some((index) => {
    const line = lines[index];
    return line !== undefined && !used.has(index) && line.words.length > rowValues && line.words.every((word) => word.digits);
  });
  if (everyCellWrapped) {
    const digitsOnly = (index: number): boolean => {
      const line = lines[index];
      return line !== undefined && line.words.length > 0 && !used.has(index) && line.words.every((word) => word.digits);
    };
    return joinOver(lines, row, metric, digitsOnly, true);
  }
  if (gappedOnly) return undefined;
  const neighbour = (index: number): boolean => {
    const line = lines[index];
    if (!line || line.words.length === 0 || used.has(index)) return false;
    const numbers = line.words.filter((word) => word.digits);
    // Fewer numbers than the row line's values: a line with as many is a row of its own; but a row of one value
    // wraps it a piece a line, each a number alone on a line of no words, its label beside it on the row line (with
    // no label left of the value, a line "0 万元" among lone numbers is one cell per line, a value and its unit).
    if (numbers.length === 0) return false;
    const oneValueWrapped = rowValues === 1 && numbers.length === 1 && line.words.length === 1 && labelStart !== undefined;
    if (numbers.length >= rowValues && !oneValueWrapped) return false;
    // Words beside wrapped digits: a group label down the side, left of the row's label, the row's own label wrapped
    // around a row line of values only, or its label's next line below it, where the label starts; never words among
    // or after the values.
    return line.words.filter((word) => !word.digits).every((word) => {
      const { x, end } = spanOf(word, metric);
      if (end > firstValue) return false;
      return labelStart === undefined || end <= labelStart || (index > row && x >= labelStart && !ROW_ORDINAL.test(word.text));
    });
  };
  return joinOver(lines, row, metric, neighbour);
}

/**
 * The join around a row line that prints its label and no number: a number wrapped in an even count of pieces leaves
 * the row's middle line to the label alone ("1 / 行政许可 / 3" for 13). Its neighbours must hold digits only, right
 * of the label with a gap between (one cell per line, the values under their labels at the line's start, is not
 * this shape).
 */
function stackAroundLabel(lines: readonly Line[], row: number, used: ReadonlySet<number>, metric: ColumnMetric): Join | undefined {
  const labelEnd = Math.max(...lines[row]!.words.map((word) => spanOf(word, metric).end));
  const neighbour = (index: number): boolean => {
    const line = lines[index];
    if (!line || line.words.length === 0 || used.has(index)) return false;
    return line.words.every((word) => word.digits && spanOf(word, metric).x >= labelEnd + LABEL_GAP);
  };
  return joinOver(lines, row, metric, neighbour);
}

/**
 * A number as a cell prints it, signed or with separators ("+5", "-3", "24,328", "194.65"), or with OCR letters for
 * digits ("O", "l11"): a row line's values, which its wrapped neighbours hold fewer of.
 */
const NUMBER = /^[+\-−]?[0-9０-９OoIl〇][0-9０-９OoIl〇,，.．]*$/u;
/** Bars between a table's cells, as typed or drawn (box drawing is folded to "|" only after this stage). */
const CELL_BARS = /[|｜│┃║┆┇┊┋]/u;

/** A row label's ordinal ("2.", "（三）", "四、"): a line opening so is a row, not a label's next line. */
const ROW_ORDINAL = /^(?:[0-9０-９]{1,2}[.．、]|[（(][一二三四五六七八九十]{1,3}[）)]|[一二三四五六七八九十]{1,3}、)/u;

/** Spaces at least between a row's label and a number wrapped beside it (pdftotext -layout keeps cells apart). */
const LABEL_GAP = 2;

/** The join of the row line with the lines around it that `neighbour` admits, if their digits stack through it. */
function joinOver(lines: readonly Line[], row: number, metric: ColumnMetric, neighbour: (index: number) => boolean, gapped = false): Join | undefined {
  const rowLine = lines[row]!;
  const above: number[] = [];
  for (let index = row - 1; neighbour(index); index--) above.unshift(index);
  const below: number[] = [];
  for (let index = row + 1; neighbour(index); index++) below.push(index);
  if (above.length === 0 || below.length === 0) return undefined;
  const stack = stackedColumns(lines, row, above, below, metric, gapped);
  if (!stack) return undefined;
  const { columns } = stack;
  // Every joined number must find room on the row line.
  const placements = columns.map((column) => placementOf(rowLine, column, metric));
  if (placements.some((from) => from === undefined)) return undefined;
  // …and joined numbers side by side must keep a space between them.
  const placed = columns.map((column, index) => ({ from: placements[index]!, length: column.pieces.reduce((sum, piece) => sum + piece.word.text.length, 0) }))
    .sort((a, b) => a.from - b.from);
  if (placed.some((entry, index) => index > 0 && entry.from < placed[index - 1]!.from + placed[index - 1]!.length + 1)) return undefined;
  return { row, lines: stack.lines, columns, placements: placements as number[] };
}

/**
 * The columns of digits through the row line. A cell wraps around its row's middle line, as many pieces above it as
 * below (the middle piece on it when their count is odd): a column takes as many lines on each side as it has on
 * both, nearest first, and what stands further out belongs to the rows around (their own wrapped numbers, run on
 * with no empty line between). Every number of the lines so taken must belong to a column, and every column must
 * reach both above and below; otherwise undefined (another row's value, a row line word other than the number's
 * own in a column).
 */
function stackedColumns(
  lines: readonly Line[], row: number, above: readonly number[], below: readonly number[], metric: ColumnMetric, gapped: boolean,
): { readonly columns: StackedColumn[]; readonly lines: number[] } | undefined {
  const outward = [...above].reverse();
  const found: { pieces: { line: number; word: Word }[]; own: Word | undefined }[] = [];
  // Columns start at the digits of the nearest line above; with `gapped` (every cell of the row wrapped, a cell's
  // digits a line apart), at those of any line above not yet in a column.
  const seeds = (gapped ? outward : outward.slice(0, 1)).flatMap((index) => lines[index]!.words.filter((word) => word.digits));
  for (const seed of seeds) {
    const span = spanOf(seed, metric);
    if (found.some((column) => column.pieces.some((piece) => overlaps(spanOf(piece.word, metric), span)))) continue;
    const run = (side: readonly number[]) => {
      const pieces: { line: number; word: Word }[] = [];
      for (const index of side) {
        const word = onlyDigitsOver(lines[index]!, span, metric);
        // (Gapped: a line with nothing in the column is passed over.)
        if (!word && gapped && !lines[index]!.words.some((other) => overlaps(spanOf(other, metric), span))) continue;
        if (!word) break;
        pieces.push({ line: index, word });
      }
      return pieces;
    };
    const up = run(outward);
    const down = run(below);
    const depth = Math.min(up.length, down.length);
    if (depth === 0) return undefined;
    // The row line's own digits of the number stand exactly in the column (its middle digit, "7 / 5 / 9").
    const ownOver = onlyDigitsOver(lines[row]!, span, metric);
    const ownSpan = ownOver ? spanOf(ownOver, metric) : undefined;
    const own = ownOver && ownSpan && (ownSpan.x === span.x || ownSpan.end === span.end) ? ownOver : undefined;
    if (lines[row]!.words.some((word) => word !== own && overlaps(spanOf(word, metric), span))) return undefined;
    found.push({ pieces: [...up.slice(0, depth).reverse(), ...(own ? [{ line: row, word: own }] : []), ...down.slice(0, depth)], own });
  }
  if (found.length === 0) return undefined;
  // The lines taken: from the columns' outermost pieces above to their outermost below.
  const top = Math.min(...found.map((column) => column.pieces[0]!.line));
  const bottom = Math.max(...found.map((column) => column.pieces[column.pieces.length - 1]!.line));
  const taken = [...above.filter((index) => index >= top), ...below.filter((index) => index <= bottom)];
  const claimed = new Set(found.flatMap((column) => column.pieces.map((piece) => piece.word)));
  // Every number on every line taken belongs to some column.
  for (const index of taken) {
    if (lines[index]!.words.some((word) => word.digits && !claimed.has(word))) return undefined;
  }
  return { columns: found, lines: [...above.filter((index) => index >= top), row, ...below.filter((index) => index <= bottom)] };
}

function overlaps(a: Span, b: Span): boolean {
  return a.x < b.end && b.x < a.end;
}

/** The one word of a line over a column's span, if the line holds exactly one word there and it is digits. */
function onlyDigitsOver(line: Line, span: Span, metric: ColumnMetric): Word | undefined {
  const over = line.words.filter((word) => overlaps(spanOf(word, metric), span));
  return over.length === 1 && over[0]!.digits ? over[0] : undefined;
}

/**
 * Writes the joined numbers on their row lines and blanks their pieces elsewhere; every other character keeps its
 * place on its line, and each digit of a joined number keeps its own original offset. A joined number is written
 * over its column, moved left as far as it must to keep a space before the row line's next word; a row line too
 * short for it is lengthened with spaces (mapped to the line's end).
 */
function rewrite(view: MappedText, lines: readonly Line[], joins: readonly Join[]): MappedText {
  type Cell = { char: string; start: number; end: number };
  const lineCells: Cell[][] = lines.map((line) => Array.from({ length: line.text.length }, (_, offset) => ({
    char: line.text[offset]!, start: view.originStart[line.start + offset]!, end: view.originEnd[line.start + offset]!,
  })));
  for (const join of joins) {
    const rowLine = lines[join.row]!;
    const rowCells = lineCells[join.row]!;
    join.columns.forEach((column, index) => {
      const digits: Cell[] = [];
      for (const piece of column.pieces) {
        const cells = lineCells[piece.line]!;
        for (let offset = piece.word.x; offset < piece.word.end; offset++) {
          digits.push({ ...cells[offset]! });
          cells[offset] = { ...cells[offset]!, char: ' ' };
        }
      }
      const from = join.placements[index]!;
      const lineEnd = rowLine.start + rowLine.text.length;
      const atEnd = view.originStart[lineEnd] ?? view.originalLength;
      while (rowCells.length < from + digits.length) rowCells.push({ char: ' ', start: atEnd, end: atEnd });
      digits.forEach((digit, offset) => { rowCells[from + offset] = digit; });
    });
  }
  const total = lineCells.reduce((sum, cells, index) => sum + cells.length + lines[index]!.lineBreak.length, 0);
  const starts = new Int32Array(total);
  const ends = new Int32Array(total);
  const parts: string[] = [];
  let at = 0;
  lineCells.forEach((cells, index) => {
    for (const cell of cells) {
      starts[at] = cell.start;
      ends[at] = cell.end;
      parts.push(cell.char);
      at++;
    }
    // The line break after the line keeps its own characters and place.
    const line = lines[index]!;
    for (let offset = 0; offset < line.lineBreak.length; offset++) {
      const from = line.start + line.text.length + offset;
      starts[at] = view.originStart[from]!;
      ends[at] = view.originEnd[from]!;
      parts.push(line.lineBreak[offset]!);
      at++;
    }
  });
  return new MappedText(parts.join(''), starts, ends, view.originalLength);
}

/**
 * Where a joined number goes on its row line, as a character offset: over its column, moved left as far as it must
 * to keep a space before the line's next word; undefined when that would run it into the word before. Measured in
 * the join's metric, the room before the next word is the same in characters (the number and the spaces are one
 * column each).
 */
function placementOf(rowLine: Line, column: StackedColumn, metric: ColumnMetric): number | undefined {
  const length = column.pieces.reduce((sum, piece) => sum + piece.word.text.length, 0);
  const x = Math.min(...column.pieces.map((piece) => spanOf(piece.word, metric).x));
  const others = rowLine.words.filter((word) => word !== column.own);
  const next = others.find((word) => spanOf(word, metric).x > x);
  const previous = [...others].reverse().find((word) => spanOf(word, metric).end <= x);
  // In characters: the previous word's end plus the spaces up to the column.
  const base = previous ? previous.end + (x - spanOf(previous, metric).end) : x + rowLine.feed;
  const from = next && base + length > next.x - 1 ? next.x - 1 - length : base;
  return previous && from < previous.end + 1 ? undefined : from;
}
