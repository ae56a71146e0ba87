import { currentLocale } from './i18n/locale.ts';

/** The overview page's words in both languages (kept beside the page: one concept per file). */
const zh = {
  navOverview: '概览',
  heading: '概览',
  documentsHeading: '按年度和表式的文件数',
  year: '年度',
  unknownYear: '年度未知',
  total: '合计',
  progressHeading: '审核进度',
  progress: (committed: number, documents: number, fieldsInReview: number) => `已提交 ${committed} / ${documents} 份文件；待审核字段 ${fieldsInReview} 个`,
  states: { queued: '提取中', review: '待审核', committed: '已提交', rejected: '已驳回', failed: '提取失败' } as Record<string, string>,
  seriesHeading: '指标时间序列（仅已提交的数值）',
  allAgencies: '全部机关',
  indicator: '指标',
  agency: '机关',
  noSeries: '没有已提交的数值可画。',
  gap: (reason: string) => `空缺：${reason}`,
  downloadCsv: '下载 CSV',
  downloadJson: '下载 JSON',
  agenciesHeading: '机关标识',
  proposalsHeading: '建议合并（需审核人确认）',
  noProposals: '没有待确认的合并建议。',
  merge: '合并',
  keepApart: '不是同一机关',
  confirm: '确认',
  confirmed: '已确认',
  groupColumns: ['机关标识', '报告所署名称', '年度', '文件数', '依据', '状态'],
  proposal: (from: string, into: string) => `“${from}” 并入 “${into}”`,
  years: (years: readonly number[]) => (years.length === 0 ? '—' : years.join('、')),
  alternatives: (keys: readonly string[]) => `也可能是：${keys.join('、')}`,
};
type OverviewText = typeof zh;

const en: OverviewText = {
  navOverview: 'Overview',
  heading: 'Overview',
  documentsHeading: 'Documents by year and form',
  year: 'Year',
  unknownYear: 'year unknown',
  total: 'Total',
  progressHeading: 'Review progress',
  progress: (committed, documents, fieldsInReview) => `${committed} of ${documents} documents committed; ${fieldsInReview} fields to review`,
  states: { queued: 'extracting', review: 'to review', committed: 'committed', rejected: 'rejected', failed: 'extraction failed' },
  seriesHeading: 'Indicator over the years (committed values only)',
  allAgencies: 'all agencies',
  indicator: 'Indicator',
  agency: 'Agency',
  noSeries: 'No committed values to draw.',
  gap: (reason) => `gap: ${reason}`,
  downloadCsv: 'Download CSV',
  downloadJson: 'Download JSON',
  agenciesHeading: 'Agency keys',
  proposalsHeading: 'Proposed merges (a reviewer confirms)',
  noProposals: 'No merge waits for a decision.',
  merge: 'Merge',
  keepApart: 'Not the same agency',
  confirm: 'Confirm',
  confirmed: 'confirmed',
  groupColumns: ['Agency key', 'Names as printed', 'Years', 'Documents', 'Evidence', 'State'],
  proposal: (from, into) => `"${from}" into "${into}"`,
  years: (years) => (years.length === 0 ? '—' : years.join(', ')),
  alternatives: (keys) => `could also be: ${keys.join(', ')}`,
};

/** The overview's words in the current language. */
export function overviewText(): OverviewText {
  return currentLocale() === 'en' ? en : zh;
}
