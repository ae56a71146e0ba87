import type { TemplateId } from '../record/ExtractionRecord.ts';

/**
 * A number the narrative of a report states about a table cell, found by a clear pattern. The patterns run
 * on the narrative with whitespace removed and full-width digits already normalised.
 */
export interface NarrativeClaim {
  readonly id: string;
  readonly templates: readonly TemplateId[];
  /** Global pattern; group 1 holds the number (absent for `none` claims, which state 0). */
  readonly pattern: RegExp;
  readonly states: 'count' | 'none';
  /**
   * Readings the statement may have, each a list of field ids whose values add up to the stated number; the
   * first is the one a disagreement is reported on. Agreement with any reading counts as agreement.
   */
  readonly readings: readonly (readonly string[])[];
  /** Text right before the match that disqualifies it (主要负责同志参加 before 新闻发布会 is another row). */
  readonly notAfter?: RegExp;
  /** Text right after the match that disqualifies it ("未发生…行政复议纠错" does not say there was no 复议). */
  readonly notBefore?: RegExp;
}

const OLD: readonly TemplateId[] = ['gov-2014'];
const NEW: readonly TemplateId[] = ['gov-2019', 'gov-2021'];
const ALL: readonly TemplateId[] = ['gov-2014', 'gov-2019', 'gov-2021'];
/** Characters a pattern may skip inside one clause (no digits, no clause punctuation). */
const GAP = '[^。；;，,！!？?\\d]';
const REQUEST_WORDS = '(?:依申请|信息公开申请|公开申请|申请公开)';
const BY_HEAD = /(?:负责同志|负责人|领导)(?:参加|出席)?[^。；;，,]{0,6}$/u;
/** "没有…被行政复议纠错/行政诉讼败诉" denies an outcome, not the case itself. */
const OUTCOME_AFTER = /^[^。；;，,]{0,4}(?:纠错|纠正|败诉|撤销|确认违法)/u;

/** The narrative statements compared with the table. Only clear patterns: a wrong match is worse than none. */
export const narrativeClaims: readonly NarrativeClaim[] = [
  {
    id: 'requests.received',
    templates: OLD,
    pattern: new RegExp(`(?:受理|收到|办理|接收)了?${GAP}{0,16}?${REQUEST_WORDS}${GAP}{0,8}?(\\d+)(?:件|宗|份)`, 'gu'),
    states: 'count',
    readings: [['requests.received'], ['requests.completed'], ['requests.answered']],
  },
  {
    id: 'applications.newReceived',
    templates: NEW,
    pattern: new RegExp(`(?:新收|受理|收到|办理|接收)了?${GAP}{0,16}?${REQUEST_WORDS}${GAP}{0,8}?(\\d+)(?:件|宗|份)`, 'gu'),
    states: 'count',
    readings: [
      ['applications.newReceived.total'],
      ['applications.newReceived.total', 'applications.carriedOver.total'],
      ['applications.resultTotal.total'],
    ],
  },
  {
    id: 'active.total',
    templates: OLD,
    pattern: /(?:主动公开了?|(?:共|累计|全年)(?:主动)?公开了?)(?:政府|政务)信息(?:共|总计|合计)?(\d+)条/gu,
    states: 'count',
    readings: [['active.total']],
  },
  {
    id: 'response.pressConferences',
    templates: OLD,
    pattern: /(?:召开|举办|举行)(?:或参加|或举办|或出席)?了?(?:政府)?新闻发布会(?:共)?(\d+)(?:场|次)|(?:召开|举办|举行)(?:了)?(\d+)(?:场|次)(?:政府)?新闻发布会/gu,
    states: 'count',
    readings: [['response.pressConferences']],
    notAfter: BY_HEAD,
  },
  {
    id: 'response.onlineInterviews',
    templates: OLD,
    pattern: /(?:政府网站)?在线访谈(?:活动)?(?:共)?(\d+)(?:次|场|期)/gu,
    states: 'count',
    readings: [['response.onlineInterviews']],
    notAfter: BY_HEAD,
  },
  {
    id: 'response.interpretations',
    templates: OLD,
    pattern: /发布了?(?:政策)?解读(?:稿件|材料|信息|文章)?(?:共)?(\d+)(?:篇|条|份)/gu,
    states: 'count',
    readings: [['response.interpretations']],
  },
  {
    id: 'training.meetings',
    templates: OLD,
    pattern: new RegExp(`召开了?(?:政府信息公开|政务公开|信息公开)${GAP}{0,10}?会议(?:共)?(\\d+)(?:次|场)`, 'gu'),
    states: 'count',
    readings: [['training.meetings']],
  },
  {
    id: 'training.sessions',
    templates: OLD,
    pattern: new RegExp(`举办了?${GAP}{0,10}?培训班(?:共)?(\\d+)(?:次|期|场|个)`, 'gu'),
    states: 'count',
    readings: [['training.sessions']],
  },
  {
    id: 'training.trainees',
    templates: OLD,
    pattern: new RegExp(`培训${GAP}{0,8}?(\\d+)人次`, 'gu'),
    states: 'count',
    readings: [['training.trainees']],
  },
  {
    id: 'org.staffFullTime',
    templates: OLD,
    pattern: /(?:配备|落实|有)(\d+)名专职/gu,
    states: 'count',
    readings: [['org.staffFullTime']],
  },
  {
    id: 'org.staffPartTime',
    templates: OLD,
    pattern: /(\d+)名兼职/gu,
    states: 'count',
    readings: [['org.staffPartTime']],
  },
  {
    id: 'org.budget',
    templates: OLD,
    pattern: new RegExp(`专项(?:资金|经费)${GAP}{0,6}?(\\d+(?:\\.\\d+)?)万元`, 'gu'),
    states: 'count',
    readings: [['org.budget']],
  },
  {
    id: 'reconsideration.none',
    templates: ALL,
    pattern: /(?:没有|未发生|未收到|未有|无)[^。；;，,\d]{0,30}?行政复议/gu,
    states: 'none',
    readings: [['reconsideration.total']],
    notBefore: OUTCOME_AFTER,
  },
  {
    id: 'litigation.none',
    templates: OLD,
    pattern: /(?:没有|未发生|未收到|未有|无)[^。；;，,\d]{0,30}?行政诉讼/gu,
    states: 'none',
    readings: [['litigation.total']],
    notBefore: OUTCOME_AFTER,
  },
  {
    id: 'litigation.none.new',
    templates: NEW,
    pattern: /(?:没有|未发生|未收到|未有|无)[^。；;，,\d]{0,30}?行政诉讼/gu,
    states: 'none',
    readings: [['litigationDirect.total', 'litigationAfterReconsideration.total']],
    notBefore: OUTCOME_AFTER,
  },
  {
    id: 'complaints.none',
    templates: OLD,
    pattern: /(?:没有|未发生|未收到|未有|无)[^。；;，,\d]{0,20}?举报/gu,
    states: 'none',
    readings: [['complaints.total']],
  },
];
