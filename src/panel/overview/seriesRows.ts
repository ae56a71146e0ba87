import type { PanelSeries } from '../harmonise/panelSeries.ts';

/** Columns of the series download (CSV): one line per agency and year. */
export const seriesColumns = ['agency_key', 'agency', 'indicator', 'unit', 'year', 'value', 'blank_reason', 'form', 'sha256'] as const;

/** The series as lines of `seriesColumns` (a gap keeps its reason, never a 0). */
export function seriesRows(series: readonly PanelSeries[]): (string | number | null)[][] {
  return series.flatMap((line) => line.points.map((point) => [
    line.agencyKey, line.agencyName, line.indicatorId, line.unit, point.year, point.value, point.blankReason?.kind ?? null, point.form, point.sha256,
  ]));
}
