import { describe, expect, it } from 'vitest';
import { layoutPdfPages } from './layoutPdfPages.ts';
import type { PdfPageText, PdfTextItem } from './PdfPageText.ts';
import { createRandom } from '../../eval/garble/random.ts';

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
const random = createRandom;

const LABEL_CHARACTERS = '本年新收政府信息公开申请数量上年结转予以部分不处理其他总计法人组织';
const PAGE_HEIGHT = 842;

/** A CJK string of `length` characters drawn from the labels' alphabet. */
function label(next: () => number, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += LABEL_CHARACTERS[Math.floor(next() * LABEL_CHARACTERS.length)]!;
  return text;
}

/** An item as pdf.js reports it: baseline measured up from the page's bottom; CJK glyphs one em wide. */
function item(text: string, x: number, top: number, size: number): PdfTextItem {
  const width = [...text].reduce((sum, character) => sum + (/[\d.]/u.test(character) ? size * 0.55 : size), 0);
  return { text, x, baseline: PAGE_HEIGHT - top, width, size };
}

function page(number: number, items: PdfTextItem[]): PdfPageText {
  return { number, width: 595, height: PAGE_HEIGHT, left: 0, bottom: 0, right: 595, top: PAGE_HEIGHT, items };
}

interface DrawnTable {
  readonly pages: PdfPageText[];
  /** The rows as the engine should read them: label, then the figures. */
  readonly rows: string[][];
}

/**
 * A ruled table as a report prints it: a label column whose long labels wrap over two or three lines
 * centred on their row, `columns` columns of figures, rows spread over pages with "- n -" footers.
 */
function drawTable(seed: number): DrawnTable {
  const next = random(seed);
  const size = 9 + Math.floor(next() * 4);
  const columns = 1 + Math.floor(next() * 7);
  const rowCount = 5 + Math.floor(next() * 30);
  const labelWidth = 8 + Math.floor(next() * 8);
  const valueLeft = 60 + labelWidth * size + 15;
  // Wide enough for a five-digit figure and cell padding, as a printed table always is.
  const columnWidth = size * 3.6 + Math.floor(next() * 20);
  const pages: PdfPageText[] = [];
  const rows: string[][] = [];
  let items: PdfTextItem[] = [];
  let top = 80;
  for (let row = 0; row < rowCount; row++) {
    const lines = next() < 0.3 ? 2 + Math.floor(next() * 2) : 1;
    const height = lines * size * 1.3 + size;
    if (top + height > PAGE_HEIGHT - 90) {
      items.push(item(`- ${pages.length + 1} -`, 280, PAGE_HEIGHT - 40, size));
      pages.push(page(pages.length + 1, items));
      items = [];
      top = 80;
    }
    const text = label(next, labelWidth * lines - Math.floor(next() * labelWidth * 0.5));
    const centre = top + height / 2;
    for (let line = 0; line < lines; line++) {
      const piece = [...text].slice(line * labelWidth, (line + 1) * labelWidth).join('');
      items.push(item(piece, 60, centre + (line - (lines - 1) / 2) * size * 1.3 + size * 0.35, size));
    }
    const figures: string[] = [];
    for (let column = 0; column < columns; column++) {
      const figure = next() < 0.5 ? '0' : String(Math.floor(next() * (next() < 0.2 ? 100000 : 100)));
      figures.push(figure);
      items.push(item(figure, valueLeft + column * columnWidth + (columnWidth - figure.length * size * 0.55) / 2, centre + size * 0.35, size + (next() < 0.5 ? 0 : 1.5)));
    }
    rows.push([text, ...figures]);
    top += height;
  }
  items.push(item(`第${pages.length + 1}页`, 280, PAGE_HEIGHT - 40, size));
  pages.push(page(pages.length + 1, items));
  return { pages, rows };
}

describe('layoutPdfPages', () => {
  it('rebuilds every row of random ruled tables: wrapped labels joined, figures in columns, page numbers dropped', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const { pages, rows } = drawTable(seed);
      const layout = layoutPdfPages(pages);
      expect(layout.text.split('\n').filter((line) => line !== '').map((line) => line.split('\t')), `seed ${seed}`).toEqual(rows);
    }
  });

  it('places every cell on its page inside the page, the text at its offsets being the cell', () => {
    const { pages } = drawTable(7);
    const layout = layoutPdfPages(pages);
    expect(layout.placements.length).toBeGreaterThan(0);
    for (const placement of layout.placements) {
      const cell = layout.text.slice(placement.start, placement.end);
      expect(cell).not.toMatch(/[\t\n]/u);
      expect(cell.length).toBeGreaterThan(0);
      expect(placement.page).toBeGreaterThanOrEqual(1);
      expect(placement.box.x).toBeGreaterThanOrEqual(0);
      expect(placement.box.y).toBeGreaterThanOrEqual(0);
      expect(placement.box.x + placement.box.width).toBeLessThanOrEqual(595);
      expect(placement.box.y + placement.box.height).toBeLessThanOrEqual(PAGE_HEIGHT);
    }
  });

  it('keeps prose as lines: pieces that touch are one cell, a space between words does not split them', () => {
    const size = 12;
    const layout = layoutPdfPages([page(1, [
      item('本年度，我单位通过门户网站主动公开政府信息', 70, 100, size),
      { text: '1149', x: 70 + 21 * size, baseline: PAGE_HEIGHT - 100, width: 4 * size * 0.55, size },
      { text: '条。', x: 70 + 21 * size + 4 * size * 0.55 + size * 0.25, baseline: PAGE_HEIGHT - 100, width: 2 * size, size },
    ])]);
    expect(layout.text).toBe('本年度，我单位通过门户网站主动公开政府信息1149条。\n');
  });

  it('drops "- 3 -" and "第3页 共6页" only in the page margins, never a figure inside the page', () => {
    const size = 12;
    const layout = layoutPdfPages([page(3, [
      item('行政许可', 70, 300, size),
      item('3', 300, 300, size),
      item('- 3 -', 280, PAGE_HEIGHT - 30, size),
      item('第3页 共6页', 260, 30, size),
    ])]);
    expect(layout.text).toBe('行政许可\t3\n');
  });

  it('drops control characters some fonts map glyphs to', () => {
    const layout = layoutPdfPages([page(1, [item('规章\u0000', 70, 300, 12)])]);
    expect(layout.text).toBe('规章\n');
  });
});
