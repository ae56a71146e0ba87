import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csvCell.ts';
import { neutraliseFormula } from './neutraliseFormula.ts';

describe('csvCell', () => {
  it('neutralises text that a spreadsheet would run as a formula', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx']) expect(neutraliseFormula(text)).toBe(`'${text}`);
    expect(neutraliseFormula('银川经开区')).toBe('银川经开区');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('keeps numbers numeric, negative ones included, and null empty', () => {
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(25.1)).toBe('25.1');
    expect(csvCell(null)).toBe('');
    expect(csvCell('-3')).toBe(`'-3`);
  });

  it('quotes commas, quotes, line breaks and edge spaces; lines end in CRLF', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('line\nbreak')).toBe('"line\nbreak"');
    expect(csvCell(' padded')).toBe('" padded"');
    expect(csvLine(['a', 1, null])).toBe('a,1,\r\n');
  });
});
