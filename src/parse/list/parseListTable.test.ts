import { describe, expect, it } from 'vitest';
import { gov2014 } from '../../templates/gov2014.ts';
import type { RowDefinition } from '../../templates/TemplateDefinition.ts';
import { MappedText } from '../../text/MappedText.ts';
import type { ParseResult } from '../ParseResult.ts';
import { createRandom } from '../../eval/garble/random.ts';
import { parseListTable } from './parseListTable.ts';

const table = gov2014.tables[0]!;
const rows: readonly RowDefinition[] = table.rows;
const fieldIds = rows.flatMap((row) => (row.cells[0] ? [row.cells[0]] : []));

/** A printed value per field: varied numbers, some zeros, a few blanks. */
function sampleValues(blanks: readonly string[] = []): Map<string, string> {
  const values = new Map<string, string>();
  fieldIds.forEach((fieldId, index) => values.set(fieldId, blanks.includes(fieldId) ? '' : String((index * 37) % 23)));
  return values;
}

type Layout = 'tab' | 'pipe' | 'flattened' | 'cell-per-line';

/** Renders the whole form in one layout, labels as the form prints them. */
function renderTable(layout: Layout, values: ReadonlyMap<string, string>): string {
  const lines: string[] = [];
  for (const row of rows) {
    const label = row.labels[0]!;
    const fieldId = row.cells[0];
    const unit = row.unit ?? '';
    const value = fieldId ? values.get(fieldId) ?? '' : '';
    if (layout === 'tab') lines.push(fieldId ? `${label}\t${unit}\t${value}` : `${label}\t\t`);
    else if (layout === 'pipe') lines.push(fieldId ? `${label} | ${unit} | ${value} |` : `${label} | ||`);
    else if (layout === 'flattened') lines.push(fieldId ? `${label}${unit}${value}` : label);
    else lines.push(fieldId ? `${label}\r${unit}\r${value}\r\r\r` : `${label}\r\r\r\r\r`);
  }
  if (layout === 'tab') return `统计指标\t单位\t统计数\n${lines.join('\n')}\n`;
  if (layout === 'pipe') return `统 计 指 标 | 单位 | 统计数 |\n${lines.join('\n')}\n`;
  if (layout === 'flattened') return `附件2018年度政府信息公开情况统计表统计指标单位统计数${lines.join('')}`;
  return `\r\r\r\r统计指标\r单位\r统计数\r\r\r${lines.join('')}`;
}

function parse(text: string): ParseResult {
  return parseListTable(MappedText.identity(text), gov2014, table);
}

/** Every field equals the printed value (null for blank), evidence points at the printed cell. */
function expectValues(text: string, result: ParseResult, values: ReadonlyMap<string, string>): void {
  for (const fieldId of fieldIds) {
    const cell = result.cells.get(fieldId);
    const printed = values.get(fieldId) ?? '';
    expect(cell, fieldId).toBeDefined();
    expect(cell!.value, fieldId).toBe(printed === '' ? null : Number(printed));
    expect(cell!.ambiguous, fieldId).toBe(false);
    expect(text.slice(cell!.start, cell!.end), fieldId).toBe(cell!.raw);
    expect(cell!.raw, fieldId).toBe(printed);
  }
}

describe('parseListTable: the four layouts, clean', () => {
  const values = sampleValues();
  const expectedLayout: Record<Layout, string> = { tab: 'tab-row', pipe: 'pipe-row', flattened: 'flattened', 'cell-per-line': 'cell-per-line' };
  for (const layout of ['tab', 'pipe', 'flattened', 'cell-per-line'] as const) {
    it(`reads every field of a ${layout} table, with evidence on the printed cell`, () => {
      const text = renderTable(layout, values);
      const result = parse(text);
      expectValues(text, result, values);
      for (const cell of result.cells.values()) {
        expect(cell.layout).toBe(expectedLayout[layout]);
        expect(cell.labelScore).toBe(1);
        expect(cell.method).toBe('table');
      }
      expect(result.sections.map((section) => section.id)).toEqual(
        ['一', '二', '三', '四', '五', '六', '七', '八', '九'].map((numeral) => `gov-2014/${numeral}`),
      );
      expect(result.sections.every((section) => section.resolved)).toBe(true);
    });
  }
});

describe('parseListTable: tab rows as scraped', () => {
  it('reads wrapped labels, values repeated on the wrapped line, repeated and split headers, spaces in labels', () => {
    const values = sampleValues();
    let text = renderTable('tab', values);
    text = text
      // A label wrapped around its unit and value cells, its second half on a line of its own.
      .replace('危及国家安全、公共安全、经济安全和社会稳定\t件\t', '危及国家安全、公共安全、经济\t件\t')
      .replace(/(危及国家安全、公共安全、经济\t件\t\d+)\n/u, '$1\n安全和社会稳定\t\t\n')
      // The note wrapped onto its own line, which repeats the value.
      .replace(/（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）\t次\t(\d+)/u, '（一） 回应公众关注热点或重大舆情数\t次\t$1\t\t\n（不同方式回应同一热点或舆情计1次）\t\t$1\t\t')
      // A label cut in two, the value printed on both halves, junk in the unit column.
      .replace(/1\.专职人员数（不包括政府公报及政府网站工作人员数）\t人\t(\d+)/u, '1. 专职人员数(不包括政府公报及政府\t,\t$1\n网站工作人员数)\t人\t$1')
      .replace(/（一）召开政府信息公开工作会议或专题会议数\t次\t(\d+)/u, '(一) 召开政府信息公开工作会议或专题会议\t次\t$1\n数\t/ \\\t$1')
      // The value on the second line of a three-line label.
      .replace(/（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）\t万元\t(\d+)/u,
        '(四) 政府信息公开专项经费(不包括用于政\t\t\n府公报编辑管理及政府网站建设维护等方面经\t万元\t$1\n费)\t\t')
      // Page breaks: header rows repeated, once split over two lines, a footer.
      .replace('二、回应解读情况', '\n统计指标\t单位\t统计数\n二、回应解读情况')
      .replace('四、行政复议数量', '— 3 —\n\t统计指标\t单位\n\t\t统计数\n四、行政复议数量')
      .replace('3.政务微博公开政府信息数', '3. 政务微博公开 政府信息数');
    const result = parse(text);
    expectValues(text, result, values);
    expect(result.cells.get('response.hotspots')!.notes).toContain('value repeated on the wrapped line');
    expect(result.cells.get('org.staffFullTime')!.notes).toContain('value repeated on the wrapped line');
    expect(result.cells.get('training.meetings')!.notes).toContain('value repeated on the wrapped line');
    expect(result.cells.get('org.budget')!.labelScore).toBeGreaterThan(0.9);
  });

  it('reads a table that follows the narrative without reading the narrative', () => {
    const values = sampleValues();
    const narrative = '一、概述\n2018年,全年收到申请数3件,受理政府信息公开申请3件,主动公开政府信息数100条。\n二、主动公开政府信息情况\n政府网站公开政府信息数99条。\n';
    const text = narrative + renderTable('tab', values);
    const result = parse(text);
    expectValues(text, result, values);
    const table = result.notes.find((note) => note.includes('fields read'))!;
    expect(table).toContain('58/58');
  });

  it('reads amounts printed in 元 as 万元, keeping the printed text', () => {
    const values = sampleValues();
    const text = renderTable('tab', values).replace(/七、依申请公开信息收取的费用\t万元\t\d+/u, '七、依申请公开信息收取的费用\t元\t251000');
    const cell = parse(text).cells.get('fees.collected')!;
    expect(cell.value).toBe(25.1);
    expect(cell.raw).toBe('251000');
    expect(cell.repairs.join(' ')).toContain('万元');
  });

  it('reads full-width digits and OCR letters in value cells, saying so', () => {
    const values = sampleValues();
    const text = renderTable('tab', values)
      .replace(/1\.当面申请数\t件\t\d+/u, '1.当面申请数\t件\t１２')
      .replace(/2\.传真申请数\t件\t\d+/u, '2.传真申请数\t件\tO');
    const result = parse(text);
    expect(result.cells.get('requests.inPerson')!.value).toBe(12);
    expect(result.cells.get('requests.fax')!.value).toBe(0);
    expect(result.cells.get('requests.fax')!.raw).toBe('O');
    expect(result.cells.get('requests.fax')!.repairs.length).toBeGreaterThan(0);
  });
});

describe('parseListTable: pipe rows', () => {
  it('reads blank cells as null with an empty span where the cell stands; "/" and "—" stay distinct from blank and 0', () => {
    const blanks = ['requests.fax', 'requests.online', 'answers.denied', 'complaints.total', 'org.readingRooms'];
    const values = sampleValues(blanks);
    values.set('requests.mail', '0');
    let text = renderTable('pipe', values);
    text = text.replace(/(5\.不属于本行政机关公开数 \| 件 \| )\d* \|/u, '$1/ |').replace(/(6\.申请信息不存在数 \| 件 \| )\d* \|/u, '$1—— |');
    const result = parse(text);
    for (const fieldId of blanks) {
      const cell = result.cells.get(fieldId)!;
      expect(cell.value, fieldId).toBeNull();
      expect(cell.raw, fieldId).toBe('');
      expect(cell.start, fieldId).toBe(cell.end);
      expect(cell.layout, fieldId).toBe('pipe-row');
      // The empty span sits inside the value cell, right after the unit's pipe.
      expect(text[cell.start - 1], fieldId).toBe('|');
    }
    expect(result.cells.get('answers.notThisAgency')).toMatchObject({ value: null, raw: '/' });
    expect(result.cells.get('answers.notExist')).toMatchObject({ value: null, raw: '——' });
    expect(result.cells.get('requests.mail')).toMatchObject({ value: 0, raw: '0' });
  });
});

describe('parseListTable: a table flattened into running text', () => {
  it('splits values glued to the next row ordinal, repairs OCR O, reads noisy labels and page debris', () => {
    const values = sampleValues();
    values.set('active.viaGazette', '29');
    values.set('active.viaWebsite', '2351');
    values.set('requests.received', '5');
    values.set('org.staff', '15');
    let text = renderTable('flattened', values)
      .replace('主要负责同志参加新闻发布会次数', '主要负贲同志参加新闻发布会次数')
      .replace('1.政府公报公开政府信息数', '1.政府公报公开政\n22、府信息数')
      .replace(`2.同意公开答复数件${values.get('answers.granted')}`, '2.同意公开答复数件O');
    values.set('answers.granted', '0');
    text = text.replace(/（/gu, '(').replace(/）/gu, ')').replace(/：/gu, ':');
    const result = parse(text);
    for (const fieldId of fieldIds) {
      const cell = result.cells.get(fieldId);
      expect(cell?.value, fieldId).toBe(Number(values.get(fieldId)));
      expect(cell?.layout, fieldId).toBe('flattened');
      expect(text.slice(cell!.start, cell!.end), fieldId).toBe(cell!.raw);
    }
    expect(text).toContain('条292.政府网站');
    expect(result.cells.get('active.viaGazette')!.notes).toContain('value glued to the next row\'s ordinal "2."');
    expect(result.cells.get('answers.granted')).toMatchObject({ raw: 'O', value: 0 });
    expect(result.cells.get('response.pressConferencesByHead')!.notes.join(' ')).toContain('负贲');
  });

  it('leaves a row out when what follows its unit cannot be read with certainty', () => {
    const values = sampleValues();
    // The label of 2.传真申请数 is destroyed: 1.当面申请数 is followed by text it cannot account for.
    const text = renderTable('flattened', values).replace('2.传真申请数', '2.xx##');
    const result = parse(text);
    expect(result.cells.has('requests.inPerson')).toBe(false);
    expect(result.cells.has('requests.fax')).toBe(false);
    expect(result.cells.get('requests.online')!.value).toBe(Number(values.get('requests.online')));
    expect(result.sections.find((section) => section.id === 'gov-2014/三')!.resolved).toBe(false);
    expect(result.sections.find((section) => section.id === 'gov-2014/一')!.resolved).toBe(true);
  });
});

describe('parseListTable: one cell per line', () => {
  it('reads cells on lines of their own, bare CR line breaks, blank-line runs, a label typo', () => {
    const values = sampleValues();
    const text = renderTable('cell-per-line', values)
      .replace('（一）维持具体行政行为或者驳回原告诉讼请求数', '（一）维护具体行政行为或者驳回原告诉讼请求数')
      .replace('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '（一）主动公开政府信息数\r（不同渠道和方式公开相同信息计1条)');
    const result = parse(text);
    expectValues(text, result, values);
    expect(result.cells.get('litigation.upheld')!.notes.join(' ')).toContain('维护');
  });
});

describe('parseListTable: never guesses', () => {
  it('marks a row whose wrapped line carries a different value ambiguous', () => {
    const values = sampleValues();
    values.set('response.hotspots', '4');
    const text = renderTable('tab', values).replace(
      /（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）\t次\t4/u,
      '（一）回应公众关注热点或重大舆情数\t次\t4\n（不同方式回应同一热点或舆情计1次）\t\t7',
    );
    const cell = parse(text).cells.get('response.hotspots')!;
    expect(cell.ambiguous).toBe(true);
    expect(cell.notes.join(' ')).toContain('"4", "7"');
  });

  it('does not give a blank row the value of a row whose label is lost', () => {
    const values = sampleValues(['requests.fax']);
    const text = renderTable('tab', values).replace(/3\.网络申请数\t件/u, '\t件');
    const result = parse(text);
    expect(result.cells.get('requests.fax')).toMatchObject({ value: null, raw: '' });
    expect(result.cells.has('requests.online')).toBe(false);
  });

  it('does not read a row as blank when a number stands before the next row (a value moved by a hard wrap)', () => {
    const values = sampleValues();
    const text = renderTable('tab', values).replace(/2\.传真申请数\t件\t\d+\n/u, '2.传真申请数\t件\t\n0 ');
    const cell = parse(text).cells.get('requests.fax');
    expect(cell === undefined || cell.ambiguous).toBe(true);
  });

  it('takes a number a wrap moved to the next line when the sum rules hold with it and fail with the row blank', () => {
    const values = sampleValues();
    values.set('requests.fax', '7');
    values.set('requests.received', String(['requests.inPerson', 'requests.fax', 'requests.online', 'requests.mail'].reduce((total, fieldId) => total + Number(values.get(fieldId)), 0)));
    const flatSpaces = (printed: ReadonlyMap<string, string>): string =>
      rows.map((row) => (row.cells[0] ? `${row.labels[0]} ${row.unit} ${printed.get(row.cells[0])}` : row.labels[0])).join(' ');
    const text = flatSpaces(values).replace(/2\.传真申请数 件 7 /u, '2.传真申请数 件\n7 ');
    const cell = parse(text).cells.get('requests.fax')!;
    expect(cell).toMatchObject({ value: 7, raw: '7', ambiguous: false });
    expect(cell.support?.wrapMoved).toBe(true);
    // A 0 moved so holds the rules as the blank does: the row stays in doubt.
    values.set('requests.fax', '0');
    values.set('requests.received', String(Number(values.get('requests.received')) - 7));
    const zero = parse(flatSpaces(values).replace(/2\.传真申请数 件 0 /u, '2.传真申请数 件\n0 ')).cells.get('requests.fax');
    expect(zero === undefined || zero.ambiguous).toBe(true);
  });

  it('reads the unit and value a wrap put at the start of the next line, after a label that ends its line', () => {
    const values = sampleValues();
    const flatSpaces = rows.map((row) => (row.cells[0] ? `${row.labels[0]} ${row.unit} ${values.get(row.cells[0])}` : row.labels[0])).join(' ');
    // Wrapped after every label that opens with an ordinal of 四/五's rows: "…请求数 / 件 5 （二）…".
    const wrapped = flatSpaces.replace(/(（一）维持具体行政行为或者驳回原告诉讼请求数) /u, '$1\n');
    expect(wrapped).not.toBe(flatSpaces);
    const cell = parse(wrapped).cells.get('litigation.upheld')!;
    expect(cell).toMatchObject({ value: Number(values.get('litigation.upheld')), ambiguous: false });
  });

  it('keeps in doubt a value set apart by a space where the other values are glued to their units (a page number before it)', () => {
    const values = sampleValues();
    values.set('active.viaWechat', '1');
    // Flattened with no separator; a bare page number 2 put after one unit with a space: "条 21" for 1.
    const glued = rows.map((row) => (row.cells[0] ? `${row.labels[0]}${row.unit}${values.get(row.cells[0])}` : row.labels[0])).join('');
    const withPage = glued.replace(/(4\.政务微信公开政府信息数条)1/u, '$1 21');
    expect(withPage).not.toBe(glued);
    const cell = parse(withPage).cells.get('active.viaWechat')!;
    expect(cell.ambiguous).toBe(true);
    // The same value glued like the others is read.
    expect(parse(glued).cells.get('active.viaWechat')).toMatchObject({ value: 1, ambiguous: false });
  });

  it('does not give a row the value of the other group\'s row of the same label when the labels between are unread', () => {
    const values = sampleValues();
    values.set('reconsideration.corrected', '3');
    values.set('litigation.corrected', '0');
    // OCR'd labels: 其他情形敫 (数), 行玫诉讼敫量, 驳回原告诉松请求敫; 被依法纠错敫 of 行政诉讼 found by meaning only.
    const text = renderTable('tab', values)
      .replace(/（三）其他情形数/u, '（三）其他情形敫')
      .replace('五、行政诉讼数量', '五、行玫诉讼敫量')
      .replace('（一）维持具体行政行为或者驳回原告诉讼请求数', '（一）维持具体行政行为或者驳回原告诉松请求敫')
      .replace(/(驳回原告诉松请求敫\t件\t\d+\n)（二）被依法纠错数/u, '$1（二）被依法纠错敫');
    const result = parse(text);
    const cell = result.cells.get('litigation.corrected');
    // The one exact 被依法纠错数 is 行政复议's (3): read for 行政诉讼 it must not be certain.
    expect(cell === undefined || cell.value === 0 || cell.ambiguous).toBe(true);
  });

  it('marks a value standing alone on the line after a tab row ambiguous', () => {
    const values = sampleValues(['requests.fax']);
    const text = renderTable('tab', values).replace(/2\.传真申请数\t件\t/u, '2.传真申请数\t\t\n\t\t9');
    const cell = parse(text).cells.get('requests.fax')!;
    expect(cell.value).toBe(9);
    expect(cell.ambiguous).toBe(true);
  });

  it('reads no cell of a markdown row with more bars than its separator row as certain (a 1 OCR\'d as a bar)', () => {
    const values = sampleValues();
    values.set('requests.fax', '1');
    values.set('requests.online', '19');
    const markdown = `| 统计指标 | 单位 | 统计数 |\n|---|---|---|\n${renderTable('pipe', values).split('\n').slice(1).filter((line) => line !== '').map((line) => `| ${line}`).join('\n')}\n`;
    expect(parse(markdown).cells.get('requests.fax')).toMatchObject({ value: 1, ambiguous: false });
    const text = markdown.replace('2.传真申请数 | 件 | 1 |', '2.传真申请数 | 件 | | |').replace('3.网络申请数 | 件 | 19 |', '3.网络申请数 | 件 | |9 |');
    const result = parse(text);
    for (const fieldId of ['requests.fax', 'requests.online']) expect(result.cells.get(fieldId)?.ambiguous ?? true, fieldId).toBe(true);
    expect(result.cells.get('requests.mail')?.ambiguous).toBe(false);
  });

  it('keeps a second reading when a number alone on the next line may be the rest of the value (a hard wrap)', () => {
    const values = sampleValues();
    values.set('active.total', '3965');
    // Wrapped at a fixed width inside the number: "396" on the row's line, "5" alone on the next.
    const text = renderTable('tab', values).replace(/(条\t396)5\n/u, '$1\n5\n');
    const cell = parse(text).cells.get('active.total')!;
    expect(cell.support?.readings).toBeGreaterThan(1);
  });

  it('finds no table in a report with none, and reads no narrative number', () => {
    const text = '2018年,全年收到申请数3件,受理政府信息公开申请3件。主动公开政府信息数100条,其中主动公开规范性文件数2条。';
    const result = parse(text);
    expect(result.cells.size).toBe(0);
    expect(result.sections).toHaveLength(9);
    expect(result.sections.every((section) => !section.resolved)).toBe(true);
  });
});

describe('parseListTable: rows it must not be sure of', () => {
  it('marks a row with two numbers on its line ambiguous (an extra column)', () => {
    const values = sampleValues();
    values.set('requests.fax', '2');
    const text = renderTable('tab', values).replace('2.传真申请数\t件\t2', '2.传真申请数\t件\t2\t3');
    const cell = parse(text).cells.get('requests.fax')!;
    expect(cell.ambiguous).toBe(true);
  });

  it('reads an empty row as blank only when nothing unexplained follows it', () => {
    const values = sampleValues(['requests.fax']);
    const plain = renderTable('tab', values).replace('2.传真申请数\t件\t', '2.传真申请数\t\t');
    expect(parse(plain).cells.get('requests.fax')).toMatchObject({ value: null, ambiguous: false });
    const wrapped = plain.replace('2.传真申请数\t\t', '2.传真申请数\t\t\n（含电子邮件）\t件\t4');
    expect(parse(wrapped).cells.get('requests.fax')).toMatchObject({ value: null, ambiguous: true });
  });
});

describe('parseListTable: layouts it does not read', () => {
  it('reads nothing from labels, units and values printed column after column', () => {
    const values = sampleValues();
    const valueRows = rows.filter((row) => row.cells[0]);
    const text = [
      '统计指标', ...rows.map((row) => row.labels[0]!), '单位', ...valueRows.map((row) => row.unit!), '统计数',
      ...valueRows.map((row) => values.get(row.cells[0]!)!),
    ].join('\n');
    const result = parse(text);
    expect([...result.cells.values()].filter((cell) => !cell.ambiguous)).toEqual([]);
  });
});

describe('parseListTable: rows separated by spaces', () => {
  it('reads label, unit and value separated by spaces, with or without the unit', () => {
    const values = sampleValues();
    const text = rows
      .map((row) => (row.cells[0] ? `${row.labels[0]} ${row.cells[0] === 'requests.fax' ? '' : row.unit} ${values.get(row.cells[0])}` : row.labels[0]))
      .join('\n');
    const result = parse(text);
    expectValues(text, result, values);
    expect(result.cells.get('requests.online')!.layout).toBe('space-row');
    // No unit: the two spaces left between label and value read as a column gap.
    expect(result.cells.get('requests.fax')!.layout).toBe('aligned-row');
  });
});

describe('the gov-2014 list table definition', () => {
  it('has a row for every field of the template, once, in the form order', () => {
    expect(fieldIds).toEqual(gov2014.fields.map((field) => field.id));
    for (const row of rows) if (row.cells[0]) expect(row.unit).toBe(gov2014.fields.find((field) => field.id === row.cells[0])!.unit);
  });
});

describe('parseListTable: the end of a flattened table', () => {
  it('reads the last value up to the text that follows, but not into a date glued on', () => {
    const values = sampleValues();
    values.set('training.trainees', '120');
    const table = renderTable('flattened', values);
    expect(parse(`${table}。附件2`).cells.get('training.trainees')!.value).toBe(120);
    expect(parse(`${table}2019年1月`).cells.has('training.trainees')).toBe(false);
  });
});

describe('parseListTable: garbled tables, precision', () => {
  /** A small seeded generator, so the garbling is the same on every run. */
  function random(seed: number): () => number {
    let state = seed >>> 0;
    return () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
      mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
      return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('never reads a wrong value without marking it ambiguous, and reads nearly all of them', () => {
    const next = random(20140101);
    const layouts: Layout[] = ['tab', 'pipe', 'flattened', 'cell-per-line'];
    let total = 0;
    let read = 0;
    const wrong: string[] = [];
    for (let trial = 0; trial < 40; trial++) {
      const layout = layouts[trial % layouts.length]!;
      const values = sampleValues();
      for (const fieldId of fieldIds) {
        const roll = next();
        if (roll < 0.1 && layout !== 'flattened') values.set(fieldId, '');
        else if (roll < 0.2) values.set(fieldId, String(Math.floor(next() * 5000)));
      }
      let text = renderTable(layout, values);
      for (const row of rows) {
        const label = row.labels[0]!;
        const roll = next();
        // One character of the label misread, a space inside it, or the label destroyed.
        if (roll < 0.08 && label.length > 8) {
          const at = 4 + Math.floor(next() * (label.length - 5));
          text = text.replace(label, label.slice(0, at) + '贲' + label.slice(at + 1));
        } else if (roll < 0.14) text = text.replace(label, `${label.slice(0, 3)} ${label.slice(3)}`);
        else if (roll < 0.16) text = text.replace(label, 'xx##');
      }
      const result = parse(`全年收到申请数3件,主动公开政府信息数100条。\n${text}`);
      for (const fieldId of fieldIds) {
        total++;
        const cell = result.cells.get(fieldId);
        if (!cell || cell.ambiguous) continue;
        read++;
        const printed = values.get(fieldId)!;
        if (cell.value !== (printed === '' ? null : Number(printed))) wrong.push(`${layout} ${fieldId}: ${cell.value} ≠ ${printed}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(read / total).toBeGreaterThan(0.95);
  });
});

/**
 * The form as pdftotext -layout prints it: labels wrapped at `width` characters, the unit and value columns
 * after wide gaps on the label's first (or last) line, a page number and the repeated header every 20 rows.
 */
function renderAligned(values: ReadonlyMap<string, string>, width: number, valuesOn: 'first' | 'last'): string {
  const lines = ['       统计指标         单位  统计数'];
  rows.forEach((row, index) => {
    const label = row.labels[0]!;
    const chunks: string[] = [];
    for (let start = 0; start < label.length; start += width) chunks.push(label.slice(start, start + width));
    const fieldId = row.cells[0];
    const columns = fieldId ? `    ${row.unit ?? ''}      ${values.get(fieldId) ?? ''}` : '';
    const at = valuesOn === 'first' ? 0 : chunks.length - 1;
    chunks.forEach((chunk, position) => lines.push(` ${chunk}${position === at ? columns : ''}`));
    if (index % 20 === 19) lines.push('', `              ${Math.floor(index / 20) + 1}`, '', '       统计指标         单位  统计数');
  });
  return `${lines.join('\n')}\n`;
}

describe('parseListTable: pdftotext -layout (display columns)', () => {
  it.each([[8, 'first'], [11, 'first'], [13, 'first'], [19, 'last'], [11, 'last']] as const)(
    'reads labels wrapped at %i characters with the values on the %s line, page numbers left out',
    (width, valuesOn) => {
      const values = sampleValues(['requests.fax']);
      const text = renderAligned(values, width, valuesOn);
      const result = parse(text);
      for (const fieldId of fieldIds) {
        const cell = result.cells.get(fieldId);
        const printed = values.get(fieldId) ?? '';
        expect(cell, fieldId).toBeDefined();
        expect(cell!.value, fieldId).toBe(printed === '' ? null : Number(printed));
        expect(cell!.ambiguous, fieldId).toBe(false);
        expect(text.slice(cell!.start, cell!.end), fieldId).toBe(cell!.raw);
      }
      expect(result.cells.get('requests.online')!.layout).toBe('aligned-row');
    },
  );

  it('reads 万元 wrapped around the value as 万元, not the value in 元', () => {
    const values = sampleValues();
    const budget = '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）';
    const layout = renderAligned(values, 40, 'first').replace(
      new RegExp(` ${budget.slice(0, 40).replace(/[()（）]/gu, '.')}[^\\n]*\\n[^\\n]*\\n`, 'u'),
      ' （四）政府信息公开专项经费（不包括用于政府公报编辑       万\n                                  7.49\n管理及政府网站建设维护等方面的经费）              元\n',
    );
    const cell = parse(layout).cells.get('org.budget')!;
    expect(cell.value).toBe(7.49);
    expect(cell.ambiguous).toBe(false);
    expect(cell.notes.join(' ')).toContain('万 / 元');
    const raw = renderTable('cell-per-line', values).replace(/(专项经费[^\r]*)\r万元\r\d+/u, '$1\r万\r7.49\r元');
    expect(parse(raw).cells.get('org.budget')!.value).toBe(7.49);
  });

  it('does not convert an amount by a 元 after the label\'s last line when the 万 before it is glued to the label', () => {
    const values = sampleValues();
    // 万 one space after the label's first line (no column gap), the value on a line of its own, 元 after the label.
    const text = renderTable('tab', values).replace(
      /（四）政府信息公开专项经费[^\t]*\t万元\t\d+/u,
      '（四）政府信息公开专项经费（不包括用于政府公 万\n                         28.3254\n 报编辑管理及政府网站建设维护等方面的经费） 元',
    );
    const cell = parse(text).cells.get('org.budget');
    expect(cell === undefined || cell.ambiguous || cell.value === 28.3254).toBe(true);
  });

  it('does not convert an amount by a 元 printed only in the unit column without saying it is not certain', () => {
    const values = sampleValues();
    const text = renderTable('tab', values).replace(/(专项经费[^\t]*)\t万元\t\d+/u, '$1\t元\t7.49');
    const cell = parse(text).cells.get('org.budget')!;
    expect(cell.value).toBe(0.000749);
    expect(cell.ambiguous).toBe(true);
  });
});

describe('parseListTable: the support of every cell', () => {
  it('records how each cell was placed, and one reading exactly when the cell is not ambiguous', () => {
    const values = sampleValues(['requests.fax']);
    const expected: Record<string, string> = { tab: 'cell', pipe: 'cell', flattened: 'count', 'cell-per-line': 'count' };
    for (const layout of ['tab', 'pipe', 'flattened', 'cell-per-line'] as const) {
      const text = renderTable(layout, values);
      const result = parse(text);
      for (const cell of result.cells.values()) {
        expect(cell.support, `${layout} ${cell.fieldId}`).toBeDefined();
        expect(cell.support!.anchored).toBe(true);
        expect(cell.support!.readings > 1).toBe(cell.ambiguous);
        // Digits run into the next row's ordinal ("12" + "3.") were split there: a page number could hide between.
        const gluedToOrdinal = /^[0-9]+[.．、]/u.test(text.slice(cell.end));
        if (cell.value !== null) expect(cell.support!.placement, `${layout} ${cell.fieldId}`).toBe(gluedToOrdinal ? 'split' : expected[layout]);
      }
    }
    const aligned = parse(renderAligned(values, 13, 'first'));
    expect(aligned.cells.get('requests.online')!.support).toEqual({ readings: 1, anchored: true, placement: 'position' });
    const ambiguous = renderTable('tab', values).replace(/2\.传真申请数\t件\t/u, '2.传真申请数\t\t\n\t\t9');
    expect(parse(ambiguous).cells.get('requests.fax')!.support!.readings).toBeGreaterThan(1);
  });
});

describe('parseListTable: rows separated by spaces, with page debris and units in value cells', () => {
  it('leaves page footers between a unit and its value out, and reads a unit printed after the value', () => {
    const values = sampleValues();
    const footers = ['- 2 -', '第3页', '— 4 —'];
    const text = rows
      .map((row, index) => {
        const fieldId = row.cells[0];
        if (!fieldId) return row.labels[0];
        const footer = index % 9 === 4 ? ` ${footers[index % 3]} ` : ' ';
        const value = row.unit === '万元' ? `${values.get(fieldId)} 万元` : values.get(fieldId);
        return `${row.labels[0]} ${row.unit}${footer}${value}`;
      })
      .join(' ');
    const result = parse(text);
    for (const fieldId of fieldIds) {
      const cell = result.cells.get(fieldId);
      expect(cell, fieldId).toBeDefined();
      expect(cell!.value, fieldId).toBe(Number(values.get(fieldId)));
      expect(cell!.ambiguous, fieldId).toBe(false);
    }
    expect(result.cells.get('org.budget')!.raw).toMatch(/万元$/u);
  });
});

describe('parseListTable: OCR in short labels, one cell per line', () => {
  it('reads a short label with one garbled character between its found neighbours, and a garbled last character', () => {
    const values = sampleValues();
    const text = renderTable('cell-per-line', values).replace('（一）收到申请数', '（一）收到由请数').replace('1.属于已主动公开范围数', '1.属于已主动公开范围\r敫');
    const result = parse(text);
    expect(result.cells.get('requests.received')!.value).toBe(Number(values.get('requests.received')));
    expect(result.cells.get('answers.alreadyPublic')!.value).toBe(Number(values.get('answers.alreadyPublic')));
  });
});

/** pdftotext in reading order of a PDF that groups cells: the labels of `size` rows, their units, their values. */
function renderBlocks(values: ReadonlyMap<string, string>, size: number): string {
  const parts: string[] = ['统计指标', '', '单位', '', '统计数', ''];
  let block: RowDefinition[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    parts.push(...block.map((row) => row.labels[0]!), '', ...block.map((row) => row.unit ?? ''), '', ...block.map((row) => values.get(row.cells[0]!) ?? ''), '');
    block = [];
  };
  for (const row of rows) {
    if (!row.cells[0]) {
      flush();
      parts.push(row.labels[0]!, '');
      continue;
    }
    block.push(row);
    if (block.length === size) flush();
  }
  flush();
  return `${parts.join('\n')}\n`;
}

describe('parseListTable: rows printed block by block (PDF reading order)', () => {
  it.each([2, 3])('reads blocks of %i rows: labels, then units, then values, when the reading is unique', (size) => {
    const values = sampleValues();
    const result = parse(renderBlocks(values, size));
    let blockRead = 0;
    for (const fieldId of fieldIds) {
      const cell = result.cells.get(fieldId);
      if (!cell) continue;
      expect(cell.value, fieldId).toBe(Number(values.get(fieldId)));
      if (cell.layout === 'column-order') blockRead++;
    }
    expect(blockRead).toBeGreaterThan(fieldIds.length / 2);
  });

  it('reads no block with a blank in it (fewer values than rows cannot be placed)', () => {
    const text = [
      '统计指标', '单位', '统计数', '一、主动公开情况', '（一）主动公开政府信息数', '', '条', '', '22', '',
      '1.政府公报公开政府信息数', '', '条', '', '0', '',
      '2.政府网站公开政府信息数', '3.政务微博公开政府信息数', '', '条', '条', '', '7', '',
      '4.政务微信公开政府信息数', '5.其他方式公开政府信息数', '', '条', '条', '', '1', '19', '',
    ].join('\n');
    const result = parse(text);
    // One value under two rows: which row is blank cannot be told, so neither row is read as certain.
    for (const fieldId of ['active.viaWebsite', 'active.viaWeibo']) {
      const cell = result.cells.get(fieldId);
      expect(cell === undefined || cell.ambiguous, fieldId).toBe(true);
    }
    expect(result.cells.get('active.viaWechat')).toMatchObject({ value: 1, layout: 'column-order', ambiguous: false });
    expect(result.cells.get('active.viaOther')).toMatchObject({ value: 19, layout: 'column-order', ambiguous: false });
  });
});

describe('parseListTable: two numbers where one value belongs (a bare page number beside the value)', () => {
  const flatSpaces = (values: ReadonlyMap<string, string>, tails: Readonly<Record<string, string>>): string =>
    rows.map((row) => (row.cells[0] ? `${row.labels[0]} ${tails[row.cells[0]] ?? `${row.unit} ${values.get(row.cells[0])}`}` : row.labels[0])).join(' ');

  it('takes the reading with which the sum rules hold, and only when exactly one does', () => {
    const values = sampleValues();
    const parts = ['answers.alreadyPublic', 'answers.granted', 'answers.partiallyGranted', 'answers.denied', 'answers.notThisAgency', 'answers.notExist', 'answers.askedToAmend', 'answers.otherChannel'];
    const answered = String(parts.reduce((total, fieldId) => total + Number(values.get(fieldId)), 0));
    values.set('requests.answered', answered);
    const result = parse(flatSpaces(values, { 'requests.answered': `件3 ${answered}` }));
    const cell = result.cells.get('requests.answered')!;
    expect(cell.value).toBe(Number(answered));
    expect(cell.ambiguous).toBe(false);
    expect(cell.support).toEqual({ readings: 1, anchored: true, placement: 'split' });
  });

  it('stays ambiguous when no rule decides (org.offices is in no sum rule)', () => {
    const values = sampleValues();
    const result = parse(flatSpaces(values, { 'org.offices': `个 ${values.get('org.offices')} 4` }));
    const cell = result.cells.get('org.offices')!;
    expect(cell.ambiguous).toBe(true);
    expect(cell.support!.readings).toBe(2);
  });
});

describe('parseListTable: pdftotext reading order (unit and value on one line, headings drawn between rows)', () => {
  /** One cell per line, blank lines between, a row's unit and value printed on one line as "条 1683". */
  function readingOrder(values: ReadonlyMap<string, string>, next: () => number): string {
    const lines: string[] = ['统计指标', '', '单', '位', '', '统计', '数', ''];
    for (const row of rows) {
      const fieldId = row.cells[0];
      lines.push(row.labels[0]!, '');
      if (!fieldId) continue;
      const value = values.get(fieldId) ?? '';
      if (value !== '' && next() < 0.5) lines.push(`${row.unit ?? ''} ${value}`, '');
      else lines.push(row.unit ?? '', '', ...(value === '' ? [] : [value, '']));
    }
    return `${lines.join('\n')}\n`;
  }

  it('reads every value, on the unit\'s line or its own, over random values', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const next = createRandom(seed);
      const values = new Map(fieldIds.map((fieldId) => [fieldId, String(Math.floor(next() * 3000))]));
      const text = readingOrder(values, next);
      const result = parse(text);
      for (const fieldId of fieldIds) {
        const cell = result.cells.get(fieldId);
        expect(cell?.value, `${seed} ${fieldId}`).toBe(Number(values.get(fieldId)));
        expect(text.slice(cell!.start, cell!.end)).toBe(values.get(fieldId));
      }
    }
  });

  it('does not read a row as a certain blank when a number no row took stands after it', () => {
    const values = sampleValues(['active.viaWeibo']);
    const next = createRandom(7);
    // The value of 3.政务微博… drawn after the next row and the heading down the side of the group.
    const heading = '（二）通过不同渠道和方式公开政府信息的情况\n\n';
    const text = readingOrder(values, next).replace(heading, '').replace(/(4\.政务微信公开政府信息数\n\n条\s[^\n]*\n(?:\n\d+\n)?\n)/u, `$1${heading}0\n\n`);
    expect(text).toContain(`${heading}0`);
    const cell = parse(text).cells.get('active.viaWeibo');
    expect(cell === undefined || cell.ambiguous).toBe(true);
  });

  it('reads no blank as certain where the values follow the table\'s last row (labels and units first, then the numbers)', () => {
    // A PDF's reading order (pdfminer) giving every row's label and unit, then the values column after column.
    const labelsThenValues = rows.map((row) => `${row.labels[0]}\n\n${row.unit ?? ''}\n`).join('\n');
    const numbers = fieldIds.map((_fieldId, index) => String((index * 37) % 23)).join('\n');
    const cells = parse(`统计指标\n\n单位\n\n统计数\n\n${labelsThenValues}\n${numbers}\n\n某某局\n`).cells;
    for (const fieldId of fieldIds) {
      const cell = cells.get(fieldId);
      if (cell?.value === null) expect(cell.ambiguous, fieldId).toBe(true);
    }
  });
});

describe('parseListTable: rows written as sentences, values after the table', () => {
  it('reads each row written as a sentence ending in a full stop, its unit beside the value or not', () => {
    const values = sampleValues();
    const lines = rows.map((row, index) => {
      const fieldId = row.cells[0];
      if (!fieldId) return row.labels[0]!;
      const unit = index % 2 === 0 ? (row.unit ?? '') : '';
      return `${row.labels[0]!}${index % 3 === 0 ? '：' : ' '}${values.get(fieldId)!}${unit}。`;
    });
    const result = parse(`政府信息公开情况统计表\n${lines.join('\n')}\n六、存在的主要问题\n`);
    for (const fieldId of fieldIds) expect(result.cells.get(fieldId)?.value, fieldId).toBe(Number(values.get(fieldId)));
  });

  it('reads the values printed after every label and unit, one per row in row order, and nothing when one is missing', () => {
    const values = sampleValues();
    const labels = rows.flatMap((row) => (row.cells[0] ? [row.labels[0]!, '', row.unit ?? '', ''] : [row.labels[0]!, '']));
    const printed = fieldIds.map((fieldId) => values.get(fieldId)!);
    const text = (numbers: readonly string[]) => `统计指标\n\n单位\n\n统计数\n\n${labels.join('\n')}\n\n${numbers.join('\n')}\n\n六、存在的主要问题\n`;
    const result = parse(text(printed));
    for (const fieldId of fieldIds) {
      expect(result.cells.get(fieldId)?.value, fieldId).toBe(Number(values.get(fieldId)));
      expect(result.cells.get(fieldId)?.ambiguous, fieldId).toBe(false);
    }
    // One value fewer than rows: which row printed it blank is unknown.
    const short = parse(text(printed.slice(1)));
    for (const fieldId of fieldIds) {
      const cell = short.cells.get(fieldId);
      expect(cell === undefined || cell.ambiguous, fieldId).toBe(true);
    }
  });
});

describe('parseListTable: values after the table with blank rows left out', () => {
  /** A form whose sums hold: varied counts, the fax row and the 不同意公开 reasons 0 (printed blank). */
  function consistentValues(): Map<string, number> {
    const values = new Map(fieldIds.map((fieldId, index) => [fieldId, ((index * 7) % 13) + 1]));
    const zero = ['requests.fax', 'answers.deniedStateSecret', 'answers.deniedCommercialSecret', 'answers.deniedPrivacy',
      'answers.deniedSecurityStability', 'answers.deniedNotGovInfo', 'answers.deniedOtherLaw'];
    for (const fieldId of zero) values.set(fieldId, 0);
    const sums = gov2014.rules.filter((rule) => rule.kind === 'equal');
    const inner = sums.filter((rule) => sums.some((outer) => outer.right.includes(rule.left[0]!)));
    for (const rule of [...inner, ...sums.filter((rule) => !inner.includes(rule))]) {
      values.set(rule.left[0]!, rule.right.reduce((sum, fieldId) => sum + values.get(fieldId)!, 0));
    }
    return values;
  }

  it('places the blank rows by the rules: rows every reading agrees on are read, the others left ambiguous', () => {
    const values = consistentValues();
    const blank = new Set(['requests.fax', 'answers.deniedStateSecret', 'answers.deniedCommercialSecret', 'answers.deniedPrivacy',
      'answers.deniedSecurityStability', 'answers.deniedNotGovInfo', 'answers.deniedOtherLaw']);
    const lostLabel = '2.政府网站公开政府信息数';
    const labels = rows.flatMap((row) => {
      const label = row.labels[0] === lostLabel ? '？？？？？？' : row.labels[0]!;
      return row.cells[0] ? [label, '', row.unit ?? '', ''] : [label, ''];
    });
    const printed = fieldIds.filter((fieldId) => !blank.has(fieldId)).map((fieldId) => String(values.get(fieldId)));
    const result = parse(`统计指标\n\n单位\n\n统计数\n\n${labels.join('\n')}\n\n${printed.join('\n')}\n\n六、存在的主要问题\n`);
    const groups = /^(requests\.(received|inPerson|fax|online|mail)|answers\.denied)/u;
    for (const fieldId of fieldIds) {
      const cell = result.cells.get(fieldId);
      expect(cell, fieldId).toBeDefined();
      if (!groups.test(fieldId)) expect(cell!.ambiguous, fieldId).toBe(false);
      if (!cell!.ambiguous) expect(cell!.value, fieldId).toBe(blank.has(fieldId) ? null : values.get(fieldId));
    }
    expect(result.cells.get('active.viaWebsite')?.labelScore).toBe(0);
    expect(result.cells.get('active.viaWebsite')?.support?.anchored).toBe(false);
  });

  it('converts an amount whose row prints 元 beside its label, only proposed; a lost label\'s bare amount is proposed too', () => {
    const values = consistentValues();
    values.set('fees.collected', 8200);
    const blank = new Set(['requests.fax']);
    const labels = (lostLabel: string | undefined) => rows.flatMap((row) => {
      const label = row.labels[0] === lostLabel ? '？？？？？？' : row.labels[0]!;
      const unit = row.cells[0] === 'fees.collected' ? '元' : row.unit ?? '';
      return row.cells[0] ? [label, '', unit, ''] : [label, ''];
    });
    const printed = fieldIds.filter((fieldId) => !blank.has(fieldId)).map((fieldId) => String(values.get(fieldId)));
    const text = (lostLabel?: string) => `统计指标\n\n单位\n\n统计数\n\n${labels(lostLabel).join('\n')}\n\n${printed.join('\n')}\n\n六、存在的主要问题\n`;
    const fees = parse(text()).cells.get('fees.collected');
    expect(fees?.value).toBe(0.82);
    expect(fees?.ambiguous).toBe(true);
    const feesLabel = rows.find((row) => row.cells[0] === 'fees.collected')!.labels[0]!;
    const lost = parse(text(feesLabel)).cells.get('fees.collected');
    expect(lost?.support?.anchored).toBe(false);
    expect(lost?.ambiguous).toBe(true);
  });

  it('reads the values when the form\'s last label was garbled past recognition: its label and unit stand before them', () => {
    const values = consistentValues();
    const lastLabel = rows.filter((row) => row.cells[0])[rows.filter((row) => row.cells[0]).length - 1]!.labels[0]!;
    const labels = rows.flatMap((row) => {
      // A scan's garbling of the last label, wrapped over two lines: words, not the label.
      const label = row.labels[0] === lastLabel ? '（三）接受培训入\n员敫' : row.labels[0]!;
      return row.cells[0] ? [label, '', row.unit ?? '', ''] : [label, ''];
    });
    const printed = fieldIds.map((fieldId) => String(values.get(fieldId)));
    const result = parse(`统计指标\n\n单位\n\n统计数\n\n${labels.join('\n')}\n\n${printed.join('\n')}\n\n六、存在的主要问题\n`);
    for (const fieldId of fieldIds) expect(result.cells.get(fieldId)?.value, fieldId).toBe(values.get(fieldId));
    const lastField = fieldIds[fieldIds.length - 1]!;
    expect(result.cells.get(lastField)?.support?.anchored).toBe(false);
  });

  it('reads one value a row after a page break that repeated the header, however many labels a scan garbled', () => {
    const values = consistentValues();
    const valueRows = rows.filter((row) => row.cells[0]);
    // Every fifth value row's label garbled: a quarter of them is more than blank rows could be placed among.
    const garbled = new Set(valueRows.filter((_row, index) => index % 5 === 2).map((row) => row.labels[0]!));
    expect(garbled.size).toBeGreaterThan(3);
    const labels = rows.flatMap((row) => {
      const label = garbled.has(row.labels[0]!) ? '？？？？？？' : row.labels[0]!;
      return row.cells[0] ? [label, '', row.unit ?? '', ''] : [label, ''];
    });
    const printed = fieldIds.map((fieldId) => String(values.get(fieldId)));
    const header = '统计指标\n单位\n统计数\n';
    const result = parse(`${header}\n${labels.join('\n')}\n\n  第 10 页 共 14 页\n\n${header}${printed.join('\n')}\n\n六、存在的主要问题\n`);
    for (const fieldId of fieldIds) expect(result.cells.get(fieldId)?.value, fieldId).toBe(values.get(fieldId));
    // Fewer values than rows with as many labels lost: the blank rows cannot be placed.
    const short = parse(`${header}\n${labels.join('\n')}\n\n${header}${printed.slice(1).join('\n')}\n\n六、存在的主要问题\n`);
    for (const fieldId of fieldIds) expect(short.cells.get(fieldId)?.layout, fieldId).not.toBe('values-after-table');
  });

  it('places the blank rows around a value OCR printed as a lone letter, that row left unread', () => {
    const values = consistentValues();
    const blank = new Set(['requests.fax', 'answers.deniedStateSecret']);
    values.set('org.offices', 1);
    const labels = rows.flatMap((row) => (row.cells[0] ? [row.labels[0]!, '', row.unit ?? '', ''] : [row.labels[0]!, '']));
    const printed = fieldIds.filter((fieldId) => !blank.has(fieldId)).map((fieldId) => (fieldId === 'org.offices' ? 'I' : String(values.get(fieldId))));
    const result = parse(`统计指标\n\n单位\n\n统计数\n\n${labels.join('\n')}\n\n${printed.join('\n')}\n\n六、存在的主要问题\n`);
    expect(result.cells.get('org.offices')).toBeUndefined();
    expect(result.notes.some((note) => note.includes('org.offices (could not read the value "I"'))).toBe(true);
    for (const fieldId of ['active.total', 'requests.received', 'org.staff', 'training.trainees']) {
      expect(result.cells.get(fieldId)?.value, fieldId).toBe(values.get(fieldId));
    }
  });
});

describe('parseListTable: a number no row took before a row read from a later line', () => {
  it('holds the value of the first row after it, taken from the line after its label (labels cut, values on the first line)', () => {
    const values = sampleValues();
    values.set('litigation.total', '2');
    values.set('litigation.upheld', '1');
    const lines = renderTable('tab', values).split('\n');
    const at = lines.findIndex((line) => line.startsWith('五、行政诉讼数量'));
    // Labels cut after a random character with the values on their first line (measureIndependentBreaks seed 145):
    // "五、 件 2" / "行政诉讼数量" / "（ 件 1" / "一）维持具体…": the total took the 1 of the row after it.
    const upheldLabel = lines[at + 1]!.split('\t')[0]!;
    lines.splice(at, 2, '五、\t件\t2', '行政诉讼数量', '（\t件\t1', upheldLabel.slice(1));
    const result = parse(lines.join('\n'));
    const total = result.cells.get('litigation.total');
    // Read right, held, or (the "（" taken for the cut label's opening bracket) left unread for a person.
    expect(total === undefined || total.value === 2 || total.ambiguous === true).toBe(true);
  });
});

describe('parseListTable: one cell a line, an empty line between a row\'s unit and the number after it', () => {
  it('holds the number: the empty line may be the blank value, the number a page number (seed 267 bare-pages)', () => {
    const values = sampleValues();
    values.set('active.viaOther', '');
    // "5.其他方式公开政府信息数 / 条 / (empty) / 6": page 6 printed bare after the row's blank value line.
    const text = renderTable('cell-per-line', values).replace(/\r+/gu, '\n').replace(/(5\.其他方式公开政府信息数\n条\n)/u, '$1\n6\n');
    expect(text).toContain('条\n\n6\n');
    const cell = parse(text).cells.get('active.viaOther');
    expect(cell === undefined || cell.value === null || cell.ambiguous).toBe(true);
    // Read as ever where the value follows its unit directly.
    const whole = parse(renderTable('cell-per-line', sampleValues()).replace(/\r+/gu, '\n'));
    expect(whole.cells.get('active.viaOther')?.ambiguous).toBe(false);
  });
});
