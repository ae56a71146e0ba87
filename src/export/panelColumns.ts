import type { DatasetColumn } from './datasetRows.ts';

const column = (id: string, label: string, kind: DatasetColumn['kind'] = 'text'): DatasetColumn => ({ id, label, kind });

/** Columns of the panel: agency key × year × indicator, the value, where it came from and how comparable it is. */
export const panelColumns: readonly DatasetColumn[] = [
  column('agency_key', '机关标识'),
  column('agency', '机关（报告所署）'),
  column('agency_confirmed', '机关标识已确认'),
  column('year', '年度', 'number'),
  column('indicator', '指标标识'),
  column('label', '指标'),
  column('unit', '单位'),
  column('value', '数值', 'number'),
  column('blank_reason', '空值原因'),
  column('blank_fields', '空值字段'),
  column('form', '表式'),
  column('source_fields', '来源字段'),
  column('source_values', '来源数值'),
  column('comparability', '可比性'),
  column('comparability_note', '可比性说明'),
  column('document', '文件名'),
  column('sha256', 'SHA-256'),
  column('method', '取值方式'),
  column('status', '状态'),
];

/** Columns of the panel's dictionary: one line per indicator and form (the crosswalk as applied). */
export const panelDictionaryColumns: readonly DatasetColumn[] = [
  column('indicator', '指标标识'),
  column('label', '指标'),
  column('label_en', 'Indicator'),
  column('unit', '单位'),
  column('form', '表式'),
  column('source', '来源字段'),
  column('comparability', '可比性'),
  column('comparability_meaning', '可比性含义'),
  column('note', '说明'),
  column('not_comparable_with', '不可比指标'),
];
