import { describe, expect, it } from 'vitest';
import type { Token, ValueToken } from './Token.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

/** A compact picture of a token stream: [text], value (º glued ordinal, g glued run), ∅ empty cell. */
function picture(text: string): string {
  return tokeniseRegion(text, 0, text.length).map(show).join(' ');
}

function show(token: Token): string {
  if (token.kind === 'empty') return '∅';
  if (token.kind === 'text') return `[${token.text}]`;
  return `${token.raw}${token.ordinalTail ? 'º' : ''}${token.glued ? 'g' : ''}`;
}

describe('tokeniseRegion', () => {
  it('reads a run of bars alone on its line, where cells close with bars, as a merged cell\'s padding, and one bar alone as a blank cell', () => {
    const text = ['行政复议 |', '||||', '行政诉讼 |', '结果维持 |', '总计 |', '0 |', '1 |', '|', '2 |'].join('\n');
    expect(picture(text)).toBe('[行政复议] [行政诉讼] [结果维持] [总计] 0 1 ∅ 2');
  });

  it('reads a number alone on its line before a line opening with an ordinal\'s punctuation and words as the label\'s', () => {
    // "1.属于国家秘密 |" cut after its digit (seed 137 pipe-broken-cut read the 1 as the row above's total).
    const text = ['0 |', '16 |', '（三）不予公开 |', '1', '.属于国家秘密 |', '0 |'].join('\n');
    expect(picture(text)).toBe('0 16 [（三）不予公开] [1] [.属于国家秘密] 0');
    expect(picture(['行政事业性收费 |', '36', '.7451 |'].join('\n'))).toContain(' 36 ');
  });

  it('cuts tab cells, empty cells between boundaries and the last empty cell of an HTML-rendered row', () => {
    expect(picture('予以公开\t\t258\t12\t\t\t1\t1\t\n')).toBe('[予以公开] ∅ 258 12 ∅ ∅ 1 1 ∅');
  });

  it('marks a number whose cell ends in a decimal point as not the whole value ("138.|": its last 1 OCR\'d as the bar)', () => {
    const [value] = tokeniseRegion('138.|\n', 0, 6).filter((token) => token.kind === 'value');
    expect(value).toMatchObject({ raw: '138', lettersBeside: true });
    const [whole] = tokeniseRegion('收费\t138.1\n', 0, 9).filter((token) => token.kind === 'value');
    expect(whole).toMatchObject({ raw: '138.1' });
    expect(whole).not.toHaveProperty('lettersBeside');
  });

  it('reads a line of tabs alone, a piece of a tab row a wrap broke at its tabs, as the blank cells its tabs open', () => {
    // "…0\t⏎\t⏎\t\t\t\t0\t": six tabs between the two 0s, five blank cells, however the lines break them.
    expect(picture('上年结转\t0\t\n\t\n\t\t\t\t0\t\n')).toBe('[上年结转] 0 ∅ ∅ ∅ ∅ ∅ 0 ∅');
    expect(picture('上年结转\t0\t\r\n\t\r\n\t\t\t\t0\t\r\n')).toBe('[上年结转] 0 ∅ ∅ ∅ ∅ ∅ 0 ∅');
    expect(picture('上年结转\t0\t\t\t\t\t\t0\t\n')).toBe('[上年结转] 0 ∅ ∅ ∅ ∅ ∅ 0 ∅');
    // A browser's copy of cells holding paragraphs: a tab alone between cells each on lines of their own.
    expect(picture('上年结转\n\n\t\n\n0\n\n\t\n\n2\n')).toBe('[上年结转] 0 2');
  });

  it('reads each slash glued among numbers as a blank cell of its own, the numbers beside it as cells, not glued runs', () => {
    expect(picture('一、本年新收政府信息公开申请数量3//3//6二、上年结转')).toBe('[一、本年新收政府信息公开申请数量] 3 / / 3 / / 6 [二、上年结转]');
    expect(picture('（一）予以公开／1／0')).toBe('[（一）予以公开] ／ 1 ／ 0');
    // A slash that touches no number is a word's.
    expect(picture('法人/其他组织')).toBe('[法人/其他组织]');
  });

  it('reads long dashes glued among numbers as blank cells, one a dash, or one a pair where every run is of pairs', () => {
    // A table flattened with no separator, each blank cell printed "—".
    expect(picture('申请数量40—3700077二、上年结转')).toBe('[申请数量] 40g — 3700077 [二、上年结转]');
    expect(picture('（一）予以公开5—1———6（二）')).toBe('[（一）予以公开] 5g — 1 — — — 6 [（二）]');
    expect(picture('（三）不予公开1.属于国家秘密—0——0—02.其他')).toBe('[（三）不予公开] [1.属于国家秘密] — 0 — — 0 — 02º [.其他]');
    // The Chinese dash, a pair of long dashes, printed for each blank cell: "————" is two cells.
    expect(picture('（一）予以公开5——1————6（二）')).toBe('[（一）予以公开] 5g —— 1 —— —— 6 [（二）]');
    // A hyphen may be a sign (本年增/减), and a dash between words is a word's.
    expect(picture('行政许可0-5')).toBe('[行政许可] 0g -5');
    expect(picture('电话号码—某处')).toBe('[电话号码—某处]');
  });

  it('reads a run of blank marks glued between labels as one blank cell per mark, the next row\'s ordinal after it its own', () => {
    // A table flattened with no separator, each blank cell printed "-" (or "—", "/").
    expect(picture('不计其他情形）-------（三）不予公开1.属于国家秘密———————2.其他法律')).toBe('[不计其他情形）] - - - - - - - [（三）不予公开] [1.属于国家秘密] — — — — — — — 2º [.其他法律]');
    expect(picture('行政强制///第二十条')).toBe('[行政强制] / / / [第二十条]');
    // A mark between two characters of a word is the word's; a mark ending a word may be page furniture ("— 2 —");
    // a run longer than any row is a rule line.
    expect(picture('本年增／减')).toBe('[本年增／减]');
    expect(picture('情形）— 2 — 0')).not.toContain('[情形）] —');
    expect(picture('行政强制--------第二十条')).toBe('[行政强制--------第二十条]');
  });

  it('marks digits a Latin letter touches (an OCR\'d digit not repaired), and cuts a tab row at its tabs only', () => {
    const text = '行政许可\t565B\n行政处罚\t|927\t4\n';
    const tokens = tokeniseRegion(text, 0, text.length);
    const values = tokens.filter((token): token is ValueToken => token.kind === 'value');
    expect(values.map((token) => [token.raw, token.lettersBeside === true])).toEqual([['565', true], ['|927', false], ['4', false]]);
    // Without tabs a bar is a cell boundary, as ever.
    expect(picture('行政处罚 | 927 | 4')).toBe('[行政处罚] 927 4');
  });

  it('marks digits ending a line before OCR letters run into the next line\'s words (a number hard-wrapped into "I。")', () => {
    const text = '规章：本年制发件数1，现行有效件数1\nI。\n行政许可：本年处理决定数量4\n行政处罚\nl\n0\n';
    const values = tokeniseRegion(text, 0, text.length).filter((token): token is ValueToken => token.kind === 'value');
    // A letter alone on its line is a cell of its own (an OCR'd 1), not the rest of the number before it.
    expect(values.map((token) => [token.raw, token.lettersBeside === true])).toEqual([['1', false], ['1', true], ['4', false], ['l', false], ['0', false]]);
  });

  it('reads OCR letters glued before a row ordinal, or before digits, as the number they stand for', () => {
    expect(picture('8.属于行政查询事项 1O5 O 0 0 0 O Io5(四)无法提供')).toBe('8º [.属于行政查询事项] 1O5 O 0 0 0 O Io5 [(四)无法提供]');
    expect(picture('3.补正后申请内容仍不明确 1 O O O 0 o l(五)不予处理')).toBe('3º [.补正后申请内容仍不明确] 1 O O O 0 o l [(五)不予处理]');
  });

  it('does not take the edges of a pipe row, or a markdown rule line, for cells', () => {
    expect(picture('| 规章 | 0 |  | 3 |\n|---|---|---|---|\n')).toBe('[规章] 0 ∅ 3');
  });

  it('reads "—  8  —" as cells where every cell stands two spaces apart, as a page marker elsewhere', () => {
    const rows = Array.from({ length: 8 }, (_, index) => `${index + 1}.属于某类信息  5  —  —  8  —  —  13`).join('  ');
    expect(picture(`${rows}\n`).split(' ').slice(0, 9).join(' ')).toBe('1º [.属于某类信息] 5 — — 8 — — 13');
    expect(picture('规章 5 - 8 - 13\n')).toBe('[规章] 5 13');
  });

  it('reads column headers numbered one after another ("数据1 | 数据2 | …") as words, not as cells holding their numbers', () => {
    expect(picture('| 类别 | 数据1 | 数据2 | 数据3 | 总计 |\n|---|---|---|---|---|\n| 8.属于行政查询事项 |  |  |  |  |\n')).toBe('[类别] [数据1] [数据2] [数据3] [总计] 8º [.属于行政查询事项] ∅ ∅ ∅ ∅');
    // Numbers that do not count on by one, or two cells alone, are the row's own.
    expect(picture('| 规章 | 数据1 | 数据3 | 数据4 |\n')).toBe('[规章] [数据] 1 [数据] 3 [数据] 4');
  });

  it('reads the closing pipe of a row as an empty last cell where rows close with a pipe only when blank (no outer pipes)', () => {
    const text = '申请人情况 | 自然人 | 总计\n--- | --- | ---\n予以公开 | 258 | 258\n部分公开 | 3 | \n不予公开 |  | \n';
    expect(picture(text)).toBe('[申请人情况] [自然人] [总计] [予以公开] 258 258 [部分公开] 3 ∅ [不予公开] ∅ ∅');
    // A cell alone closed by a bar ("3 |": a row broken a cell a line) is one cell, not two.
    expect(picture('部分公开 |\n3 |\n')).toBe('[部分公开] 3');
  });

  it('keeps a blank mark printed alone in a cell of one cell per line ("- |") as that cell', () => {
    expect(picture('予以公开 |\n19 |\n- |\n0 |\n')).not.toBe(picture('予以公开 |\n19 |\n0 |\n'));
    expect(picture('|---|---|\n|-|-|\n')).toBe('');
  });

  it('reads the rest of a rule line a hard wrap broke ("|---|-" / "--|") as the rule line, not as a blank-mark cell', () => {
    expect(picture('|---|---|---|-\n--|\n|  | 0 |  |\n')).toBe('∅ 0 ∅');
    expect(picture('|---|---|---|-\n-|\n|  | 0 |  |\n')).toBe('∅ 0 ∅');
  });

  it('drops a spaced page marker glued to the label before it', () => {
    expect(picture('二、上年结转政府信息公开申请数量- 2 - 0 0 0')).toBe('[二、上年结转政府信息公开申请数量] 0 0 0');
  });

  it('reads OCR letters after a decimal point, or ending a number before its unit, as its digits', () => {
    expect(picture('行政事业性收费 26.7I万元')).toBe('[行政事业性收费] 26.7I万元');
    expect(picture('行政许可 1l 件')).toBe('[行政许可] 1l [件]');
  });

  it('cuts labels of rows that printed nothing, run together, at each row ordinal, and drops a page number between dashes before a label', () => {
    expect(picture('（三）不予公开1.属于国家秘密2.其他法律行政法规禁止公开3.危及“三安全一稳定”')).toBe('[（三）不予公开] [1.属于国家秘密] [2.其他法律行政法规禁止公开] [3.危及“三安全一稳定”]');
    expect(picture('属于国家秘密        - 2 -2.其他法律 属于行政查询事项 - 3 -（四）无法提供')).toBe('[属于国家秘密] 2º [.其他法律] [属于行政查询事项] [（四）无法提供]');
  });

  it('reads "—   3   —" of columns laid out in spaces as a blank mark, a value and a blank mark: a page number between dashes is printed with one space each side', () => {
    expect(picture('一、本年新收政府信息公开申请数量      3        —         —           3             —         —     6')).toBe('[一、本年新收政府信息公开申请数量] 3 — — 3 — — 6');
    expect(picture('二、上年结转政府信息公开申请数量 0 0 — 3 — 0 0')).toBe('[二、上年结转政府信息公开申请数量] 0 0 0 0');
  });

  it('hands a "- 3 -" it drops as page furniture to the caller as the blank mark, value and blank mark it also reads as', () => {
    const markers: ValueToken[] = [];
    const text = '予以公开 5 - 1 - - - 6 第3页 规章 0';
    expect(tokeniseRegion(text, 0, text.length, markers).map(show).join(' ')).toBe('[予以公开] 5 - - 6 [规章] 0');
    expect(markers.map((token) => `${token.raw}@${token.start}`)).toEqual(['-@7', '1@9', '-@11']);
  });

  it('reads a letter alone on its line before a value on the next as the OCR\'d 1 it stands for (one cell per line)', () => {
    expect(picture('6.属于四类过程性信息\nl\nO\n0\n7.属于行政执法案卷')).toBe('6º [.属于四类过程性信息] l O 0 7º [.属于行政执法案卷]');
    // A letter at the end of a label's line, or before words, stays text.
    expect(picture('其他 l\n0\n说明\nI\n附件')).toBe('[其他] [l] 0 [说明] [I] [附件]');
  });

  it('reads units with their value and numbers glued to a following ordinal', () => {
    expect(picture('政府集中采购 71 9114.72 万元')).toBe('[政府集中采购] 71 9114.72 万元');
    expect(picture('6 0 172. 没有现成信息')).toBe('6 0 172º [.] [没有现成信息]');
  });

  it('keeps an ordinal printed alone, numbers in brackets and page furniture out of the values', () => {
    expect(picture('17 2. 没有现成信息')).toBe('17 [2.] [没有现成信息]');
    expect(picture('（不同渠道计1条） 5')).toBe('[（不同渠道计1条）] 5');
    expect(picture('0 0\n- 3 -\n第 4 页\n0 0')).toBe('0 0 0 0');
    // A page number flattened into a row, run into a value on one side.
    expect(picture('12 0 0 0第2页 0 12 — 3 — 0')).toBe('12 0 0 0 0 12 0');
    // "- 5 -" run into the value before it: neither dash is a blank mark of the row.
    expect(picture('四、结转下年度继续办理 1 0- 5 - 0  0 0 1')).toBe('[四、结转下年度继续办理] 1 0 0 ∅ 0 0 1');
    // A signed change is a dash glued to its digits, not a page marker.
    expect(picture('规章 0 -3 5')).toBe('[规章] 0 -3 5');
    // Run into digits on both sides it is left in place (the readers of glued digits read the run around it).
    expect(picture('出版物00第3页004.无正当理由')).toBe('[出版物] 00g [第] 3g [页] 004ºg [.无正当理由]');
    // Between two words of a header (the space after it gone with normalisation) it is no value either.
    expect(picture('其他结果第6页尚未审结 0 0')).toBe('[其他结果] [尚未审结] 0 0');
    // Before the next row's ordinal, after a heading or run into a value (a flattened page break, seed 4830 variant 880).
    expect(picture('（三）不予公开第2页1.属于国家秘密 0 0')).toBe('[（三）不予公开] 1º [.属于国家秘密] 0 0');
    expect(picture('0 0 1第3页（四）无法提供')).toBe('0 0 1 [（四）无法提供]');
  });

  it('reads the empty line after a label whose ordinal is glued to it as an empty cell (one cell per line)', () => {
    const text = ['2.没有现成信息需要另行制作', '', '0', '0', '0', '0', '0', '0', '', '3.补正后申请内容仍不明确', '', '0', '', '', '0', '', '0', '', '（五）不予处理'].join('\n');
    expect(picture(text)).toBe('2º [.没有现成信息需要另行制作] ∅ 0 0 0 0 0 0 ∅ 3º [.补正后申请内容仍不明确] ∅ 0 ∅ ∅ 0 ∅ 0 ∅ [（五）不予处理]');
  });

  it('marks the empty lines around a page break (its footer gone, a form feed kept): the break\'s, or blank cells', () => {
    const text = ['2.没有现成信息需要另行制作', '', '0', '0', '0', '0', '0', '0', '', '3.补正后申请内容仍不明确', '0', '0', '0', '0', '0', '0', '', '\f', '4.无正当理由', '0', '', '0'].join('\n');
    const marked = (token: Token) => (token.kind === 'empty' && token.pageBreak ? '⌁' : show(token));
    expect(tokeniseRegion(text, 0, text.length).map(marked).join(' ')).toBe('2º [.没有现成信息需要另行制作] ∅ 0 0 0 0 0 0 ∅ 3º [.补正后申请内容仍不明确] 0 0 0 0 0 0 ⌁ ⌁ 4º [.无正当理由] 0 ∅ 0');
  });

  it('reads empty lines as empty cells in a short region printed one cell per line (section 四\'s one row)', () => {
    const text = ['结果维持', '尚未审结', '总计', '5', '', '', '2', '7', '8', '', '', '1', '9', '', '', '', '', '', '五、存在的主要问题'].join('\n');
    expect(picture(text)).toBe('[结果维持] [尚未审结] [总计] 5 ∅ ∅ 2 7 8 ∅ ∅ 1 9 ∅ ∅ ∅ ∅ ∅ [五、存在的主要问题]');
    // Lines of several values are no such region.
    expect(picture(['总计', '5 3', '', '2', '7', '8', '1', '五、存在'].join('\n'))).toBe('[总计] 5 3 2 7 8 1 [五、存在]');
  });

  it('reads OCR letters for 0 and 1 where digits stand: inside a number, before an ordinal, and alone in a run', () => {
    expect(picture('行政事业性收费 67O3763.75元三、收到')).toBe('[行政事业性收费] 67O3763.75元 [三、收到]');
    expect(picture('0 0 O2.其他法律')).toBe('0 0 O2º [.其他法律]');
    expect(picture('o 0 0 O（五）不予处理')).toBe('o 0 0 O [（五）不予处理]');
    expect(picture('行政规范性文件 I l 26')).toBe('[行政规范性文件] I l 26');
    // Letters in words stay words.
    expect(picture('Logo四、结转 IOS')).toBe('[Logo] [四、结转] [IOS]');
  });

  it('marks a digit run glued between words, and cuts labels run together at their ordinals', () => {
    expect(picture('规章000规范性文件')).toBe('[规章] 000g [规范性文件]');
    expect(picture('已获取信息（六）其他处理（七）总计')).toBe('[已获取信息] [（六）其他处理] [（七）总计]');
  });

  it('does not let a bracket left open by a wrapped label swallow the values', () => {
    expect(picture('（二）部分公开（区分处理的，只计这一情形，不 969 0 0')).toContain('969 0 0');
  });

  it('reads longer runs of spaces as empty cells only in a line whose cells are joined by single spaces', () => {
    expect(picture('数量 3 3    3 9 二、上年结转 0 0 0 0 0 0 0')).toBe('[数量] 3 3 ∅ ∅ ∅ 3 9 [二、上年结转] 0 0 0 0 0 0 0');
    expect(picture('数量  3 9 0 1 0 2 二、上年结转')).toBe('[数量] ∅ 3 9 0 1 0 2 [二、上年结转]');
    // Columns aligned by padding (pdftotext -layout) and prose keep their spaces as nothing.
    expect(picture('规章        4        0         0')).toBe('[规章] 4 0 0');
    expect(picture('共收到  12 件，答复  12 件')).not.toContain('∅');
  });

  it('reads empty lines as empty cells in a region printed one cell per line, and nowhere else', () => {
    const labels = ['一、本年新收', '二、上年结转', '（一）予以公开', '（二）部分公开', '（七）总计'];
    const text = labels.map((label) => [label, '26', '', '', '', '', '', '26', ''].join('\n')).join('\n');
    // Every row ends in one empty line before the next label: the row gap, no cell.
    expect(picture(text)).toBe(labels.map((label) => `[${label}] 26 ∅ ∅ ∅ ∅ ∅ 26`).join(' '));
    expect(picture('予以公开 12 0 0 1 0 0 13\n\n部分公开 1 0 0 0 0 0 1')).not.toContain('∅');
  });

  it('reads a row ending in blank cells before the row gap as those cells, however long the run of empty lines', () => {
    // "3" and six blank cells, then the gap every row ends in: seven empty lines, the first six cells.
    const full = (label: string) => [label, '26', '', '', '', '', '', '26', ''];
    const text = [...full('一、本年新收'), ...full('二、上年结转'), ...full('（一）予以公开'), '（二）部分公开', '3', '', '', '', '', '', '', '', ...full('（七）总计')].join('\n');
    expect(picture(text)).toBe('[一、本年新收] 26 ∅ ∅ ∅ ∅ ∅ 26 [二、上年结转] 26 ∅ ∅ ∅ ∅ ∅ 26 [（一）予以公开] 26 ∅ ∅ ∅ ∅ ∅ 26 [（二）部分公开] 3 ∅ ∅ ∅ ∅ ∅ ∅ [（七）总计] 26 ∅ ∅ ∅ ∅ ∅ 26');
    // Where rows end right above the next label, an empty line there is a blank cell.
    const row = (label: string) => [label, '26', '', '', '', '', '', '26'];
    const tight = [...row('一、本年新收'), ...row('二、上年结转'), ...row('（一）予以公开'), '（二）部分公开', '3', '', '', '', '', '', '', ...row('（七）总计')].join('\n');
    expect(picture(tight)).toContain('[（二）部分公开] 3 ∅ ∅ ∅ ∅ ∅ ∅ [（七）总计]');
  });

  it('reads the wider runs of spaces in a sparse table flattened to one line, labels one space from their values, as empty cells', () => {
    // Few values stand side by side; the labels joined to them by one space, row after row, show the joining.
    expect(picture('一、本年新收 26      26 二、上年结转 0      0 （一）予以公开 26      26'))
      .toBe('[一、本年新收] 26 ∅ ∅ ∅ ∅ ∅ 26 [二、上年结转] 0 ∅ ∅ ∅ ∅ ∅ 0 [（一）予以公开] 26 ∅ ∅ ∅ ∅ ∅ 26');
    // One long label one space from the first of columns laid out in spaces (pdftotext -layout) is no such table.
    expect(picture('二、上年结转政府信息公开申请数量 0 O         0   0   0   O 0')).not.toContain('∅');
  });

  it('reads no empty cells where an empty line stands between every two values (each cell a block of a PDF reading order)', () => {
    // A blank cell leaves no trace there: "3 3 3 9" is four printed cells of seven, not 3 | | 3 | | 3 | | 9.
    const labels = ['一、本年新收', '二、上年结转', '（一）予以公开', '（二）部分公开', '（七）总计'];
    const text = labels.map((label) => [label, '', '3', '', '3', '', '3', '', '9', ''].join('\n')).join('\n');
    expect(picture(text)).toBe(labels.map((label) => `[${label}] 3 3 3 9`).join(' '));
    // One cell per line with single breaks: the empty lines between values are cells again.
    const celled = labels.map((label) => [label, '3', '3', '', '', '', '3', '9'].join('\n')).join('\n');
    expect(picture(celled)).toBe(labels.map((label) => `[${label}] 3 3 ∅ ∅ ∅ 3 9`).join(' '));
  });
});
