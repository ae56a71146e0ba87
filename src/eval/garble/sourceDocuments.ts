import { goldDocuments } from '../goldDocuments.ts';
import type { GoldFile } from '../goldFile.ts';
import type { TemplateId } from '../../record/ExtractionRecord.ts';

/** A labelled document the garbler prints again: its template, meta and the values its gold lists. */
export interface SourceDocument {
  /** `set/document`, e.g. `seeds/000_b19e0a271049421c.txt`. */
  readonly name: string;
  readonly template: Exclude<TemplateId, 'unknown'>;
  readonly agency: string | null;
  readonly agencyAliases: readonly string[];
  readonly year: number | null;
  /**
   * Field id → gold value (null = printed blank). Partial for the hand-checked wild reports: only the listed
   * cells are known, and only they are scored; the garbler prints the others blank.
   */
  readonly fields: Readonly<Record<string, number | null>>;
  /** Fields a printed inconsistency must send to review (carried over from the source gold). */
  readonly expectFlags: readonly string[];
}

const defaultFixtures = new URL('../../../test/fixtures/', import.meta.url);

/** The labelled sets, gold directory and document directory under the fixtures directory. */
const labelledSets = [
  { set: 'seeds', gold: 'gold/', documents: 'corpus/' },
  { set: 'synthetic', gold: 'synthetic/gold/', documents: 'synthetic/' },
  { set: 'wild', gold: 'wild-gold/', documents: 'wild/' },
] as const;

/**
 * Every labelled document with a form and at least one gold cell: the seeds, the synthetic set and the
 * hand-checked wild reports (the garbled variants/ are left out: their values are the seeds'). In file order.
 */
export function loadSourceDocuments(fixturesDirectory: URL = defaultFixtures): SourceDocument[] {
  const sources: SourceDocument[] = [];
  for (const { set, gold, documents } of labelledSets) {
    for (const document of goldDocuments(new URL(gold, fixturesDirectory), new URL(documents, fixturesDirectory))) {
      const source = toSource(set, document.gold);
      if (source) sources.push(source);
    }
  }
  return sources;
}

function toSource(set: string, gold: GoldFile): SourceDocument | null {
  if (gold.template === 'unknown' || Object.keys(gold.fields).length === 0) return null;
  return {
    name: `${set}/${gold.document}`,
    template: gold.template,
    agency: gold.meta.agency,
    agencyAliases: gold.meta.agencyAliases,
    year: gold.meta.year,
    fields: gold.fields,
    expectFlags: gold.expectFlags,
  };
}
