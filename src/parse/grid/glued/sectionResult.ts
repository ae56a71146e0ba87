import type { TemplateDefinition } from '../../../templates/TemplateDefinition.ts';
import type { CellReading, ParseResult, SectionReading } from '../../ParseResult.ts';
import type { GridRowSpec, NewFormatSection } from './gridRowSpecs.ts';

/** What a positional reader (glued digits, column order) found in one section. */
export interface SectionFindings {
  readonly template: TemplateDefinition;
  readonly sectionId: NewFormatSection;
  readonly specs: readonly GridRowSpec[];
  /** Span of the section in the original decoded text. */
  readonly span: { readonly start: number; readonly end: number };
  readonly cells: readonly CellReading[];
  readonly notes: string[];
  /** False when the reader itself doubts the section (its rules did not confirm the reading). */
  readonly confirmed: boolean;
}

/**
 * The ParseResult of one section read by position: its cells by field id and one SectionReading, resolved
 * only when every printed field was read unambiguously and the reader confirmed the reading.
 */
export function sectionResult(findings: SectionFindings): ParseResult {
  const { template, sectionId, specs, span, cells, notes, confirmed } = findings;
  const fieldIds = specs.filter((spec) => !spec.virtual).flatMap((spec) => spec.fieldIds);
  const cellMap = new Map<string, CellReading>();
  for (const cell of cells) cellMap.set(cell.fieldId, cell);
  const resolved = confirmed && fieldIds.every((id) => {
    const cell = cellMap.get(id);
    return cell !== undefined && !cell.ambiguous;
  });
  const section: SectionReading = {
    id: `${template.id}/${sectionId}`,
    heading: headingOf(template, sectionId),
    start: span.start,
    end: span.end,
    fieldIds,
    resolved,
  };
  return { cells: cellMap, sections: [section], notes };
}

function headingOf(template: TemplateDefinition, sectionId: NewFormatSection): string {
  const table = template.tables.find((candidate) => candidate.id === sectionId || candidate.id.startsWith(`${sectionId}.`));
  return table?.heading[0] ?? sectionId;
}
