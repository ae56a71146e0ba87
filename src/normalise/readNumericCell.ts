/** A numeric cell as read. */
export interface NumericCell {
  /** The value in the requested unit, or null for a blank / "/" / "—" / "无" cell. */
  readonly value: number | null;
  /** Repairs made, as sentences: "OCR letter O read as 0", "251000元 converted to 25.1 万元". */
  readonly repairs: readonly string[];
}

/**
 * Reads one printed cell: digits with OCR letter-for-digit repair (O/o→0, l/I→1), a sign (+5, -3), decimals,
 * thousands separators, a printed unit (元 converted to 万元 when the field is in 万元). Returns undefined when
 * the cell is not a number at all (a label, say).
 * STUB: replaced by the normalise stage.
 */
export function readNumericCell(raw: string, fieldUnit: string): NumericCell | undefined {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed === '/' || trimmed === '—' || trimmed === '-') return { value: null, repairs: [] };
  const match = /^[+-]?\d+(\.\d+)?$/.exec(trimmed);
  if (!match) return undefined;
  void fieldUnit;
  return { value: Number(trimmed), repairs: [] };
}
