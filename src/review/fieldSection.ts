import type { TemplateId } from '../record/ExtractionRecord.ts';

/** The printed section a field belongs to, for grouping fields the way the form prints them. */
export interface FieldSection {
  readonly key: string;
  readonly title: string;
}

const gov2014Blocks: Readonly<Record<string, string>> = {
  active: '一、主动公开情况',
  response: '二、回应解读情况',
  requests: '三、依申请公开情况',
  answers: '三、依申请公开情况',
  reconsideration: '四、行政复议数量',
  litigation: '五、行政诉讼数量',
  complaints: '六、举报投诉数量',
  fees: '七、依申请公开信息收取的费用',
  org: '八、机构建设和保障经费情况',
  training: '九、政府信息公开会议和培训情况',
};

const newFormatSections: Readonly<Record<string, string>> = {
  disclosure: '二、主动公开政府信息情况',
  applications: '三、收到和处理政府信息公开申请情况',
  reconsideration: '四、政府信息公开行政复议、行政诉讼情况',
  litigationDirect: '四、政府信息公开行政复议、行政诉讼情况',
  litigationAfterReconsideration: '四、政府信息公开行政复议、行政诉讼情况',
};

/** Section of a field id: the gov-2014 block (一 … 九) or the new-format section (二/三/四). */
export function fieldSection(template: TemplateId, fieldId: string): FieldSection {
  const prefix = fieldId.split('.')[0] ?? fieldId;
  const title = (template === 'gov-2014' ? gov2014Blocks : newFormatSections)[prefix];
  return title ? { key: title, title } : { key: 'other', title: '其他' };
}
