import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import type { AgencyGrouping } from '../src/panel/agency/groupAgencies.ts';
import type { PanelSeries } from '../src/panel/harmonise/panelSeries.ts';
import type { OverviewCounts } from '../src/panel/overview/overviewCounts.ts';
import { api } from './api.ts';
import { h, replace } from './dom.ts';
import { errorText } from './format.ts';
import { overviewText } from './overviewText.ts';
import type { View } from './View.ts';

// Only the parts drawn here are registered, so the bundle carries no more of the library than it uses.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Legend, Tooltip);

/** Line colours, one per agency in turn (the chart draws at most this many agencies at once). */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
const FORM_COLOURS: Readonly<Record<string, string>> = { 'gov-2014': '#9ecae1', 'gov-2019': '#3182bd', 'gov-2021': '#08519c', unknown: '#bdbdbd', pending: '#e0e0e0' };

interface SeriesAnswer {
  readonly indicator: { readonly id: string; readonly labelZh: string; readonly labelEn: string; readonly unit: string } | undefined;
  readonly series: readonly PanelSeries[];
}

/**
 * The overview: documents by year and form (a stacked bar chart and its table), review progress, the time series of
 * one harmonised indicator for one agency key or all (a line chart; a blank year is a gap, never a 0), the same
 * figures as CSV/JSON downloads, and the agency keys with the merges proposed for a reviewer to decide.
 */
export function overviewView(): View {
  const text = overviewText();
  const message = h('p', { class: 'status', id: 'overview-message' });
  const counts = h('section', { id: 'overview-documents' });
  const progress = h('section', { id: 'overview-progress' });
  const agencySelect = h('select', { id: 'series-agency', name: 'agency' });
  const indicatorSelect = h('select', { id: 'series-indicator', name: 'indicator' });
  const downloads = h('p', { class: 'downloads', id: 'series-downloads' });
  const seriesCanvas = h('canvas', { id: 'series-chart' });
  seriesCanvas.width = 760;
  seriesCanvas.height = 320;
  const seriesNote = h('p', { class: 'muted', id: 'series-note' });
  const agencies = h('section', { id: 'overview-agencies' });
  const charts: Chart[] = [];
  let seriesChart: Chart | null = null;
  const fail = (error: unknown) => {
    message.textContent = errorText(error);
    message.dataset.kind = 'error';
  };

  const seriesQuery = (format: 'json' | 'csv') => {
    const query = new URLSearchParams({ indicator: indicatorSelect.value || 'applications.received', format });
    if (agencySelect.value !== '') query.set('agency', agencySelect.value);
    return `/api/overview/series?${query}`;
  };

  const drawSeries = async () => {
    const answer = await api<SeriesAnswer>(seriesQuery('json'));
    const shown = answer.series.slice(0, PALETTE.length);
    const years = [...new Set(shown.flatMap((line) => line.points.map((point) => point.year)))].sort((left, right) => left - right);
    seriesChart?.destroy();
    seriesChart = new Chart(seriesCanvas, {
      type: 'line',
      data: {
        labels: years.map(String),
        datasets: shown.map((line, index) => {
          const byYear = new Map(line.points.map((point) => [point.year, point.value]));
          return {
            label: line.agencyName === line.agencyKey ? line.agencyKey : `${line.agencyKey}（${line.agencyName}）`,
            data: years.map((year) => byYear.get(year) ?? null),
            borderColor: PALETTE[index]!,
            backgroundColor: PALETTE[index]!,
            spanGaps: false,
          };
        }),
      },
      options: {
        animation: false,
        responsive: false,
        scales: { y: { beginAtZero: true, title: { display: true, text: answer.indicator?.unit ?? '' } } },
        plugins: { legend: { position: 'bottom' } },
      },
    });
    // What the chart holds, for people using a screen reader and for the browser test.
    seriesCanvas.dataset.lines = String(shown.length);
    seriesCanvas.dataset.years = years.join(',');
    seriesCanvas.dataset.values = JSON.stringify(shown.map((line) => line.points.map((point) => point.value)));
    seriesCanvas.setAttribute('role', 'img');
    seriesCanvas.setAttribute('aria-label', `${answer.indicator?.labelZh ?? ''}: ${shown.map((line) => `${line.agencyKey} ${line.points.map((point) => `${point.year} ${point.value ?? '—'}`).join(', ')}`).join('; ')}`);
    const gaps = shown.flatMap((line) => line.points.filter((point) => point.blankReason !== null).map((point) => `${line.agencyKey} ${point.year} ${text.gap(point.blankReason!.kind)}`));
    seriesNote.textContent = answer.series.length === 0 ? text.noSeries : gaps.join('; ');
    replace(downloads,
      h('a', { href: seriesQuery('csv'), id: 'series-csv', download: '' }, text.downloadCsv), ' · ',
      h('a', { href: seriesQuery('json'), id: 'series-json', download: 'series.json' }, text.downloadJson));
    seriesChart.update('none');
    seriesCanvas.dataset.agency = agencySelect.value;
    seriesCanvas.dataset.indicator = answer.indicator?.id ?? '';
    seriesCanvas.dataset.drawn = 'true';
  };

  const drawCounts = (overview: OverviewCounts) => {
    const years = [...new Set(overview.byYearForm.map((cell) => cell.year))];
    const forms = [...new Set(overview.byYearForm.map((cell) => cell.form))].sort();
    const countOf = (year: number | null, form: string) => overview.byYearForm.find((cell) => cell.year === year && cell.form === form)?.documents ?? 0;
    const canvas = h('canvas', { id: 'documents-chart' });
    canvas.width = 760;
    canvas.height = 220;
    replace(counts,
      h('h3', {}, text.documentsHeading),
      canvas,
      h('table', { id: 'documents-table' },
        h('thead', {}, h('tr', {}, h('th', {}, text.year), ...forms.map((form) => h('th', {}, form)), h('th', {}, text.total))),
        h('tbody', {}, ...years.map((year) => h('tr', {},
          h('td', {}, year === null ? text.unknownYear : String(year)),
          ...forms.map((form) => h('td', {}, String(countOf(year, form)))),
          h('td', {}, String(forms.reduce((sum, form) => sum + countOf(year, form), 0))))))));
    charts.push(new Chart(canvas, {
      type: 'bar',
      data: {
        labels: years.map((year) => (year === null ? text.unknownYear : String(year))),
        datasets: forms.map((form) => ({ label: form, data: years.map((year) => countOf(year, form)), backgroundColor: FORM_COLOURS[form] ?? '#999999' })),
      },
      options: { animation: false, responsive: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
    }));
    const committed = overview.byState['committed'] ?? 0;
    const bar = h('progress', { id: 'review-progress' });
    bar.max = Math.max(overview.documents, 1);
    bar.value = committed;
    replace(progress,
      h('h3', {}, text.progressHeading),
      bar,
      h('p', { id: 'review-progress-text' }, text.progress(committed, overview.documents, overview.fieldsInReview)),
      h('p', { class: 'muted' }, Object.entries(overview.byState).map(([state, count]) => `${text.states[state] ?? state} ${count}`).join(' · ')));
    const chosenAgency = agencySelect.value;
    replace(agencySelect, h('option', { value: '' }, text.allAgencies),
      ...overview.agencies.map((agency) => h('option', { value: agency.key }, `${agency.key}（${text.years(agency.years)}）`)));
    agencySelect.value = chosenAgency;
    const chosenIndicator = indicatorSelect.value || 'applications.received';
    replace(indicatorSelect, ...overview.indicators.map((indicator) => h('option', { value: indicator.id }, `${indicator.labelZh}（${indicator.unit}）`)));
    indicatorSelect.value = chosenIndicator;
  };

  const decide = (body: Record<string, unknown>) => api('/api/agencies/decisions', { method: 'POST', body }).then(() => load(), fail);

  const drawAgencies = (grouping: AgencyGrouping) => {
    replace(agencies,
      h('h3', {}, text.proposalsHeading),
      grouping.proposals.length === 0
        ? h('p', { class: 'muted' }, text.noProposals)
        : h('ul', { id: 'agency-proposals' }, ...grouping.proposals.map((proposal) => h('li', { dataset: { from: proposal.from, into: proposal.into } },
          h('strong', {}, text.proposal(proposal.from, proposal.into)), ' ',
          h('span', { class: 'muted' }, `${proposal.evidence.map((step) => `${step.rule}: ${step.from} → ${step.to}`).join('; ')} · ${text.years(proposal.fromYears)} / ${text.years(proposal.intoYears)}`),
          proposal.alternatives.length > 0 ? h('span', { class: 'muted' }, ` · ${text.alternatives(proposal.alternatives)}`) : null, ' ',
          h('button', { class: 'merge', on: { click: () => void decide({ action: 'merge', from: proposal.from, into: proposal.into, evidence: proposal.evidence }) } }, text.merge), ' ',
          h('button', { class: 'keep-apart', on: { click: () => void decide({ action: 'keep-apart', keys: [proposal.from, proposal.into] }) } }, text.keepApart)))),
      h('h3', {}, text.agenciesHeading),
      h('table', { id: 'agency-groups' },
        h('thead', {}, h('tr', {}, ...text.groupColumns.map((title) => h('th', {}, title)))),
        h('tbody', {}, ...grouping.groups.map((group) => h('tr', { dataset: { key: group.key } },
          h('td', {}, group.key),
          h('td', {}, group.names.join('、')),
          h('td', {}, text.years(group.years)),
          h('td', {}, String(group.documentIds.length)),
          h('td', { class: 'muted' }, group.evidence.map((step) => `${step.rule}: ${step.from} → ${step.to}`).join('; ')),
          h('td', {}, group.confirmed
            ? text.confirmed
            : h('button', { class: 'confirm', on: { click: () => void decide({ action: 'confirm', key: group.key, displayName: group.key, names: group.names, evidence: group.evidence }) } }, text.confirm)))))));
  };

  const load = async () => {
    try {
      const [overview, grouping] = await Promise.all([api<OverviewCounts>('/api/overview'), api<AgencyGrouping>('/api/agencies')]);
      for (const chart of charts.splice(0)) chart.destroy();
      drawCounts(overview);
      drawAgencies(grouping);
      await drawSeries();
      message.textContent = '';
    } catch (error) {
      fail(error);
    }
  };
  for (const select of [agencySelect, indicatorSelect]) select.addEventListener('change', () => void drawSeries().catch(fail));

  const element = h('main', { class: 'overview-page', id: 'overview' },
    h('h2', {}, text.heading),
    message,
    progress,
    counts,
    h('section', { id: 'overview-series' },
      h('h3', {}, text.seriesHeading),
      h('div', { class: 'filters' }, h('label', {}, `${text.agency} `, agencySelect), ' ', h('label', {}, `${text.indicator} `, indicatorSelect)),
      seriesCanvas,
      seriesNote,
      downloads),
    agencies);
  void load();
  return {
    element,
    dispose() {
      for (const chart of charts.splice(0)) chart.destroy();
      seriesChart?.destroy();
    },
  };
}
