import { describe, expect, it } from 'vitest';
import { QuoteIndex } from './findQuote.ts';

describe('QuoteIndex', () => {
  const text = '三、收到和处理\n一、本年新收\t\t28\t1\t0\n35\n总计\n２８\n';
  const index = new QuoteIndex(text);

  it('finds a verbatim quote and maps it to the text', () => {
    const found = index.find('本年新收\t\t28');
    expect(found).toMatchObject({ occurrences: 1 });
    expect(text.slice(found!.start, found!.end)).toBe('本年新收\t\t28');
  });

  it('ignores whitespace differences (a model joins column-order lines with spaces)', () => {
    const found = index.find('28 1 0 35');
    expect(text.slice(found!.start, found!.end)).toBe('28\t1\t0\n35');
  });

  it('folds full-width forms and counts occurrences', () => {
    expect(index.find('28')).toMatchObject({ occurrences: 2 });
    expect(index.find('总计 28')).toBeDefined();
  });

  it('never finds an empty or absent quote', () => {
    expect(index.find('')).toBeUndefined();
    expect(index.find('   ')).toBeUndefined();
    expect(index.find('本年新收29')).toBeUndefined();
  });
});
