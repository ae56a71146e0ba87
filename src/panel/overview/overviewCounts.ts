import type { DocumentSummary } from '../../store/storeSchemas.ts';
import type { AgencyIdentity } from '../agency/AgencyIdentity.ts';
import { resolveAgencyKey } from '../agency/resolveAgencyKey.ts';
import { crosswalk } from '../crosswalk/crosswalk.ts';

/** What the overview page shows above its chart: documents by year and form, review progress, agencies, indicators. */
export interface OverviewCounts {
  /** Documents per report year (null: unknown) and form (`pending` while not extracted), years ascending. */
  readonly byYearForm: readonly { readonly year: number | null; readonly form: string; readonly documents: number }[];
  readonly byState: Readonly<Record<string, number>>;
  readonly documents: number;
  readonly fields: number;
  readonly fieldsInReview: number;
  /** Agency keys with documents (the chart's choice), by name. */
  readonly agencies: readonly { readonly key: string; readonly name: string; readonly confirmed: boolean; readonly years: readonly number[]; readonly documents: number }[];
  readonly indicators: readonly { readonly id: string; readonly labelZh: string; readonly labelEn: string; readonly unit: string }[];
}

/** The overview's counts from the index alone (no document body is read). */
export function overviewCounts(summaries: readonly DocumentSummary[], identities: readonly AgencyIdentity[]): OverviewCounts {
  const cells = new Map<string, { year: number | null; form: string; documents: number }>();
  const byState: Record<string, number> = {};
  const agencies = new Map<string, { key: string; name: string; confirmed: boolean; years: Set<number>; documents: number }>();
  let fields = 0;
  let fieldsInReview = 0;
  // Resolved once per printed name: a store holds many reports of few agencies.
  const resolvedByName = new Map<string | null, ReturnType<typeof resolveAgencyKey>>();
  for (const summary of summaries) {
    const form = summary.template ?? 'pending';
    const cell = cells.get(`${summary.year}\u0000${form}`) ?? { year: summary.year, form, documents: 0 };
    cell.documents++;
    cells.set(`${summary.year}\u0000${form}`, cell);
    byState[summary.state] = (byState[summary.state] ?? 0) + 1;
    fields += summary.fieldCount;
    if (summary.state === 'review') fieldsInReview += summary.reviewCount;
    let resolved = resolvedByName.get(summary.agency);
    if (!resolved) {
      resolved = resolveAgencyKey(summary.agency, identities);
      resolvedByName.set(summary.agency, resolved);
    }
    const { key, confirmed } = resolved;
    if (key === null) continue;
    const agency = agencies.get(key) ?? { key, name: summary.agency ?? key, confirmed, years: new Set<number>(), documents: 0 };
    agency.documents++;
    if (summary.year !== null) agency.years.add(summary.year);
    agencies.set(key, agency);
  }
  return {
    byYearForm: [...cells.values()].sort((left, right) => (left.year ?? Infinity) - (right.year ?? Infinity) || (left.form < right.form ? -1 : 1)),
    byState,
    documents: summaries.length,
    fields,
    fieldsInReview,
    agencies: [...agencies.values()]
      .map((agency) => ({ ...agency, years: [...agency.years].sort((left, right) => left - right) }))
      .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0)),
    indicators: crosswalk.indicators.map((indicator) => ({ id: indicator.id, labelZh: indicator.labelZh, labelEn: indicator.labelEn, unit: indicator.unit })),
  };
}
