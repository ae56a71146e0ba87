import type { FieldDefinition } from '../templates/TemplateDefinition.ts';

/**
 * A field's place in its form: the printed row path and, in grid tables, the printed column path. The spec
 * writes it as one string, "section/row/sub-row × column/sub-column", but "/" also occurs inside printed
 * labels (本年增/减), so the string is split here once and every reader uses the segments.
 */
export interface FieldLabelPath {
  readonly row: readonly string[];
  readonly column: readonly string[];
}

/** The separator written between path segments in downloads: never part of a printed label. */
export const LABEL_PATH_SEPARATOR = ' › ';

/** Splits a spec label into its row and column path. */
export function fieldLabelPath(label: string): FieldLabelPath {
  const [row = '', column] = label.split(' × ');
  return { row: splitSegments(row), column: column === undefined ? [] : splitSegments(column) };
}

/**
 * Splits on "/" except where the slash is printed inside a label: a slash followed by a single character
 * that ends the segment ("增/减") belongs to the label; a path separator is followed by a longer segment (a
 * section, a row label) or by a bare section numeral, the spec's shorthand for a section already named ("三").
 */
function splitSegments(path: string): string[] {
  const segments: string[] = [];
  for (const piece of path.split('/')) {
    const previous = segments.at(-1);
    if (previous !== undefined && [...piece].length === 1 && !/^[一二三四五六七八九十\d]$/u.test(piece)) segments[segments.length - 1] = `${previous}/${piece}`;
    else segments.push(piece);
  }
  return segments.map((segment) => segment.trim()).filter((segment) => segment !== '');
}

/** The full place of a field, segments joined by LABEL_PATH_SEPARATOR and row × column. */
export function labelPathText(label: string): string {
  const path = fieldLabelPath(label);
  const row = path.row.join(LABEL_PATH_SEPARATOR);
  return path.column.length === 0 ? row : `${row} × ${path.column.join(LABEL_PATH_SEPARATOR)}`;
}

/** Printed numbering and lead-ins that say nothing about the quantity: "（二）", "1.", "三、", "其中：". */
const NUMBERING = /^(?:其中[:：]\s*|[（(][一二三四五六七八九十\d]+[)）]\s*|\d+[.．、]\s*|[一二三四五六七八九十]+、\s*)+/u;

/** A segment without its numbering and without a parenthetical counting note ("（不同渠道…计1条）"). */
export function plainSegment(segment: string): string {
  const withoutNumbering = segment.replace(NUMBERING, '');
  const withoutNote = withoutNumbering.replace(/[（(][^（）()]{6,}[)）]$/u, '');
  return withoutNote === '' ? segment : withoutNote;
}

/**
 * Short Chinese labels of a template's fields, unique within the template: the last row segment (× the last
 * column segment), with more of the path put in front, as "上级·下级", only where two fields would read alike.
 * E.g. requests.completed → "申请办结数"; a gov-2019 "本年增/减" → "行政许可·本年增/减".
 */
export function shortFieldLabels(fields: readonly FieldDefinition[], sectionOf: (fieldId: string) => string = () => ''): Map<string, string> {
  const paths = fields.map((field) => {
    const path = fieldLabelPath(field.label);
    // gov-2014 labels carry no section: the section tells 行政复议's 被依法纠错数 from 行政诉讼's.
    const section = sectionOf(field.id);
    const row = section !== '' && path.row[0] !== section ? [section, ...path.row] : path.row;
    return { id: field.id, path: { row, column: path.column } };
  });
  const depth = new Map(paths.map(({ id }) => [id, 1]));
  const render = (path: FieldLabelPath, rowDepth: number) => {
    const row = path.row.slice(-rowDepth).map(plainSegment).join('·');
    const column = path.column.length === 0 ? '' : `×${plainSegment(path.column.at(-1)!)}`;
    return row + column;
  };
  for (let round = 0; round < 8; round++) {
    const labels = new Map(paths.map(({ id, path }) => [id, render(path, depth.get(id)!)]));
    const counts = new Map<string, number>();
    for (const label of labels.values()) counts.set(label, (counts.get(label) ?? 0) + 1);
    let changed = false;
    for (const { id, path } of paths) {
      if (counts.get(labels.get(id)!)! > 1 && depth.get(id)! < path.row.length) {
        depth.set(id, depth.get(id)! + 1);
        changed = true;
      }
    }
    if (!changed) return labels;
  }
  return new Map(paths.map(({ id, path }) => [id, render(path, depth.get(id)!)]));
}

/** A label with its unit as the form prints it: "申请办结数(件)". */
export function withUnit(label: string, unit: string): string {
  return unit === '' ? label : `${label}(${unit})`;
}
