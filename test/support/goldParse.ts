import { readGoldFile, type GoldFile } from '../../src/eval/goldFile.ts';
import type { CellReading, ParseResult } from '../../src/parse/ParseResult.ts';

/** Reads a seed's gold file by its number ("000" … "004"). */
export function readSeedGold(prefix: string): GoldFile {
  const directory = new URL('../fixtures/gold/', import.meta.url);
  const names: Record<string, string> = {
    '000': '000_b19e0a271049421c.json',
    '001': '001_f8ed6e34138a7c30.json',
    '002': '002_2520afaa29647670.json',
    '003': '003_325a78626e0cba12.json',
    '004': '004_36f0e1c09a832b79.json',
  };
  return readGoldFile(new URL(names[prefix]!, directory));
}

/**
 * A ParseResult that read every gold value perfectly from tab rows (what a flawless parser would return), with
 * `override` changing single cells. Offsets are 0: tests that need evidence set them.
 */
export function goldParse(gold: Pick<GoldFile, 'fields'>, override: Record<string, Partial<CellReading>> = {}): ParseResult {
  const cells = new Map<string, CellReading>();
  for (const [fieldId, value] of Object.entries(gold.fields)) {
    const cell: CellReading = {
      fieldId,
      raw: value === null ? '' : String(value),
      value,
      start: 0,
      end: 0,
      method: 'table',
      layout: 'tab-row',
      labelScore: 1,
      repairs: [],
      ambiguous: false,
      notes: [],
      ...override[fieldId],
    };
    cells.set(fieldId, cell);
  }
  return { cells, sections: [], notes: [] };
}
