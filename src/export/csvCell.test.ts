import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csvCell.ts';
import { neutraliseFormula } from './neutraliseFormula.ts';

/** A small seeded generator (mulberry32): the same cases on every run. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('csvCell', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx', '-A1', '+1+1', '-3e5', '- 3']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('银川经开区')).toBe('银川经开区');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('writes a signed number printed in the text ("-3") as printed', () => {
    const random = seeded(20261203);
    for (let index = 0; index < 200; index++) {
      const integer = String(Math.floor(random() * 1e6));
      const fraction = random() < 0.3 ? `.${Math.floor(random() * 100)}` : '';
      const text = `${random() < 0.5 ? '-' : '+'}${integer}${fraction}${random() < 0.1 ? '%' : ''}`;
      expect(neutraliseFormula(text)).toBe(text);
      expect(csvCell(text)).toBe(text);
    }
    expect(csvCell('-1,234')).toBe('"-1,234"');
  });

  it('never leaves text that would run as a formula, and changes nothing else (seeded property)', () => {
    const random = seeded(42);
    const alphabet = ['=', '+', '-', '@', '\t', '1', '2', '.', ',', '%', 'A', '(', ')', '银', ' '];
    for (let index = 0; index < 2000; index++) {
      const length = 1 + Math.floor(random() * 6);
      let text = '';
      for (let position = 0; position < length; position++) text += alphabet[Math.floor(random() * alphabet.length)]!;
      const written = neutraliseFormula(text);
      const risky = /^[=+\-@\t\r]/.test(text);
      const plainNumber = /^[+-]\d/.test(text) && Number.isFinite(Number(text.replace(/,/g, '').replace(/%$/, '')));
      if (!risky) expect(written).toBe(text);
      else if (!plainNumber) expect(written).toBe(`'${text}`);
    }
  });

  it('keeps numbers numeric, negative ones included, and null empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(25.1)).toBe('25.1');
    expect(csvCell(null)).toBe('');
    expect(csvCell('-3')).toBe('-3');
  });

  it('quotes commas, quotes, line breaks and edge spaces; lines end in CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
