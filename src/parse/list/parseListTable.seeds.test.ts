import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../ingest/decodeBytes.ts';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { gov2014 } from '../../templates/gov2014.ts';
import { MappedText } from '../../text/MappedText.ts';
import type { CellReading, ParseResult } from '../ParseResult.ts';
import { parseListTable } from './parseListTable.ts';

const fixtures = new URL('../../../test/fixtures/', import.meta.url);
const seeds = ['000_b19e0a271049421c', '001_f8ed6e34138a7c30', '003_325a78626e0cba12', '004_36f0e1c09a832b79'] as const;

interface Gold {
  readonly template: string;
  readonly fields: Readonly<Record<string, number | null>>;
}

function readGold(seed: string): Gold {
  return JSON.parse(readFileSync(new URL(`gold/${seed}.json`, fixtures), 'utf8')) as Gold;
}

function readBytes(path: string): Uint8Array {
  return readFileSync(new URL(path, fixtures));
}

/** Field ids whose cell is missing, ambiguous or not the gold value (null where gold is null). */
function differencesFromGold(cells: ReadonlyMap<string, CellReading>, gold: Gold): string[] {
  const wrong: string[] = [];
  for (const field of gov2014.fields) {
    const cell = cells.get(field.id);
    const expected = gold.fields[field.id];
    if (!cell || cell.ambiguous || cell.value !== expected) wrong.push(`${field.id}: read ${cell?.value} (${cell?.raw}), gold ${expected}`);
  }
  return wrong;
}

/** Evidence points at the printed cell: the decoded slice is the raw text (full-width folded), blank = empty span. */
function expectEvidence(decoded: string, parse: ParseResult): void {
  for (const cell of parse.cells.values()) {
    const slice = decoded.slice(cell.start, cell.end);
    expect(slice.normalize('NFKC'), cell.fieldId).toBe(cell.raw.normalize('NFKC'));
    if (cell.raw === '') expect(cell.start, cell.fieldId).toBe(cell.end);
  }
}

describe('gov-2014 seeds through the full pipeline', () => {
  for (const seed of seeds) {
    it(`${seed}: every field equals gold, with evidence on the printed cell`, () => {
      const result = extractDocument({ name: `${seed}.txt`, bytes: readBytes(`corpus/${seed}.txt`) });
      const gold = readGold(seed);
      expect(result.template?.id).toBe(gold.template);
      expect(differencesFromGold(result.parse.cells, gold)).toEqual([]);
      expectEvidence(result.decodedText, result.parse);
      const sections = result.parse.sections.filter((section) => section.id.startsWith('gov-2014/'));
      expect(sections).toHaveLength(9);
      expect(sections.every((section) => section.resolved && section.start < section.end)).toBe(true);
    });
  }
});

describe('gov-2014 seeds read from the raw decoded text (no normalisation)', () => {
  for (const seed of seeds) {
    it(`${seed}: every field equals gold`, () => {
      const decoded = decodeBytes(readBytes(`corpus/${seed}.txt`)).text;
      const parse = parseListTable(MappedText.identity(decoded), gov2014, gov2014.tables[0]!);
      expect(differencesFromGold(parse.cells, readGold(seed))).toEqual([]);
      expectEvidence(decoded, parse);
    });
  }
});

describe('garbled gov-2014 variants of the seeds (test/fixtures/variants) through the full pipeline', () => {
  const goldDirectory = new URL('variants/gold/', fixtures);
  const variants = readdirSync(goldDirectory)
    .map((name) => ({ name, gold: JSON.parse(readFileSync(new URL(name, goldDirectory), 'utf8')) as Gold & { document: string } }))
    .filter((variant) => variant.gold.template === 'gov-2014');

  it('covers the gov-2014 variants', () => {
    expect(variants.length).toBeGreaterThan(10);
  });

  for (const { name, gold } of variants) {
    it(`${name}: every value equals gold; a value read uncertainly is marked`, () => {
      const result = extractDocument({ name: gold.document, bytes: readBytes(`variants/${gold.document}`) });
      expect(result.template?.id).toBe('gov-2014');
      const wrong = gov2014.fields.filter((field) => result.parse.cells.get(field.id)?.value !== gold.fields[field.id]);
      expect(wrong.map((field) => field.id)).toEqual([]);
      expectEvidence(result.decodedText, result.parse);
    });
  }
});

describe('wild gov-2014 report with one cell per line (30_hebei-jyt_2018)', () => {
  const expected: Record<string, number> = {
    'active.total': 1683, 'active.normativeDocs': 4, 'active.viaWebsite': 1683, 'active.viaWechat': 1057, 'active.viaOther': 575,
    'response.hotspots': 4, 'response.interpretations': 50, 'requests.received': 1, 'requests.mail': 1, 'requests.answered': 0,
    'reconsideration.total': 1, 'reconsideration.upheld': 1, 'litigation.total': 5, 'litigation.upheld': 5, 'org.readingRooms': 2,
    'org.staff': 2, 'org.staffPartTime': 2, 'org.budget': 0, 'training.meetings': 2, 'training.trainees': 0,
  };

  it('reads all 58 fields, from the table only (the narrative says 解读16, the table 50)', () => {
    const result = extractDocument({ name: '30_hebei-jyt_2018_gov2014.txt', bytes: readBytes('wild/30_hebei-jyt_2018_gov2014.txt') });
    expect(result.template?.id).toBe('gov-2014');
    const cells = result.parse.cells;
    expect(cells.size).toBe(58);
    for (const [fieldId, value] of Object.entries(expected)) expect(cells.get(fieldId)?.value, fieldId).toBe(value);
    for (const cell of cells.values()) {
      expect(cell.layout).toBe('cell-per-line');
      expect(cell.ambiguous).toBe(false);
    }
    expect(cells.get('litigation.upheld')!.notes.join(' ')).toContain('维护具体行政行为');
    expectEvidence(result.decodedText, result.parse);
  });

  it('reads the same from the raw text with its bare CR line breaks', () => {
    const decoded = decodeBytes(readBytes('wild/30_hebei-jyt_2018_gov2014.txt')).text;
    expect(decoded).toContain('\r');
    const parse = parseListTable(MappedText.identity(decoded), gov2014, gov2014.tables[0]!);
    expect(parse.cells.size).toBe(58);
    for (const [fieldId, value] of Object.entries(expected)) expect(parse.cells.get(fieldId)?.value, fieldId).toBe(value);
  });
});
