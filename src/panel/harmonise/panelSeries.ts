import type { PanelBlankReason, PanelRow } from './PanelRow.ts';

/** One year of a series: the value, or null with why (a gap in the chart, not a 0). */
export interface SeriesPoint {
  readonly year: number;
  readonly value: number | null;
  readonly blankReason: PanelBlankReason | null;
  readonly form: PanelRow['form'];
  readonly sha256: string;
}

/** One agency's time series of one indicator. */
export interface PanelSeries {
  readonly agencyKey: string;
  readonly agencyName: string;
  readonly indicatorId: string;
  readonly unit: string;
  readonly points: readonly SeriesPoint[];
}

/**
 * The time series of one indicator, one per agency (or only `agencyKey`'s), years ascending: what the overview's
 * line chart draws and its download holds. Years without a report are absent; a blank value stays null with its
 * reason, so a chart shows a gap rather than a drop to 0.
 */
export function panelSeries(rows: readonly PanelRow[], indicatorId: string, agencyKey?: string): PanelSeries[] {
  const byAgency = new Map<string, PanelRow[]>();
  for (const row of rows) {
    if (row.indicatorId !== indicatorId || (agencyKey !== undefined && row.agencyKey !== agencyKey)) continue;
    byAgency.set(row.agencyKey, [...(byAgency.get(row.agencyKey) ?? []), row]);
  }
  return [...byAgency.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([key, agencyRows]) => ({
      agencyKey: key,
      agencyName: agencyRows[agencyRows.length - 1]!.agencyName,
      indicatorId,
      unit: agencyRows[0]!.unit,
      points: agencyRows
        .slice()
        .sort((left, right) => left.year - right.year)
        .map((row) => ({ year: row.year, value: row.value, blankReason: row.blankReason, form: row.form, sha256: row.provenance.sha256 })),
    }));
}
