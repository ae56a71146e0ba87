import { applicantColumns, appealGroups, applicationRows } from './newFormatRules.ts';
import type { ColumnDefinition, RowDefinition, TableDefinition } from './TemplateDefinition.ts';

/**
 * Table layout of the new-format forms (gov-2019, gov-2021) as data.
 *
 * Table ids: the section (二, 三, 四) comes first; section 二 is printed as one small table per item of
 * 第二十条 and its tables are `二.1`, `二.5`, `二.6`, `二.8`, `二.9` (section = the part before the dot).
 * Every row lists its label variants (canonical first; wrapped and abbreviated forms after) and its
 * cells' field ids in printed column order, null where the form prints no cell.
 */

const sectionTwoHeading = ['二、主动公开政府信息情况', '主动公开政府信息情况'];
const sectionThreeHeading = ['三、收到和处理政府信息公开申请情况', '收到和处理政府信息公开申请情况'];
const sectionFourHeading = ['四、政府信息公开行政复议、行政诉讼情况', '政府信息公开行政复议、行政诉讼情况', '行政复议、行政诉讼情况'];

function column(key: string, labels: string[]): ColumnDefinition {
  return { key, labels };
}

function row(key: string, labels: string[], cells: (string | null)[]): RowDefinition {
  return { key, labels, cells };
}

/** The label variants of every row of section 三 (without the `applications.` prefix of the key). */
const applicationRowLabels: Readonly<Record<string, string[]>> = {
  newReceived: ['一、本年新收政府信息公开申请数量', '本年新收政府信息公开申请数量', '本年新收政府信息公开申请', '本年新收申请数量', '本年新收'],
  carriedOver: ['二、上年结转政府信息公开申请数量', '上年结转政府信息公开申请数量', '上年结转政府信息公开申请', '上年结转申请数量', '上年结转'],
  granted: ['（一）予以公开', '予以公开'],
  partiallyGranted: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开（区分处理的，只计这一情形，不计其他情形）', '部分公开（区分处理的', '部分公开'],
  deniedStateSecret: ['1.属于国家秘密', '属于国家秘密', '国家秘密'],
  deniedLawForbidden: ['2.其他法律行政法规禁止公开', '其他法律行政法规禁止公开', '法律行政法规禁止公开', '禁止公开'],
  deniedSafetyStability: ['3.危及“三安全一稳定”', '危及“三安全一稳定”', '危及三安全一稳定', '三安全一稳定'],
  deniedThirdParty: ['4.保护第三方合法权益', '保护第三方合法权益', '第三方合法权益'],
  deniedInternalAffairs: ['5.属于三类内部事务信息', '属于三类内部事务信息', '三类内部事务信息', '内部事务信息'],
  deniedProcessInfo: ['6.属于四类过程性信息', '属于四类过程性信息', '四类过程性信息', '过程性信息'],
  deniedEnforcementFile: ['7.属于行政执法案卷', '属于行政执法案卷', '行政执法案卷'],
  deniedQuery: ['8.属于行政查询事项', '属于行政查询事项', '行政查询事项'],
  unableNotHeld: ['1.本机关不掌握相关政府信息', '本机关不掌握相关政府信息', '不掌握相关政府信息', '本机关不掌握'],
  unableNeedsCreation: ['2.没有现成信息需要另行制作', '没有现成信息需要另行制作', '需要另行制作', '没有现成信息'],
  unableUnclear: ['3.补正后申请内容仍不明确', '补正后申请内容仍不明确', '申请内容仍不明确', '补正后申请内容'],
  notProcessedComplaint: ['1.信访举报投诉类申请', '信访举报投诉类申请', '信访举报投诉'],
  notProcessedDuplicate: ['2.重复申请', '重复申请'],
  notProcessedPublication: ['3.要求提供公开出版物', '要求提供公开出版物', '公开出版物'],
  notProcessedMassRepeated: ['4.无正当理由大量反复申请', '无正当理由大量反复申请', '大量反复申请'],
  notProcessedConfirmation: [
    '5.要求行政机关确认或重新出具已获取信息', '要求行政机关确认或重新出具已获取信息', '确认或重新出具已获取信息', '要求行政机关确认或重新出具',
    '要求行政机关确认',
  ],
  otherOverdueAmendment: [
    '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
    '申请人无正当理由逾期不补正', '无正当理由逾期不补正', '逾期不补正',
  ],
  otherOverdueFee: [
    '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    '申请人逾期未按收费通知要求缴纳费用', '逾期未按收费通知要求缴纳费用', '申请人逾期未按收费通知要求', '逾期未按收费',
  ],
  resultTotal: ['（七）总计', '总计'],
  carriedForward: ['四、结转下年度继续办理', '结转下年度继续办理', '结转下年度'],
};

/** 三 (六)其他处理: one row on the 2019 form, the third of three sub-rows ("3.其他") on the 2021 form. */
const otherHandlingLabels2019 = ['（六）其他处理', '其他处理'];
const otherHandlingLabels2021 = ['3.其他', '其他', '（六）其他处理3.其他', '其他处理3.其他'];

/** Columns of section 三 in printed order: six applicant kinds and 总计. */
export const applicantColumnDefinitions: readonly ColumnDefinition[] = [
  column('naturalPerson', ['自然人']),
  column('commercial', ['商业企业', '企业']),
  column('research', ['科研机构']),
  column('publicInterest', ['社会公益组织', '社会组织', '公益组织']),
  column('legalService', ['法律服务机构', '法律服务']),
  column('otherOrg', ['其他']),
  column('total', ['总计', '合计']),
];

/** The group cells of section 三's rows; on the 2021 form （六）其他处理 is one too, over its three sub-rows. */
const applicationGroupLabels2019 = ['三、本年度办理结果', '（三）不予公开', '（四）无法提供', '（五）不予处理'];
const applicationGroupLabels2021 = [...applicationGroupLabels2019, '（六）其他处理'];

function applicationsTable(otherRows: readonly string[], otherHandlingLabels: string[], groupLabels: readonly string[]): TableDefinition {
  const rows = applicationRows(otherRows).map((key) => {
    const labels = key === 'otherHandling' ? otherHandlingLabels : applicationRowLabels[key];
    if (!labels) throw new Error(`newFormatTables: no labels for row ${key}`);
    return row(key, labels, applicantColumns.map((columnKey) => `applications.${key}.${columnKey}`));
  });
  return { id: '三', kind: 'grid', heading: sectionThreeHeading, rows, columns: applicantColumnDefinitions, groupLabels };
}

const appealParts = [
  ['upheld', ['结果维持', '维持']],
  ['corrected', ['结果纠正', '纠正']],
  ['other', ['其他结果']],
  ['pending', ['尚未审结', '未审结']],
  ['total', ['总计', '合计']],
] as const;
const appealGroupLabels: Readonly<Record<string, string>> = {
  reconsideration: '行政复议',
  litigationDirect: '未经复议直接起诉',
  litigationAfterReconsideration: '复议后起诉',
};
/** The heading the form prints over a group of section 四 (行政诉讼 spans its two groups). */
const appealGroupHeadings: Readonly<Record<string, string>> = {
  litigationDirect: '行政诉讼',
  litigationAfterReconsideration: '行政诉讼',
};

/** Section 四: one printed row of 15 cells, 行政复议 ×5, 未经复议直接起诉 ×5, 复议后起诉 ×5. */
function appealsTable(): TableDefinition {
  const columns: ColumnDefinition[] = [];
  const cells: string[] = [];
  for (const group of appealGroups) {
    for (const [part, labels] of appealParts) {
      const heading = appealGroupHeadings[group];
      const withHeading = heading === undefined ? [] : labels.map((label) => `${heading}/${appealGroupLabels[group]}/${label}`);
      columns.push(column(`${group}.${part}`, [...labels.map((label) => `${appealGroupLabels[group]}/${label}`), ...withHeading, ...labels]));
      cells.push(`${group}.${part}`);
    }
  }
  return {
    id: '四',
    kind: 'grid',
    heading: sectionFourHeading,
    rows: [row('appeals', ['行政复议、行政诉讼', '行政复议', '行政诉讼'], cells)],
    columns,
  };
}

function sectionTwoTable(id: string, item: string, columns: ColumnDefinition[], rows: RowDefinition[]): TableDefinition {
  return { id, kind: 'grid', heading: [...sectionTwoHeading, `第二十条第（${item}）项`], rows, columns };
}

const itemColumns2019 = [column('prevYearItems', ['上一年项目数量', '上一年项目数']), column('change', ['本年增/减', '本年增减', '增/减']), column('decisions', ['处理决定数量', '本年处理决定数量'])];

/** Section 二 of the 2019 form: five small tables. 行政事业性收费 prints no 处理决定数量 cell. */
function disclosureTables2019(): TableDefinition[] {
  const documentColumns = [column('newlyMade', ['本年新制作数量', '新制作数量']), column('newlyPublished', ['本年新公开数量', '新公开数量']), column('totalPublic', ['对外公开总数量', '公开总数量'])];
  const documentRow = (key: string, labels: string[]) =>
    row(key, labels, documentColumns.map((c) => `disclosure.${key}.${c.key}`));
  const itemRow = (key: string, labels: string[], withDecisions = true) =>
    row(key, labels, itemColumns2019.map((c) => (c.key === 'decisions' && !withDecisions ? null : `disclosure.${key}.${c.key}`)));
  return [
    sectionTwoTable('二.1', '一', documentColumns, [
      documentRow('rules', ['规章']),
      documentRow('normativeDocs', ['规范性文件', '行政规范性文件']),
    ]),
    sectionTwoTable('二.5', '五', itemColumns2019, [
      itemRow('licensing', ['行政许可']),
      itemRow('otherServices', ['其他对外管理服务事项', '其他对外管理服务', '对外管理服务事项']),
    ]),
    sectionTwoTable('二.6', '六', itemColumns2019, [itemRow('penalties', ['行政处罚']), itemRow('enforcement', ['行政强制'])]),
    sectionTwoTable('二.8', '八', itemColumns2019, [itemRow('fees', ['行政事业性收费', '事业性收费'], false)]),
    sectionTwoTable('二.9', '九', [column('projects', ['采购项目数量', '项目数量']), column('amount', ['采购总金额', '总金额'])], [
      row('procurement', ['政府集中采购', '集中采购'], ['disclosure.procurement.projects', 'disclosure.procurement.amount']),
    ]),
  ];
}

/** Section 二 of the 2021 form: 10 cells in four small tables. */
function disclosureTables2021(): TableDefinition[] {
  const documentColumns = [column('issued', ['本年制发件数', '制发件数']), column('repealed', ['本年废止件数', '废止件数']), column('inForce', ['现行有效件数', '有效件数'])];
  const documentRow = (key: string, labels: string[]) =>
    row(key, labels, documentColumns.map((c) => `disclosure.${key}.${c.key}`));
  const decisionColumns = [column('decisions', ['本年处理决定数量', '处理决定数量'])];
  return [
    sectionTwoTable('二.1', '一', documentColumns, [
      documentRow('rules', ['规章']),
      documentRow('normativeDocs', ['行政规范性文件', '规范性文件']),
    ]),
    sectionTwoTable('二.5', '五', decisionColumns, [row('licensing', ['行政许可'], ['disclosure.licensing.decisions'])]),
    sectionTwoTable('二.6', '六', decisionColumns, [
      row('penalties', ['行政处罚'], ['disclosure.penalties.decisions']),
      row('enforcement', ['行政强制'], ['disclosure.enforcement.decisions']),
    ]),
    sectionTwoTable('二.8', '八', [column('amount', ['本年收费金额（单位：万元）', '本年收费金额', '收费金额'])], [
      row('fees', ['行政事业性收费', '事业性收费'], ['disclosure.fees.amount']),
    ]),
  ];
}

/** All tables of the gov-2019 form in printed order. */
export function gov2019Tables(): TableDefinition[] {
  return [...disclosureTables2019(), applicationsTable(['otherHandling'], otherHandlingLabels2019, applicationGroupLabels2019), appealsTable()];
}

/** All tables of the gov-2021 form in printed order. */
export function gov2021Tables(): TableDefinition[] {
  return [
    ...disclosureTables2021(),
    applicationsTable(['otherOverdueAmendment', 'otherOverdueFee', 'otherHandling'], otherHandlingLabels2021, applicationGroupLabels2021),
    appealsTable(),
  ];
}

/** The gov-2021 tables as some agencies print them: section 三 keeps the 2019 form's single （六）其他处理 row. */
export function gov2021TablesWithCombinedOtherRow(): TableDefinition[] {
  return [...disclosureTables2021(), applicationsTable(['otherHandling'], otherHandlingLabels2019, applicationGroupLabels2019), appealsTable()];
}

/**
 * The labels of the 2021 form's （六） sub-rows 1 and 2, and short pieces of them that survive OCR damage to the
 * rest (row 3, "3.其他", is too generic to tell the two shapes apart).
 */
export const otherSubRowLabels: readonly string[] = [
  ...applicationRowLabels.otherOverdueAmendment!, ...applicationRowLabels.otherOverdueFee!, '不补正', '逾期未按', '收费通知', '缴纳费用',
];

/** The section (二, 三 or 四) a table of the new-format forms belongs to: its id up to the first dot. */
export function sectionOfTable(table: TableDefinition): string {
  const dot = table.id.indexOf('.');
  return dot < 0 ? table.id : table.id.slice(0, dot);
}
