import { goldDocuments } from '../../src/eval/goldDocuments.ts';
import type { GoldFile } from '../../src/eval/goldFile.ts';
import { compareWithGold, type DocumentEvaluation } from '../../src/eval/compareWithGold.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';
import { findTemplate } from '../../src/templates/registry.ts';
import { ADVERSARIAL_LAYOUTS, renderAdversarial, type AdversarialLayout } from './renderAdversarialLayouts.ts';

const FIXTURES = new URL('../fixtures/', import.meta.url);
const SETS = [
  ['gold/', 'corpus/'],
  ['synthetic/gold/', 'synthetic/'],
  ['wild-gold/', 'wild/'],
] as const;

/** Gold files of new-format reports with (nearly) every field known: the values rendered into the layouts. */
export function newFormatGolds(): GoldFile[] {
  const golds: GoldFile[] = [];
  for (const [goldDirectory, documentDirectory] of SETS) {
    for (const { gold } of goldDocuments(new URL(goldDirectory, FIXTURES), new URL(documentDirectory, FIXTURES))) {
      const template = findTemplate(gold.template);
      if (!template || gold.template === 'gov-2014') continue;
      if (Object.keys(gold.fields).length < template.fields.length - 2) continue;
      golds.push(gold);
    }
  }
  return golds;
}

/** One rendered document read back and compared with its gold. */
export interface AdversarialOutcome {
  readonly layout: AdversarialLayout;
  readonly document: string;
  readonly evaluation: DocumentEvaluation;
}

/** Renders each gold into each layout (seeded) and reads it back through the whole pipeline. */
export function* adversarialOutcomes(golds: readonly GoldFile[], seed: number, layouts = ADVERSARIAL_LAYOUTS): Generator<AdversarialOutcome> {
  for (const [index, gold] of golds.entries()) {
    const template = findTemplate(gold.template)!;
    for (const layout of layouts) {
      const text = renderAdversarial(template, { agency: gold.meta.agency, year: gold.meta.year, fields: gold.fields }, layout, seed + index);
      const name = `${gold.document}.${layout}.${layout === 'html-spacers' ? 'html' : 'txt'}`;
      const result = extractDocument({ name, bytes: new TextEncoder().encode(text) });
      yield { layout, document: name, evaluation: compareWithGold(result.record, gold) };
    }
  }
}
