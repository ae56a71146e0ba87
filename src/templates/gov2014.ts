import { gov2014Fields } from './fields/gov2014Fields.ts';
import type { RowDefinition, RuleDefinition, TableDefinition, TemplateDefinition } from './TemplateDefinition.ts';

function sumRule(id: string, total: string, parts: string[]): RuleDefinition {
  return { id, kind: 'equal', severity: 'hard', left: [total], right: parts, description: `${total} = ${parts.join(' + ')}` };
}

function atMostRule(id: string, left: string, right: string[], note = ''): RuleDefinition {
  return {
    id, kind: 'atMost', severity: 'soft', left: [left], right,
    description: `${left} ≤ ${right.join(' + ')}${note}`,
  };
}

const rules: RuleDefinition[] = [
  sumRule('requests.received', 'requests.received', ['requests.inPerson', 'requests.fax', 'requests.online', 'requests.mail']),
  sumRule('requests.completed', 'requests.completed', ['requests.completedOnTime', 'requests.completedExtended']),
  sumRule('requests.answered', 'requests.answered', [
    'answers.alreadyPublic', 'answers.granted', 'answers.partiallyGranted', 'answers.denied',
    'answers.notThisAgency', 'answers.notExist', 'answers.askedToAmend', 'answers.otherChannel',
  ]),
  sumRule('answers.denied', 'answers.denied', [
    'answers.deniedStateSecret', 'answers.deniedCommercialSecret', 'answers.deniedPrivacy',
    'answers.deniedSecurityStability', 'answers.deniedNotGovInfo', 'answers.deniedOtherLaw',
  ]),
  sumRule('reconsideration.total', 'reconsideration.total', ['reconsideration.upheld', 'reconsideration.corrected', 'reconsideration.other']),
  sumRule('litigation.total', 'litigation.total', ['litigation.upheld', 'litigation.corrected', 'litigation.other']),
  sumRule('org.staff', 'org.staff', ['org.staffFullTime', 'org.staffPartTime']),
  atMostRule('response.pressConferencesByHead', 'response.pressConferencesByHead', ['response.pressConferences']),
  atMostRule('response.onlineInterviewsByHead', 'response.onlineInterviewsByHead', ['response.onlineInterviews']),
  atMostRule('active.normativeDocs', 'active.normativeDocs', ['active.total']),
  atMostRule('active.total', 'active.total', ['active.viaGazette', 'active.viaWebsite', 'active.viaWeibo', 'active.viaWechat', 'active.viaOther'],
    ' (the same item on several channels counts once in the total)'),
  atMostRule('requests.completedVsReceived', 'requests.completed', ['requests.received'],
    ' (the year may close requests received the year before)'),
];

/** A printed row with one value cell: the field it holds, the printed unit, label variants (canonical first). */
function valueRow(fieldId: string, unit: string, ...labels: string[]): RowDefinition {
  return { key: fieldId, labels, cells: [fieldId], unit };
}

/** A heading row: printed with no value; "一、"-style headings open a block of the form. */
function headingRow(key: string, ...labels: string[]): RowDefinition {
  return { key, labels, cells: [null] };
}

/**
 * The 统计指标 / 单位 / 统计数 table, every printed row in order. Variants cover the notes printed in brackets
 * (often wrapped onto a line of their own) and wording seen in reports; OCR noise and typos are left to the
 * parser's approximate matching.
 */
const statisticsTable: TableDefinition = {
  id: 'gov-2014/list',
  kind: 'list',
  heading: ['政府信息公开情况统计表'],
  columns: [],
  rows: [
    headingRow('section.一', '一、主动公开情况'),
    valueRow('active.total', '条', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）', '（一）主动公开政府信息数'),
    valueRow('active.normativeDocs', '条', '其中：主动公开规范性文件数', '其中：主动公开行政规范性文件数'),
    valueRow('active.normativeDocsIssued', '件', '制发规范性文件总数', '制发行政规范性文件总数'),
    headingRow('heading.activeChannels', '（二）通过不同渠道和方式公开政府信息的情况'),
    valueRow('active.viaGazette', '条', '1.政府公报公开政府信息数'),
    valueRow('active.viaWebsite', '条', '2.政府网站公开政府信息数'),
    valueRow('active.viaWeibo', '条', '3.政务微博公开政府信息数'),
    valueRow('active.viaWechat', '条', '4.政务微信公开政府信息数'),
    valueRow('active.viaOther', '条', '5.其他方式公开政府信息数'),
    headingRow('section.二', '二、回应解读情况'),
    valueRow('response.hotspots', '次', '（一）回应公众关注热点或重大舆情数（不同方式回应同一热点或舆情计1次）', '（一）回应公众关注热点或重大舆情数'),
    headingRow('heading.responseChannels', '（二）通过不同渠道和方式回应解读的情况'),
    valueRow('response.pressConferences', '次', '1.参加或举办新闻发布会总次数'),
    valueRow('response.pressConferencesByHead', '次', '其中：主要负责同志参加新闻发布会次数'),
    valueRow('response.onlineInterviews', '次', '2.政府网站在线访谈次数'),
    valueRow('response.onlineInterviewsByHead', '次', '其中：主要负责同志参加政府网站在线访谈次数'),
    valueRow('response.interpretations', '篇', '3.政策解读稿件发布数'),
    valueRow('response.viaSocialMedia', '次', '4.微博微信回应事件数'),
    valueRow('response.viaOther', '次', '5.其他方式回应事件数'),
    headingRow('section.三', '三、依申请公开情况'),
    valueRow('requests.received', '件', '（一）收到申请数'),
    valueRow('requests.inPerson', '件', '1.当面申请数'),
    valueRow('requests.fax', '件', '2.传真申请数'),
    valueRow('requests.online', '件', '3.网络申请数'),
    valueRow('requests.mail', '件', '4.信函申请数'),
    valueRow('requests.completed', '件', '（二）申请办结数'),
    valueRow('requests.completedOnTime', '件', '1.按时办结数'),
    valueRow('requests.completedExtended', '件', '2.延期办结数'),
    valueRow('requests.answered', '件', '（三）申请答复数'),
    valueRow('answers.alreadyPublic', '件', '1.属于已主动公开范围数'),
    valueRow('answers.granted', '件', '2.同意公开答复数'),
    valueRow('answers.partiallyGranted', '件', '3.同意部分公开答复数'),
    valueRow('answers.denied', '件', '4.不同意公开答复数'),
    valueRow('answers.deniedStateSecret', '件', '其中：涉及国家秘密'),
    valueRow('answers.deniedCommercialSecret', '件', '涉及商业秘密'),
    valueRow('answers.deniedPrivacy', '件', '涉及个人隐私'),
    valueRow('answers.deniedSecurityStability', '件', '危及国家安全、公共安全、经济安全和社会稳定'),
    valueRow('answers.deniedNotGovInfo', '件', '不是《条例》所指政府信息'),
    valueRow('answers.deniedOtherLaw', '件', '法律法规规定的其他情形'),
    valueRow('answers.notThisAgency', '件', '5.不属于本行政机关公开数'),
    valueRow('answers.notExist', '件', '6.申请信息不存在数'),
    valueRow('answers.askedToAmend', '件', '7.告知作出更改补充数'),
    valueRow('answers.otherChannel', '件', '8.告知通过其他途径办理数'),
    valueRow('reconsideration.total', '件', '四、行政复议数量'),
    valueRow('reconsideration.upheld', '件', '（一）维持具体行政行为数'),
    valueRow('reconsideration.corrected', '件', '（二）被依法纠错数'),
    valueRow('reconsideration.other', '件', '（三）其他情形数'),
    valueRow('litigation.total', '件', '五、行政诉讼数量'),
    valueRow('litigation.upheld', '件', '（一）维持具体行政行为或者驳回原告诉讼请求数'),
    valueRow('litigation.corrected', '件', '（二）被依法纠错数'),
    valueRow('litigation.other', '件', '（三）其他情形数'),
    valueRow('complaints.total', '件', '六、举报投诉数量'),
    valueRow('fees.collected', '万元', '七、依申请公开信息收取的费用'),
    headingRow('section.八', '八、机构建设和保障经费情况'),
    valueRow('org.offices', '个', '（一）政府信息公开工作专门机构数'),
    valueRow('org.readingRooms', '个', '（二）设置政府信息公开查阅点数'),
    valueRow('org.staff', '人', '（三）从事政府信息公开工作人员数'),
    valueRow('org.staffFullTime', '人', '1.专职人员数（不包括政府公报及政府网站工作人员数）', '1.专职人员数'),
    valueRow('org.staffPartTime', '人', '2.兼职人员数'),
    valueRow('org.budget', '万元',
      '（四）政府信息公开专项经费（不包括用于政府公报编辑管理及政府网站建设维护等方面的经费）',
      '（四）政府信息公开专项经费'),
    headingRow('section.九', '九、政府信息公开会议和培训情况'),
    valueRow('training.meetings', '次', '（一）召开政府信息公开工作会议或专题会议数'),
    valueRow('training.sessions', '次', '（二）举办各类培训班数'),
    valueRow('training.trainees', '人次', '（三）接受培训人员数'),
  ],
};

/**
 * The national 政府信息公开情况统计表 of 国办发〔2014〕32号 (reports for 2014–2018): one list table,
 * 统计指标 / 单位 / 统计数, nine blocks.
 */
export const gov2014: TemplateDefinition = {
  id: 'gov-2014',
  title: '政府信息公开情况统计表（国办发〔2014〕32号）',
  years: [2014, 2018],
  fields: gov2014Fields,
  rules,
  detection: {
    required: [['主动公开政府信息数'], ['收到申请数', '申请办结数', '申请答复数'], ['行政复议数量', '行政诉讼数量', '举报投诉数量', '依申请公开信息收取的费用', '政府信息公开会议和培训情况']],
    supporting: ['统计指标', '统计数', '政府公报公开政府信息数', '政府网站公开政府信息数', '按时办结数', '同意公开答复数', '专职人员数', '接受培训人员数'],
    excluding: ['指标名称', '计量单位', '历年累计'],
  },
  tables: [statisticsTable],
};
