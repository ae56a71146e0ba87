import { describe, expect, it } from 'vitest';
import { gov2021 } from '../../../templates/gov2021.ts';
import { MappedText } from '../../../text/MappedText.ts';
import { parseGridTables } from '../parseGridTables.ts';
import { pageDigitCuts } from './pageDigitCuts.ts';

/**
 * Sections 三 and 四 of a gov-2021 report flattened with nothing between its cells (seed 2026, variant 265): pages 3
 * and 4 marked ("— 3 —", "- 4 -"), pages 2 and 5 printed bare after a space and run into the cells after them
 * ("（一）予以公开90000 209" for 9 0 0 0 0 0 9; section 四 "61007000006 51007").
 */
const FLATTENED = '三、收到和处理政府信息公开申请情况（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计商业企业科研机构社会公益组织法律服务机构其他一、本年新收政府信息公开申请数量181000019二、上年结转政府信息公开申请数量0000000三、本年度办理结果（一）予以公开90000 209（二）部分公开（区分处理的，只计这一情形，不计其他情形）2000002（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开00000003.危及“三安全一稳定”10000014.保护第三方合法权益— 3 —21000035.属于三类内部事务信息00000006.属于四类过程性信息00000007.属于行政执法案卷00000008.属于行政查询事项0000000（四）无法提供1.本机关不掌握相关政府信息20000022.没有现成信息需要另行制作10000013.补正后申请内容仍不明确0000000（五）不予处理1.信访举报投诉类申请10000012.重复申请0- 4 -0000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息0000000（六）其他处理0000000（七）总计181000019四、结转下年度继续办理0000000四、政府信息公开行政复议、行政诉讼情况行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计61007000006 51007';

describe('pageDigitCuts', () => {
  it('cuts the leading digits of a spaced number where a page number missing from the markers must stand', () => {
    const cuts = pageDigitCuts(FLATTENED);
    const cutText = cuts.map(([start, end]) => `${FLATTENED.slice(start, end)}@${FLATTENED.slice(start, start + 6)}`);
    expect(cutText).toEqual(['2@209（二）', '5@51007']);
  });

  it('cuts nothing in a text whose page numbers are all marked, or that marks none', () => {
    expect(pageDigitCuts(FLATTENED.replace(' 209', '209').replace(' 51007', '51007').replace('— 3 —', '— 2 —— 3 —'))).toEqual([]);
    expect(pageDigitCuts('（一）予以公开90000 209（二）部分公开2000002')).toEqual([]);
  });

  it('lets the glued solver read the rows a bare page number broke, marked as read past it', () => {
    const result = parseGridTables(MappedText.identity(FLATTENED), gov2021);
    const granted = result.cells.get('applications.granted.total');
    expect(granted).toMatchObject({ value: 9, ambiguous: false, support: { pageDigitsCut: true } });
    expect(result.cells.get('applications.granted.naturalPerson')?.value).toBe(9);
    expect(result.cells.get('litigationAfterReconsideration.total')).toMatchObject({ value: 7, support: { pageDigitsCut: true } });
    // Rows the text reads as printed are not marked.
    expect(result.cells.get('applications.newReceived.total')).toMatchObject({ value: 19 });
    expect(result.cells.get('applications.newReceived.total')?.support?.pageDigitsCut).toBeUndefined();
  });
});
