import type { MappedText } from '../../text/MappedText.ts';
import type { CellReading, SectionReading } from '../ParseResult.ts';
import type { ListRowPattern } from './compileListRows.ts';

/** Where a row was found in the normalised text, if it was. */
export interface RowSpan {
  readonly start: number;
  readonly end: number;
}

/**
 * One SectionReading per block of the form (the rows from one "一、"-style heading to the next): its span in
 * the original text (from its first row found to the end of its last), its fields, and `resolved` = every
 * field read, none ambiguous. A block with no row found has an empty span where the table stands.
 */
export function buildListSections(
  templateId: string,
  patterns: readonly ListRowPattern[],
  spans: ReadonlyMap<number, RowSpan>,
  cells: ReadonlyMap<string, CellReading>,
  mapped: MappedText,
): SectionReading[] {
  const sections: SectionReading[] = [];
  const openers = patterns.filter((pattern) => pattern.opensSection !== undefined);
  let fallback = firstSpanStart(spans);
  for (let position = 0; position < openers.length; position++) {
    const opener = openers[position]!;
    const until = openers[position + 1]?.index ?? patterns.length;
    const rows = patterns.slice(opener.index, until);
    let start = Number.POSITIVE_INFINITY;
    let end = Number.NEGATIVE_INFINITY;
    for (const row of rows) {
      const span = spans.get(row.index);
      if (!span) continue;
      start = Math.min(start, span.start);
      end = Math.max(end, span.end);
    }
    if (!Number.isFinite(start)) {
      start = fallback;
      end = fallback;
    }
    fallback = end;
    const fieldIds = rows.flatMap((row) => (row.fieldId ? [row.fieldId] : []));
    const resolved = fieldIds.every((fieldId) => {
      const cell = cells.get(fieldId);
      return cell !== undefined && !cell.ambiguous;
    });
    const original = mapped.toOriginal(start, end);
    sections.push({
      id: `${templateId}/${opener.opensSection}`,
      heading: opener.row.labels[0] ?? '',
      start: original.start,
      end: original.end,
      fieldIds,
      resolved,
    });
  }
  return sections;
}

function firstSpanStart(spans: ReadonlyMap<number, RowSpan>): number {
  let start = Number.POSITIVE_INFINITY;
  for (const span of spans.values()) start = Math.min(start, span.start);
  return Number.isFinite(start) ? start : 0;
}
