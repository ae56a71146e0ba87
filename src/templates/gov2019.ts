import { gov2019Fields } from './fields/gov2019Fields.ts';
import { newFormatRules } from './newFormatRules.ts';
import { gov2019Tables } from './newFormatTables.ts';
import type { TemplateDefinition } from './TemplateDefinition.ts';

/** The new format of 国办公开办函〔2019〕60号 (reports for 2019–2020): sections 二, 三, 四. */
export const gov2019: TemplateDefinition = {
  id: 'gov-2019',
  title: '政府信息公开工作年度报告格式（国办公开办函〔2019〕60号）',
  years: [2019, 2020],
  fields: gov2019Fields,
  rules: newFormatRules(['otherHandling']),
  detection: {
    required: [['本年新收政府信息公开申请数量', '本年新收', '本年新制作数量', '上一年项目数量', '采购总金额', '结转下年度继续办理']],
    supporting: ['本年新制作数量', '本年新公开数量', '对外公开总数量', '上一年项目数量', '本年增/减', '采购项目数量', '采购总金额', '本年新收', '上年结转', '予以公开', '结转下年度'],
    excluding: ['本年制发件数', '现行有效件数', '本年收费金额', '逾期未按收费通知要求缴纳费用', '逾期不补正'],
  },
  tables: gov2019Tables(),
};
