import { gov2021Fields } from './fields/gov2021Fields.ts';
import { newFormatRules } from './newFormatRules.ts';
import { gov2021Tables, gov2021TablesWithCombinedOtherRow, otherSubRowLabels } from './newFormatTables.ts';
import type { TemplateDefinition } from './TemplateDefinition.ts';

/**
 * The revised format of 国办公开办函〔2021〕30号 (reports for 2021 onward): section 二 shrinks to 10 cells,
 * 三 gets 25 rows ((六)其他处理 splits in three).
 */
export const gov2021: TemplateDefinition = {
  id: 'gov-2021',
  title: '政府信息公开工作年度报告格式（国办公开办函〔2021〕30号）',
  years: [2021, 9999],
  fields: gov2021Fields,
  rules: newFormatRules(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling']),
  detection: {
    required: [['本年新收政府信息公开申请数量', '本年新收', '本年制发件数', '现行有效件数', '本年收费金额', '结转下年度继续办理']],
    supporting: ['本年制发件数', '本年废止件数', '现行有效件数', '本年处理决定数量', '本年收费金额', '逾期未按收费通知要求缴纳费用', '逾期不补正', '本年新收', '上年结转', '予以公开', '结转下年度'],
    excluding: ['本年新制作数量', '本年新公开数量', '上一年项目数量', '采购项目数量', '采购总金额'],
  },
  tables: gov2021Tables(),
  printings: [{
    // Real reports (hongze 2023, 2024) fill the 2021 form but print （六）其他处理 as one row, the sum of its three
    // sub-rows: a printed 0 makes each sub-row 0, a larger number leaves them to the reviewer.
    id: 'combined-other-row',
    tables: gov2021TablesWithCombinedOtherRow(),
    rules: newFormatRules(['otherHandling']),
    combinedRow: { printed: 'otherHandling', parts: ['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'] },
    partLabels: otherSubRowLabels,
    partRowHeads: ['3.其他', '3．其他', '3、其他'],
    combinedLabel: '其他处理',
  }],
};
