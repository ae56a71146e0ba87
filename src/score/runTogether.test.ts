import { describe, expect, it } from 'vitest';
import { runTogether } from './runTogether.ts';

describe('runTogether', () => {
  it('reads a leading 0 as two pieces run together, printed as a digit or as an OCR letter', () => {
    expect(runTogether('02')).toBe(true);
    expect(runTogether('o2')).toBe(true);
    expect(runTogether('O2')).toBe(true);
    expect(runTogether('lO2')).toBe(false);
    expect(runTogether('102')).toBe(false);
    expect(runTogether('１９2')).toBe(true);
  });
});
