import { foldConfusables } from '../normalise/labelKey.ts';
import { findApproximate } from '../text/approximateMatch.ts';
import type { TemplateDefinition } from './TemplateDefinition.ts';

/** The template chosen for a document, with the evidence for the choice. */
export interface TemplateDetection {
  readonly template: TemplateDefinition | null;
  /** Score per template id; -Infinity where a required marker is missing. */
  readonly scores: Readonly<Record<string, number>>;
  readonly reason: string;
}

/** Removes everything that OCR and PDF extraction scatter inside labels, so markers match "本年新 制作数量". */
export function compactForMatching(text: string): string {
  return text.replace(/[\s|\u3000]+/g, '');
}

/**
 * The label text of a table whose cells were laid out around its labels: numbers with the unit printed beside
 * them, page footers ("- 3 -") and ASCII punctuation removed. A label wrapped in a PDF or a tab row has its value
 * printed between its two halves ("主动公开政府    条    245\n信息数"); without the value the label is whole again.
 */
export function labelProjection(compact: string): string {
  return compact
    .replace(/(?:万元|[条件次人个元])?[0-9０-９][0-9０-９.,，]*(?:万元|[条件次人个元])?/gu, '')
    .replace(/[-–—_:;,.!?'"()[\]{}<>\\/+*=#]+/gu, '');
}

/**
 * The text with the units printed alone at the end of a line taken out. A PDF or a fixed-width layout prints a
 * narrow label column wrapped over several lines with the unit column beside its first line ("（一）收到申请    件\n
 * 数      13"): the unit then sits between the label's halves, where no number marks it for labelProjection.
 */
function withoutUnitColumn(text: string): string {
  return text.replace(/(?<=[ \t\u3000])(?:万元|[条件次人个元篇项])(?=[ \t\u3000]*(?:\r?\n|$))/gu, '');
}

/**
 * How far a marker may be from the printed text in the fallback pass: none for markers under five characters
 * (too many near neighbours among the forms' words), one edit in four beyond that and at least one (OCR confusions
 * 开/幵, 政/玫, 申/甲: a five-character marker such as 收到申请数 is read through one confusion too). The fallback
 * only runs when no template's markers are printed exactly, and a template still needs every required group.
 */
function fallbackErrors(length: number): number {
  return length < 5 ? 0 : Math.max(1, Math.floor(length / 4));
}

/** A way of telling whether a marker is printed in the document. */
type MarkerTest = (marker: string) => boolean;

function countOccurrences(haystack: string, needle: string): number {
  let count = 0;
  let position = haystack.indexOf(needle);
  while (position !== -1) {
    count++;
    position = haystack.indexOf(needle, position + needle.length);
  }
  return count;
}

/**
 * Chooses the template whose markers the document carries: every required group present, most supporting
 * phrases, no excluding phrase (a provincial 指标名称/计量单位/历年累计 table is never read as gov-2014).
 * `yearHint` (the reporting year, when known) breaks ties between the 2019 and 2021 forms.
 *
 * Markers are first looked for exactly. Only when that finds no template is the text read again with the values
 * taken out of its labels and OCR confusions allowed: a document whose exact markers are intact is never
 * re-decided by the looser pass, and the looser pass only rescues documents that would otherwise be unknown.
 */
export function detectTemplate(
  normalisedText: string,
  candidates: readonly TemplateDefinition[],
  yearHint: number | null,
): TemplateDetection {
  const compact = compactForMatching(normalisedText);
  // The forms share many markers: each is searched for in the whole text once.
  const printedExactly = new Map<string, boolean>();
  const exact = chooseTemplate(compact, candidates, yearHint, (marker) => {
    let known = printedExactly.get(marker);
    if (known === undefined) {
      known = compact.includes(marker);
      printedExactly.set(marker, known);
    }
    return known;
  });
  if (exact.template !== null) return exact;
  // OCR-confusable characters are folded on both sides (收到甲请敫 is 收到申请数 read through two confusions), so each
  // confusion costs nothing and the edits allowed are left for other damage.
  const projection = foldConfusables(labelProjection(compactForMatching(withoutUnitColumn(normalisedText))));
  const found = new Map<string, boolean>();
  const approximate: MarkerTest = (original) => {
    const marker = foldConfusables(original);
    let known = found.get(marker);
    if (known === undefined) {
      known = projection.includes(marker) || findApproximate(marker, projection, 0, projection.length, fallbackErrors(marker.length)) !== undefined;
      found.set(marker, known);
    }
    return known;
  };
  const rescued = chooseTemplate(compact, candidates, yearHint, approximate);
  if (rescued.template === null) return exact;
  return { ...rescued, reason: `${rescued.reason} (markers matched with the values taken out of labels and OCR confusions allowed)` };
}

function chooseTemplate(compact: string, candidates: readonly TemplateDefinition[], yearHint: number | null, printed: MarkerTest): TemplateDetection {
  const scores: Record<string, number> = {};
  let best: TemplateDefinition | null = null;
  let bestScore = -Infinity;
  const reasons: string[] = [];
  for (const template of candidates) {
    const markers = template.detection;
    const missing = markers.required.filter((group) => !group.some(printed));
    if (missing.length > 0) {
      scores[template.id] = -Infinity;
      reasons.push(`${template.id}: missing ${missing.map((group) => group[0]).join(', ')}`);
      continue;
    }
    // Excluding phrases are always matched exactly: they must not be conjured out of near neighbours.
    const excluding = markers.excluding.reduce((total, marker) => total + countOccurrences(compact, marker), 0);
    const supporting = markers.supporting.filter(printed).length;
    let score = supporting - 3 * excluding;
    if (yearHint !== null && yearHint >= template.years[0] && yearHint <= template.years[1]) score += 1.5;
    scores[template.id] = score;
    reasons.push(`${template.id}: ${supporting} supporting, ${excluding} excluding`);
    if (excluding >= 2 && supporting <= excluding * 2) continue;
    if (score > bestScore) {
      best = template;
      bestScore = score;
    }
  }
  if (best !== null && bestScore < 1) best = null;
  return { template: best, scores, reason: reasons.join('; ') };
}
