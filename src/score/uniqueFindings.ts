import type { FieldFinding } from '../record/FieldFinding.ts';

/** Each finding once (the same rule failure reaches a field once), in order. */
export function uniqueFindings(findings: readonly FieldFinding[]): FieldFinding[] {
  // Most fields carry none or one: nothing to compare.
  if (findings.length < 2) return [...findings];
  // Findings of different kinds never compare equal: only those sharing a kind are written out and compared.
  const kindCounts = new Map<string, number>();
  for (const finding of findings) kindCounts.set(finding.kind, (kindCounts.get(finding.kind) ?? 0) + 1);
  if (kindCounts.size === findings.length) return [...findings];
  const seen = new Set<string>();
  return findings.filter((finding) => {
    if (kindCounts.get(finding.kind) === 1) return true;
    // Parser notes and repairs (most of the repeats) are one sentence each: compared by it, not written out whole.
    const key = finding.kind === 'note' || finding.kind === 'repair' ? `${finding.kind}\0${finding.text}` : JSON.stringify(finding);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
