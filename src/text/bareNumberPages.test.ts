import { describe, expect, it } from 'vitest';
import { seededRandom, type SeededRandom } from '../../test/support/seededRandom.ts';
import { findBareNumberPages, readBareNumberPages } from './bareNumberPages.ts';

function linesOf(text: string): { start: number; end: number }[] {
  const lines: { start: number; end: number }[] = [];
  let start = 0;
  for (const match of text.matchAll(/\n/gu)) {
    lines.push({ start, end: match.index });
    start = match.index + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

const LABELS = ['行政许可', '其他对外管理服务事项', '予以公开', '部分公开', '不予公开', '件', '个', '总计', '三、本年度办理结果'];

/** A table printed one cell per line: labels and values of 0 to `largest`, blank lines for blank cells. */
function cellLines(random: SeededRandom, count: number, largest: number): string[] {
  return Array.from({ length: count }, () => {
    const draw = random.next();
    if (draw < 0.2) return random.pick(LABELS);
    if (draw < 0.3) return '';
    return String(random.next() < 0.5 ? 0 : random.integer(0, largest));
  });
}

/** The lines with bare page numbers 2, 3, … inserted every `from` to `to` lines; returns the text and the pages' lines. */
function withPages(random: SeededRandom, lines: readonly string[], from: number, to: number): { text: string; pageLines: Set<number> } {
  const out: string[] = [];
  const pageLines = new Set<number>();
  let page = 2;
  let next = random.integer(from, to);
  for (const line of lines) {
    out.push(line);
    if (--next === 0) {
      pageLines.add(out.length);
      out.push(String(page++));
      next = random.integer(from, to);
    }
  }
  return { text: out.join('\n'), pageLines };
}

/** The lines with bare page numbers 2, 3, … inserted after any line with chance `share`. */
function withPagesAtRandom(random: SeededRandom, lines: readonly string[], share: number): { text: string; pageLines: Set<number> } {
  const out: string[] = [];
  const pageLines = new Set<number>();
  let page = 2;
  for (const line of lines) {
    out.push(line);
    if (random.next() < share) {
      pageLines.add(out.length);
      out.push(String(page++));
    }
  }
  return { text: out.join('\n'), pageLines };
}

function cutLineNumbers(text: string): number[] {
  const lines = linesOf(text);
  return findBareNumberPages(text, lines).map((page) => lines.findIndex((line) => line.start === page.start));
}

/**
 * Over 200 seeded tables printed one cell per line, with page numbers inserted by `insert`: expects every line cut to
 * be a page number's, and returns how many were cut of how many inserted.
 */
function pagesCut(insert: (random: SeededRandom, lines: readonly string[]) => { text: string; pageLines: Set<number> }): { cut: number; inserted: number } {
  let inserted = 0;
  let cut = 0;
  for (let seed = 1; seed <= 200; seed++) {
    const random = seededRandom(seed);
    const { text, pageLines } = insert(random, cellLines(random, random.integer(200, 600), random.pick([12, 50, 300])));
    const found = cutLineNumbers(text);
    for (const line of found) expect(pageLines.has(line), `seed ${seed}: line ${line} is a value`).toBe(true);
    inserted += pageLines.size;
    cut += found.length;
  }
  return { cut, inserted };
}

describe('findBareNumberPages', () => {
  it('cuts only inserted page numbers, and most of them, from tables printed one cell per line (200 seeded documents)', () => {
    const { cut, inserted } = pagesCut((random, lines) => withPages(random, lines, 15, 45));
    // Tables this dense in small values make long chains by chance: many numberings stay in doubt rather than cut.
    expect(cut / inserted, `${cut} of ${inserted}`).toBeGreaterThan(0.3);
  });

  it('takes no value for a page number where no page number is printed (500 seeded tables of small values)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const random = seededRandom(seed);
      const text = cellLines(random, random.integer(100, 900), random.pick([5, 10, 30])).join('\n');
      expect(cutLineNumbers(text), `seed ${seed}`).toEqual([]);
    }
  });

  it('cuts only page numbers from a copy whose pages end anywhere, some a few lines long (200 seeded documents)', () => {
    // A page ends after any line with the same chance: most pages 5 to 60 lines long, a few of 2 or 3.
    const { cut, inserted } = pagesCut((random, lines) => withPagesAtRandom(random, lines, 0.04));
    expect(cut / inserted, `${cut} of ${inserted}`).toBeGreaterThan(0.3);
  });

  it('finds a numbering whose pages are now a few lines apart, now dozens (median 5, mean 20 lines)', () => {
    // measureIndependentBreaks seed 313, bare-pages: pages 2 to 9 after lines 43, 48, 103, 108, 133, 136, 184, 187 of a
    // one-cell-per-line gov-2014 table; page 2 stood where a blank cell's value goes and was committed as its value.
    const random = seededRandom(313);
    const values = cellLines(random, 230, 300);
    const after = [42, 46, 100, 104, 128, 130, 177, 179];
    const lines = values.flatMap((line, index) => {
      const page = after.indexOf(index);
      return page === -1 ? [line] : [line, String(page + 2)];
    });
    const text = lines.join('\n');
    const result = readBareNumberPages(text, linesOf(text));
    expect(result.pages.map((line) => line.number)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(result.doubtful.map((line) => line.number)).toEqual([2, 9]);
  });

  it('leaves a serial-number column alone: it counts on a row apart, not a page apart', () => {
    const rows = Array.from({ length: 30 }, (_, index) => [String(index + 1), LABELS[index % LABELS.length]!, '件', String(index * 7 % 13)]);
    const text = rows.flat().join('\n');
    expect(cutLineNumbers(text)).toEqual([]);
    // Two tables' serial numbers counting on across the text between them: still a row apart down each table.
    const narrative = Array.from({ length: 80 }, () => '本年度共收到政府信息公开申请');
    const twoTables = [...rows.slice(0, 15).flat(), ...narrative, ...rows.slice(15).flat()].join('\n');
    expect(cutLineNumbers(twoTables)).toEqual([]);
    // Nothing cut, but the lines held in doubt: a numbering that close may as well be a copy's pages of a row or two.
    expect(readBareNumberPages(text, linesOf(text)).chance.map((line) => line.number).slice(0, 3)).toEqual([1, 2, 3]);
  });

  it('holds a long numbering of pages a few lines apart in doubt, nothing cut (a page every 7 lines or so)', () => {
    // measureIndependentBreaks seed 387, bare-pages: "行政规范性文件⏎⏎3⏎⏎665⏎4" read 3 | 665 | 4 for _ | _ | 665.
    const random = seededRandom(387);
    const values = cellLines(random, 330, 300);
    let page = 2;
    const lines = values.flatMap((line) => (random.next() < 0.15 ? [line, String(page++)] : [line]));
    const text = lines.join('\n');
    const result = readBareNumberPages(text, linesOf(text));
    expect(page).toBeGreaterThan(20);
    expect(result.pages).toEqual([]);
    expect(result.chance.map((line) => line.number)).toEqual(Array.from({ length: page - 2 }, (_, index) => index + 2));
  });

  it('leaves text paged with form feeds to the footers read there', () => {
    const random = seededRandom(7);
    const { text } = withPages(random, cellLines(random, 400, 12), 20, 30);
    const paged = text.replace(/\n(\d+)\n/gu, '\n$1\n\f');
    expect(cutLineNumbers(paged)).toEqual([]);
  });

  it('reads full-width digits as the normalised text will', () => {
    const lines = Array.from({ length: 200 }, (_, index) => (index % 25 === 24 ? String.fromCharCode(0xff10 + 2 + Math.floor(index / 25)) : '行政许可'));
    const text = lines.join('\n');
    // Pages 2 to 9: all but the ends (which the chain may have run on into a value at) are cut.
    expect(cutLineNumbers(text).length).toBe(6);
  });
});

describe('readBareNumberPages', () => {
  it('keeps a page whose number stands on two lines between its neighbours in doubt, with the pages beside it and the ends', () => {
    const lines: string[] = [];
    for (let page = 2; page <= 9; page++) {
      for (let row = 0; row < 20; row++) lines.push(row % 2 === 0 ? '行政许可' : '0');
      // Page 5's stretch also prints a value 5 a few lines before the page's own number.
      if (page === 5) lines.splice(lines.length - 6, 1, '5');
      lines.push(String(page));
    }
    const text = lines.join('\n');
    const result = readBareNumberPages(text, linesOf(text));
    expect(result.doubtful.map((line) => line.number).sort()).toEqual([2, 4, 5, 5, 6, 9]);
    expect(result.pages.map((line) => line.number)).toEqual([3, 7, 8]);
  });

  it('holds a short numbering among many small values as chance: in doubt, nothing cut', () => {
    const random = seededRandom(11);
    const values = cellLines(random, 400, 6);
    const { text } = withPages(random, values, 90, 110);
    const result = readBareNumberPages(text, linesOf(text));
    expect(result.pages).toEqual([]);
  });
});
