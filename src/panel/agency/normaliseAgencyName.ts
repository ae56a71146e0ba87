/**
 * The form of an agency name that comparisons use: NFKC (full-width letters, digits and brackets become ASCII,
 * U+3000 a space), then every space and invisible mark removed — the crawlers and PDF extractors put spaces inside
 * names ("河北省 教育厅") — and the comma variants unified to 、 as names list joint issuers with it.
 */
export function normaliseAgencyName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\u2060\ufeff]+/gu, '')
    .replace(/[,，]/gu, '、');
}
