import type { ReportMeta } from '../record/ExtractionRecord.ts';

const TITLE_PATTERN = /([\u4e00-\u9fff（）()·、A-Za-z0-9]{2,40}?)\s*(20\d{2}|19\d{2})\s*年度?\s*(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:报告|年报)/u;
const PERIOD_PATTERN = /(20\d{2})\s*年\s*1\s*月\s*1\s*日\s*(?:起\s*)?(?:至|到|—|-|~)\s*(20\d{2})\s*年\s*12\s*月\s*31\s*日/u;
const TABLE_YEAR_PATTERN = /[(（]\s*(20\d{2})\s*年度?\s*[)）]/u;
const FILLER_PATTERN = /填报单位\s*[(（]?\s*盖章\s*[)）]?\s*[:：]\s*([^\s\t|]{2,40})/u;

/** Reads the issuing agency and the reporting year (the year the statistics cover, not the publication year). */
export function extractMeta(text: string): ReportMeta {
  return { agency: findAgency(text), year: findYear(text) };
}

function findYear(text: string): number | null {
  const head = text.slice(0, 4000);
  const title = TITLE_PATTERN.exec(head);
  if (title?.[2]) return Number(title[2]);
  const period = PERIOD_PATTERN.exec(text);
  if (period?.[1]) return Number(period[1]);
  const tableYear = TABLE_YEAR_PATTERN.exec(text);
  if (tableYear?.[1]) return Number(tableYear[1]);
  const anyYear = /(20\d{2})\s*年/u.exec(head);
  return anyYear?.[1] ? Number(anyYear[1]) : null;
}

function findAgency(text: string): string | null {
  const head = text.slice(0, 4000);
  const title = TITLE_PATTERN.exec(head);
  const fromTitle = title?.[1] ? cleanAgency(title[1]) : null;
  if (fromTitle) return fromTitle;
  const filler = FILLER_PATTERN.exec(text);
  return filler?.[1] ? cleanAgency(filler[1]) : null;
}

function cleanAgency(candidate: string): string | null {
  const cleaned = candidate.replace(/^(关于|公开|现公布)/u, '').replace(/[、，,。.:：]+$/u, '').trim();
  return cleaned.length >= 2 ? cleaned : null;
}
