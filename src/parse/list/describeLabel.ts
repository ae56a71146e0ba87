import { labelSimilarity } from '../../normalise/labelKey.ts';
import type { LabelSkeleton } from './buildLabelSkeleton.ts';
import type { RowAnchor } from './findRowAnchors.ts';

/** The printed label's match quality, and notes when it was not printed as the form has it. */
export function describeLabel(anchor: RowAnchor, skeleton: LabelSkeleton): { score: number; notes: string[] } {
  const printed = skeleton.characters.slice(anchor.skeletonStart, anchor.skeletonEnd);
  const score = labelSimilarity(printed, anchor.variant.skeleton);
  const notes: string[] = [];
  if (anchor.how === 'approximate') notes.push(`label printed as "${printed}", read as "${anchor.variant.label}" (${anchor.errors} character(s) differ)`);
  if (anchor.how === 'similar-cell') notes.push(`label printed as "${printed}", matched by meaning to "${anchor.variant.label}"`);
  return { score, notes };
}
