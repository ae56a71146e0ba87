/**
 * How often each applicant column of section 三 prints a value other than 0, counted on the gold files of the real and
 * synthetic reports in test/fixtures (2,400 cells per column): natural persons apply most, then businesses, other
 * organisations and legal services; research institutes and public-interest bodies rarely. Data, not rules: it
 * only orders the placements of a row whose blanks left no trace, to offer the likeliest to the reviewer.
 */
export const APPLICANT_COLUMN_SHARES: Readonly<Record<string, number>> = {
  naturalPerson: 0.225,
  commercial: 0.112,
  research: 0.027,
  publicInterest: 0.018,
  legalService: 0.051,
  otherOrg: 0.075,
  total: 0.323,
};

/** The share of a field's column that prints a value other than 0; undefined for a field of no known column. */
export function columnShare(fieldId: string): number | undefined {
  if (!fieldId.startsWith('applications.')) return undefined;
  return APPLICANT_COLUMN_SHARES[fieldId.slice(fieldId.lastIndexOf('.') + 1)];
}

/** A column's share as log-odds (the placements' score adds them up); undefined for a field of no known column. */
export function columnLogOdds(fieldId: string): number | undefined {
  const share = columnShare(fieldId);
  return share === undefined ? undefined : Math.log(share / (1 - share));
}
