import type { TemplateId } from '../record/ExtractionRecord.ts';

/**
 * The template each wild report (test/fixtures/wild, no gold values) must come out as, from
 * test/fixtures/wild/SOURCES.md: the national forms by reporting year and printed layout; the Fujian local
 * tables (指标名称/计量单位/年度/历年累计) and the report without a table are `unknown`.
 */
export const expectedWildTemplates: Readonly<Record<string, TemplateId>> = {
  '01_pingtan_2018_localtable.txt': 'unknown',
  '02_pingtan_2019_flat.txt': 'gov-2019',
  '03_pingtan_2020_flat.txt': 'gov-2019',
  '04_pingtan_2021_flat.txt': 'gov-2021',
  '05_pingtan_2022_flat.txt': 'gov-2021',
  '06_pingtan_2023_flat.txt': 'gov-2021',
  '07_pingtan_2016_localtable.txt': 'unknown',
  '08_pingtanxian_2012_localtable.txt': 'unknown',
  '09_pingtan_dishui_2013_notable.txt': 'unknown',
  '10_pingtan_2011_localtable_spaced.txt': 'unknown',
  '11_pingtan_2024_flat.txt': 'gov-2021',
  '12_pingtan_2025_flat.txt': 'gov-2021',
  '13_shanghai_bgt_2019_html_escaped.txt': 'gov-2019',
  '14_huaian_2024_pdf_pdfminer.txt': 'gov-2021',
  '15_pingtan_2014_localtable_spaced.txt': 'unknown',
  '16_lggovcn_dept_2024_pipe_PARTIAL.txt': 'gov-2021',
  '17_xiaogan_bgs_2020_pipe_PARTIAL.txt': 'gov-2019',
  '18_jxgc_changqiao_2019_pipe_PARTIAL.txt': 'gov-2019',
  '19_xian_tongjiju_2023_brokenpipe_PARTIAL.txt': 'gov-2021',
  '20_huichang_zhongcun_2020_cellperline_PARTIAL.txt': 'gov-2019',
  '21_xiongxian_xiang_2019_emptytable_PARTIAL.txt': 'gov-2019',
  '22_dazhu_chuanzhu_2019_flat_noheader_PARTIAL.txt': 'gov-2019',
  '23_xuwen_bureau_2021fmt_blankcells_PARTIAL.txt': 'gov-2021',
  '30_hebei-jyt_2018_gov2014.txt': 'gov-2014',
  '40_hebei-jyt_2019_gov2019.txt': 'gov-2019',
  '41_hebei-jyt_2021_gov2021.txt': 'gov-2021',
  '42_hebei-jyt_2023_gov2021.txt': 'gov-2021',
  '43_hebei-gxt_2022_gov2021.txt': 'gov-2021',
  '44_hebei-gxt_2023_gov2021.txt': 'gov-2021',
  '45_hebei-kjt_2022_gov2021.txt': 'gov-2021',
  'hongze_2023.txt': 'gov-2021',
  'hongze_2024.txt': 'gov-2021',
  'shanghai-kewei_2024.txt': 'gov-2021',
  'shanghai-office_2025.txt': 'gov-2021',
  'shuyang-fgj_2023.txt': 'gov-2021',
  'shuyang_2025.txt': 'gov-2021',
};
