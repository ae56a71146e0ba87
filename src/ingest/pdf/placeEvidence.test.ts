import { describe, expect, it } from 'vitest';
import type { FieldRecord } from '../../record/ExtractionRecord.ts';
import { placeEvidence } from './placeEvidence.ts';
import type { TextPlacement } from './PdfPageText.ts';

function field(id: string, start: number, end: number, text: string): FieldRecord {
  return { id, value: null, raw: text, unit: '件', method: 'table', confidence: 1, status: 'auto', evidence: { start, end, text }, issues: [] };
}

const box = (x: number) => ({ x, y: 100, width: 20, height: 12 });

describe('placeEvidence', () => {
  // "规章\t1\t\t3\n": cells at 0–2, 3–4, 5–5 (blank), 6–7.
  const placements: TextPlacement[] = [
    { start: 0, end: 2, page: 2, box: box(10) },
    { start: 3, end: 4, page: 2, box: box(50) },
    { start: 5, end: 5, page: 2, box: box(80) },
    { start: 6, end: 7, page: 3, box: box(110) },
  ];

  it('gives each field the page and box of the cell its evidence lies in, blank cells included', () => {
    const placed = placeEvidence([field('a', 3, 4, '1'), field('b', 5, 5, ''), field('c', 6, 7, '3')], placements);
    expect(placed.map((record) => [record.evidence?.page, record.evidence?.box?.x])).toEqual([[2, 50], [2, 80], [3, 110]]);
  });

  it('leaves evidence that spans cells, or has none, as it was', () => {
    const spanning = field('d', 0, 4, '规章\t1');
    const none: FieldRecord = { ...field('e', 0, 0, ''), evidence: null };
    expect(placeEvidence([spanning, none], placements)).toEqual([spanning, none]);
    expect(placeEvidence([spanning], [])).toEqual([spanning]);
  });
});
