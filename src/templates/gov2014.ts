import { gov2014Fields } from './fields/gov2014Fields.ts';
import type { RuleDefinition, TemplateDefinition } from './TemplateDefinition.ts';

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
  tables: [],
};
