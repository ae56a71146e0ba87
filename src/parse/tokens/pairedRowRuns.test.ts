import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { gov2021 } from '../../templates/gov2021.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { MappedText } from '../../text/MappedText.ts';
import { findGridSections } from '../grid/findGridSections.ts';
import { solveSection } from './solveSection.ts';

const tables = gov2021.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const units = new Map(gov2021.fields.map((field) => [field.id, field.unit]));
const header = '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n自然人\n法人或其他组织\n商业企业\n科研机构\n社会公益组织\n法律服务机构\n其他\n总计';

function solve(body: string) {
  const text = `${header}\n${body}\n四、政府信息公开行政复议、行政诉讼情况\n`;
  return solveSection(MappedText.identity(text), gov2021, tables, findGridSections(text)['三']!, units).cells;
}

describe('pairedRowRuns (through solveSection)', () => {
  it('reads the last two rows when a PDF draws the last label after both rows\' values', () => {
    const cells = solve('（七）总计\n7\n8\n4\n0\n0\n6\n25\n3\n0\n0\n0\n0\n1\n4\n四、结转下年度继续办理');
    expect(['naturalPerson', 'commercial', 'otherOrg', 'total'].map((column) => cells.get(`applications.resultTotal.${column}`)?.value)).toEqual([7, 8, 6, 25]);
    expect(['naturalPerson', 'otherOrg', 'total'].map((column) => cells.get(`applications.carriedForward.${column}`)?.value)).toEqual([3, 1, 4]);
  });

  it('reads a row whose wrapped label ends after its values, the next row\'s ordinal standing among them (pdftotext -layout)', () => {
    // s48 printed by Chromium, read back by pdftotext -layout: "6.属于四类 / 0 23 0 0 0 0 23 / 过程性信息 / 7.属于行政 / 0 … / 执法案卷".
    const text = readFileSync(new URL('../../../test/fixtures/printed/s48_2021_html__pdftotext-layout.txt', import.meta.url), 'utf8');
    const cells = extractDocument({ name: 's48.txt', bytes: new TextEncoder().encode(text) }).record.fields;
    const valueOf = (id: string) => cells.find((field) => field.id === id)?.value;
    expect(['commercial', 'total'].map((column) => valueOf(`applications.deniedProcessInfo.${column}`))).toEqual([23, 23]);
    expect(valueOf('applications.deniedEnforcementFile.total')).toBe(0);
  });

  it('cuts again the runs of three rows whose middle label a PDF drew after the values (pdftotext reading order)', () => {
    // s04 printed by Chromium, read back by pdftotext: "3.其他 0×7 179 0 0 37 0 0 216 0 0 0 0 0 0 (七)总计 四、结转… 0".
    const text = readFileSync(new URL('../../../test/fixtures/printed/s04_2021_html__pdftotext-raw.txt', import.meta.url), 'utf8');
    const fields = extractDocument({ name: 's04.txt', bytes: new TextEncoder().encode(text) }).record.fields;
    const valueOf = (id: string) => fields.find((field) => field.id === id)?.value;
    expect(['naturalPerson', 'publicInterest', 'total'].map((column) => valueOf(`applications.resultTotal.${column}`))).toEqual([179, 37, 216]);
    expect(['naturalPerson', 'total'].map((column) => valueOf(`applications.carriedForward.${column}`))).toEqual([0, 0]);
  });

  it('leaves the run alone when a half breaks its row\'s sum (the values are not two rows in order)', () => {
    const cells = solve('（七）总计\n7\n8\n4\n0\n0\n6\n26\n3\n0\n0\n0\n0\n1\n4\n四、结转下年度继续办理');
    expect(cells.get('applications.carriedForward.total')?.value ?? null).toBeNull();
  });
});
