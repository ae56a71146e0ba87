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
 */
export function detectTemplate(
  normalisedText: string,
  candidates: readonly TemplateDefinition[],
  yearHint: number | null,
): TemplateDetection {
  const compact = compactForMatching(normalisedText);
  const scores: Record<string, number> = {};
  let best: TemplateDefinition | null = null;
  let bestScore = -Infinity;
  const reasons: string[] = [];
  for (const template of candidates) {
    const markers = template.detection;
    const missing = markers.required.filter((group) => !group.some((marker) => compact.includes(marker)));
    if (missing.length > 0) {
      scores[template.id] = -Infinity;
      reasons.push(`${template.id}: missing ${missing.map((group) => group[0]).join(', ')}`);
      continue;
    }
    const excluding = markers.excluding.reduce((total, marker) => total + countOccurrences(compact, marker), 0);
    const supporting = markers.supporting.filter((marker) => compact.includes(marker)).length;
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
