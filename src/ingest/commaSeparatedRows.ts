import { MappedTextBuilder, type MappedText } from '../text/MappedText.ts';

/**
 * Table rows exported as comma-separated values (a crawler's CSV slice of a report, a spreadsheet saved as text)
 * read as tab-separated cells, the way every table reader takes cells: each comma between fields becomes a tab and
 * each quote around a field a space, so every offset stays where it was ("（一）予以公开,13,0,,0" and
 * `"（一）予以公开","1,234",0` alike). Only in a text that prints at least MIN_DATA_ROWS rows of comma-separated
 * numbers, and only on lines whose fields are all short (a label, a number, a header): prose keeps its commas, and a
 * number with thousands separators in a text of no such rows ("2,985 件") is left alone.
 */
export function commaSeparatedRows(view: MappedText): MappedText {
  const text = view.text;
  if (text.indexOf(',') < 0) return view;
  const lines: { readonly fields: readonly CsvField[]; readonly dataRow: boolean }[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const fields = splitCsvLine(text, lineStart, lineEnd);
    if (fields && fields.every((field) => visibleLength(text, field) <= MAX_FIELD_LENGTH)) lines.push({ fields, dataRow: isDataRow(text, fields) });
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  if (lines.filter((line) => line.dataRow).length < MIN_DATA_ROWS) return view;
  const indexed = countsRows(text, lines);
  // Other lines (a header: "统计指标,单位,统计数") only where no comma stands between digits: prose printing
  // "共2,985件" keeps its thousands separator. (A row number's comma aside: "8,3.政务微博…,条,I987".)
  const rows = lines.filter((line) => line.dataRow || !line.fields.some((field, index) => {
    if (index === line.fields.length - 1 || (index === 0 && indexed && ROW_NUMBER.test(fieldText(text, field)))) return false;
    return /[0-9０-９]/u.test(text[field.separator - 1] ?? '') && /[0-9０-９]/u.test(text[field.separator + 1] ?? '');
  }));
  const builder = new MappedTextBuilder(view);
  let copiedTo = 0;
  const put = (at: number, character: string): void => {
    builder.copy(copiedTo, at);
    builder.replace(at, at + 1, character);
    copiedTo = at + 1;
  };
  for (const row of rows) {
    row.fields.forEach((field, index) => {
      // A row number (the index column a dataframe writes first) is no cell of the table: blanked with its comma.
      if (index === 0 && indexed && ROW_NUMBER.test(fieldText(text, field))) {
        for (let at = field.start; at < field.end; at++) put(at, ' ');
        if (row.fields.length > 1) put(field.separator, ' ');
        return;
      }
      if (field.quoted) {
        put(field.start - 1, ' ');
        // An escaped quote inside the field ("") keeps its first quote as text and loses the second to a space.
        for (const escaped of field.escapedQuotes) put(escaped, ' ');
        put(field.end, ' ');
      }
      if (index < row.fields.length - 1) put(field.separator, '\t');
    });
  }
  builder.copy(copiedTo, text.length);
  return builder.build();
}

/** Table rows (isDataRow) a text must print for its comma-separated lines to be read as cells. */
const MIN_DATA_ROWS = 2;
/** The longest field of a comma-separated row, whitespace aside: the forms' longest row label is about 70 characters. */
const MAX_FIELD_LENGTH = 80;
/**
 * A number (signed, decimal, thousands-separated, with a unit), a blank mark or nothing; or a number an OCR misread
 * ("I987", "l9", "O": letters for 1 and 0), in half-width or full-width forms alike ("－Ｉ５", "Ｏ": the text is read
 * before full-width forms are folded).
 */
const NUMERIC_FIELD = /^\s*(?:[-+－＋]?[0-9０-９][0-9０-９,.，．]*\s*(?:万元|元|件|条|个|项|次|%|％)?|[-—/／无－]?|[-+－＋]?[0-9０-９OoIl〇ＯｏＩｌ]*[0-9０-９][0-9０-９OoIl〇ＯｏＩｌ]*|[-+－＋]?[OoIl〇ＯｏＩｌ])\s*$/u;

interface CsvField {
  /** The field's content, quotes excluded. */
  readonly start: number;
  readonly end: number;
  readonly quoted: boolean;
  /** Offsets of the second quote of each "" inside a quoted field. */
  readonly escapedQuotes: readonly number[];
  /** The comma after the field (the line's end for the last field). */
  readonly separator: number;
}

/** A field's characters other than whitespace (labels spaced out, "政 府 信 息", count as printed without). */
function visibleLength(text: string, field: CsvField): number {
  let length = 0;
  for (let at = field.start; at < field.end; at++) if (!/\s/u.test(text[at]!)) length++;
  return length;
}

function fieldText(text: string, field: CsvField): string {
  return text.slice(field.start, field.end);
}

/** A row number in the first field. */
const ROW_NUMBER = /^\s*\d{1,5}\s*$/u;
/** Share of the comma-separated rows, one after the other, whose first fields count on by one, for an index column. */
const MIN_COUNTING_SHARE = 0.8;

/**
 * Whether the comma-separated rows open with a column of row numbers (a dataframe's index, "0,一、本年新收…,266,…"):
 * the first field of nearly every row is a whole number one above the row before's. Read as a cell, the next row's
 * number would stand where a row left its last cells blank.
 */
function countsRows(text: string, rows: readonly { readonly fields: readonly CsvField[] }[]): boolean {
  if (rows.length < MIN_DATA_ROWS + 1) return false;
  const numbers = rows.map((row) => {
    const first = fieldText(text, row.fields[0]!);
    return ROW_NUMBER.test(first) ? Number(first) : undefined;
  });
  let counting = 0;
  for (let index = 1; index < numbers.length; index++) {
    const before = numbers[index - 1];
    if (before !== undefined && numbers[index] === before + 1) counting++;
  }
  return counting >= MIN_COUNTING_SHARE * (rows.length - 1);
}

/** A unit printed in a column of its own (gov-2014's 统计指标,单位,统计数). */
const UNIT_FIELD = /^\s*(?:条|件|次|篇|个|项|人|万元|元|人次)\s*$/u;

/**
 * A table row: words first (its label, or a group label and its label), then only numbers, blanks and units, at
 * least one number ("三、本年度办理结果,（一）予以公开,13,0,,0,0,0,13"; "1.政府网站公开政府信息数,条,219"). Prose
 * run through a comma ("共受理申请2,985件") is not: no label of the form ends in a digit (a cell the OCR misread,
 * "l2", stands among the labels and may).
 */
function isDataRow(text: string, fields: readonly CsvField[]): boolean {
  const texts = fields.map((field) => fieldText(text, field));
  // The cells: the longest run of numbers, blanks and units the row ends with; the labels: the fields before it.
  let firstCell = texts.length;
  while (firstCell > 0 && (NUMERIC_FIELD.test(texts[firstCell - 1]!) || UNIT_FIELD.test(texts[firstCell - 1]!))) firstCell--;
  const labels = texts.slice(0, firstCell).filter((label) => label.trim() !== '');
  const cells = texts.slice(firstCell);
  if (!cells.some((cell) => /[0-9０-９]/u.test(cell))) return false;
  // A row of numbers alone (section 四's fifteen cells under its header rows), unless it reads as one number
  // with thousands separators ("12,345,678").
  if (labels.length === 0) return cells.length >= 3 && cells.slice(1).some((cell) => !/^\d{3}$/u.test(cell));
  // Numbers set apart by spaces in a label are columns aligned in spaces, their thousands separators read as commas
  // ("…申请数量        2,225     211   …   2,799").
  if (labels.some((label) => /[0-9０-９]\s+[-+]?[0-9０-９]/u.test(label))) return false;
  const last = labels[labels.length - 1]!;
  return !(/\p{Script=Han}/u.test(last) && /[0-9０-９]\s*$/u.test(last));
}

/**
 * The fields of a line as CSV reads them, or undefined when the line has no comma outside quotes or its quotes do
 * not close (then it is no CSV row). A quoted field must open at the field's start and close before a comma or the
 * line's end.
 */
function splitCsvLine(text: string, start: number, end: number): CsvField[] | undefined {
  const fields: CsvField[] = [];
  let at = start;
  let commas = 0;
  for (;;) {
    let fieldStart = at;
    while (fieldStart < end && text[fieldStart] === ' ') fieldStart++;
    if (text[fieldStart] === '"') {
      const escapedQuotes: number[] = [];
      let close = fieldStart + 1;
      for (;;) {
        if (close >= end) return undefined;
        if (text[close] === '"') {
          if (text[close + 1] === '"') {
            escapedQuotes.push(close + 1);
            close += 2;
            continue;
          }
          break;
        }
        close++;
      }
      let after = close + 1;
      while (after < end && text[after] === ' ') after++;
      if (after < end && text[after] !== ',') return undefined;
      fields.push({ start: fieldStart + 1, end: close, quoted: true, escapedQuotes, separator: after });
      if (after >= end) break;
      commas++;
      at = after + 1;
      continue;
    }
    let comma = at;
    while (comma < end && text[comma] !== ',') comma++;
    if (text.slice(at, comma).includes('"')) return undefined;
    fields.push({ start: at, end: comma, quoted: false, escapedQuotes: [], separator: comma });
    if (comma >= end) break;
    commas++;
    at = comma + 1;
  }
  return commas === 0 ? undefined : fields;
}
