import { repairKnownOcrNoise } from '../normalise/labelKey.ts';
import type { ReportMeta } from '../record/ExtractionRecord.ts';

const CJK_AGENCY = '[\\u4e00-\\u9fff()（）]';
/** A line break a title may wrap at, between any two of its characters ("…2022年政 / 府信息公开工作年度报告"). */
const WRAP = '\\n?';
/** A word of the title as printed, perhaps wrapped inside. */
const wrapped = (word: string): string => [...word].join(WRAP);
const REPORT_WORDS = `${WRAP}(?:${wrapped('政府')}|${wrapped('政务')})?${WRAP}(?:${wrapped('信息')}|${wrapped('政务')})${WRAP}${wrapped('公开')}`
  + `${WRAP}(?:${wrapped('工作')})?${WRAP}(?:${wrapped('年度')})?${WRAP}(?:${wrapped('工作')})?${WRAP}(?:${wrapped('报告')}|${wrapped('年报')}|报\\.\\.\\.)`;
/** The year of the title: "2022年", "2022年度". */
const TITLE_YEAR = `((?:19|20)\\d{2})${WRAP}年(?:${WRAP}度)?`;
/** "<agency><year>年度政府信息公开工作年度报告" (agency first, the usual order). */
const AGENCY_FIRST = new RegExp(`(${CJK_AGENCY}{2,40}?)${WRAP}${TITLE_YEAR}${REPORT_WORDS}`, 'u');
/** "<year>年<agency>政府信息公开工作年度报告" (year first). */
const YEAR_FIRST = new RegExp(`${TITLE_YEAR}(${CJK_AGENCY}{2,40}?)${REPORT_WORDS}`, 'u');
/** The statistics period: "统计期限为2020年1月1日至2020年12月31日". */
const PERIOD = /((?:19|20)\d{2})年1月1日(?:起)?(?:至|到|—|-|~|－)((?:19|20)\d{2})年12月31日/u;
/** The year printed under a table title: "(2018年度)". */
const TABLE_YEAR = /[(（]((?:19|20)\d{2})年度?[)）]/u;
/** Labelled agency lines in crawler output and form headers. */
const LABELLED_AGENCY = /(?:^|\n)(?:发布机构|发文机关|单位|填报单位[(（]?盖章[)）]?)[:：]([\u4e00-\u9fff()（）]{2,40})/u;
/** Words that precede an agency name inside a sentence or a crawler header, never part of it. */
const LEADING_NOISE = /^(?:标题|正文|关于|现公布|现公开|特向社会公开|公开|编制|发布|印发|转发|我局|我委|我办|我乡|我镇|我区|我县|我市|本|[:：#])+/u;

/**
 * Words that name a kind of agency, not an agency: a title such as "2018年政府信息公开工作年度报告" yields "政府",
 * which must never be committed as the issuer. A candidate made only of these (and level words) is no agency.
 */
const GENERIC_AGENCY = /^(?:[省市县区乡镇街道村]|本级|本机关|本单位|本部门|我|本|人民|政府|办公室|办公厅|管委会|委员会|机关|单位|部门|局|委|办)+$/u;

/** Reads the issuing agency and the reporting year (the year the statistics cover, not the publication year). */
export function extractMeta(text: string): ReportMeta {
  const head = compactHead(text);
  const title = findTitle(head);
  return {
    agency: title?.agency ?? findLabelledAgency(text),
    year: findYear(text, title?.year ?? null),
  };
}

/**
 * The first part of the document with spaces removed and runs of line breaks folded to one, so titles broken
 * over lines still read whole while a crawler header on the line before never joins the agency name.
 */
function compactHead(text: string): string {
  return text.slice(0, 3000).replace(/[^\S\n]+/gu, '').replace(/\n+/gu, '\n');
}

function findTitle(head: string): { agency: string | null; year: number } | null {
  const agencyFirst = AGENCY_FIRST.exec(head);
  const yearFirst = YEAR_FIRST.exec(head);
  if (agencyFirst && (!yearFirst || agencyFirst.index <= yearFirst.index)) {
    const agency = cleanAgency(agencyFirst[1] ?? '');
    if (agency) return { agency, year: Number(agencyFirst[2]) };
  }
  if (yearFirst) return { agency: cleanAgency(yearFirst[2] ?? ''), year: Number(yearFirst[1]) };
  if (agencyFirst) return { agency: null, year: Number(agencyFirst[2]) };
  return null;
}

function findLabelledAgency(text: string): string | null {
  const labelled = LABELLED_AGENCY.exec(text.slice(0, 5000).replace(/[^\S\n]+/gu, ''));
  return labelled?.[1] ? cleanAgency(labelled[1]) : null;
}

function findYear(text: string, titleYear: number | null): number | null {
  const period = PERIOD.exec(text.replace(/[\s\u3000]+/gu, ''));
  if (period?.[1] && period[1] === period[2]) return Number(period[1]);
  if (titleYear !== null) return titleYear;
  const tableYear = TABLE_YEAR.exec(text.replace(/[ \u3000]+/gu, ''));
  if (tableYear?.[1]) return Number(tableYear[1]);
  const anyYear = /((?:19|20)\d{2})\s*年/u.exec(text.slice(0, 3000));
  return anyYear?.[1] ? Number(anyYear[1]) : null;
}

function cleanAgency(candidate: string): string | null {
  let cleaned = candidate;
  // A sentence may run into the title ("…,现公开孝感市人民政府办公室2020年…"): keep what follows the last break.
  const lastBreak = Math.max(cleaned.lastIndexOf('。'), cleaned.lastIndexOf('，'), cleaned.lastIndexOf(','));
  if (lastBreak >= 0) cleaned = cleaned.slice(lastBreak + 1);
  cleaned = repairKnownOcrNoise(cleaned.replace(LEADING_NOISE, '').replace(/^[()（）]+|[（(]$/gu, ''));
  return cleaned.length >= 2 && !GENERIC_AGENCY.test(cleaned) ? cleaned : null;
}
