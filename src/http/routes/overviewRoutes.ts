import { Hono } from 'hono';
import { z } from 'zod';
import { csvLine } from '../../export/csvCell.ts';
import { panelRowsOf } from '../../export/panelRows.ts';
import { crosswalk } from '../../panel/crosswalk/crosswalk.ts';
import type { PanelRow } from '../../panel/harmonise/PanelRow.ts';
import { panelSeries } from '../../panel/harmonise/panelSeries.ts';
import { overviewCounts } from '../../panel/overview/overviewCounts.ts';
import { seriesColumns, seriesRows } from '../../panel/overview/seriesRows.ts';
import type { AppDependencies, AppEnv } from '../AppEnv.ts';
import { parseInput } from '../readJsonBody.ts';
import { requireAccess } from '../requireAccess.ts';

const indicatorIds = crosswalk.indicators.map((indicator) => indicator.id) as [string, ...string[]];

const seriesQuerySchema = z.object({
  indicator: z.enum(indicatorIds).default('applications.received'),
  /** An agency key; absent: every agency. */
  agency: z.string().trim().min(1).max(200).optional(),
  format: z.enum(['json', 'csv']).default('json'),
});

/**
 * The overview page's figures.
 * - GET /api/overview — session or token: documents by year and form, review progress, the agency keys and the
 *   indicators (from the index alone).
 * - GET /api/overview/series?indicator=&agency=&format=json|csv — session or token: the time series of one
 *   harmonised indicator over the committed documents (like every download, only committed values), one line per
 *   agency key (or the one asked for); as JSON for the chart, or as a CSV download (UTF-8 with BOM).
 */
export function overviewRoutes({ store, agencies, clock }: AppDependencies): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/overview', async (c) => {
    requireAccess(c, 'read');
    return c.json(overviewCounts(await store.listDocuments(), await agencies.list()));
  });
  app.get('/overview/series', async (c) => {
    requireAccess(c, 'read');
    const query = parseInput(seriesQuerySchema, c.req.query());
    const rows: PanelRow[] = [];
    for await (const { rows: documentRows } of panelRowsOf(store, undefined, { identities: await agencies.list() })) {
      for (const row of documentRows) if (row.indicatorId === query.indicator && (query.agency === undefined || row.agencyKey === query.agency)) rows.push(row);
    }
    const series = panelSeries(rows, query.indicator, query.agency);
    if (query.format === 'json') return c.json({ indicator: crosswalk.indicators.find((indicator) => indicator.id === query.indicator), series });
    const body = `\uFEFF${csvLine([...seriesColumns])}${seriesRows(series).map(csvLine).join('')}`;
    const stamp = clock().toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="gongkai-series-${query.indicator}-${stamp}.csv"`,
        'cache-control': 'no-store',
        'x-content-type-options': 'nosniff',
      },
    });
  });
  return app;
}
