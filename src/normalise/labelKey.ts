/**
 * The key two printed labels are compared by: ordinals ("(一)", "1.", "其中:"), punctuation, spaces and
 * known OCR label noise (负贲 → 负责) removed or repaired.
 * STUB: replaced by the normalise stage.
 */
export function canonicalLabel(label: string): string {
  return label.replace(/[\s|:：,，、.。()（）\d一二三四五六七八九十]+/gu, '');
}

/**
 * How alike two labels are, 0..1, by meaning rather than exact string: 1 for the same canonical label,
 * high for OCR noise or a word substituted (社会组织 for 社会公益组织), low for different rows.
 * STUB: replaced by the normalise stage.
 */
export function labelSimilarity(printed: string, expected: string): number {
  const a = canonicalLabel(printed);
  const b = canonicalLabel(expected);
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  return a.includes(b) || b.includes(a) ? Math.min(a.length, b.length) / Math.max(a.length, b.length) : 0;
}
