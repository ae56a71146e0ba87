import type { DocumentPage } from '../src/review/documentFilter.ts';
import type { ServiceStats } from '../src/review/ReviewService.ts';
import type { DocumentSummary } from '../src/store/storeSchemas.ts';
import { api, ApiError } from './api.ts';
import { h, key, replace } from './dom.ts';
import { downloadLinks } from './downloadLinks.ts';
import { formatTime, stateLabel } from './format.ts';
import { uploadPanel } from './uploadPanel.ts';
import type { View } from './View.ts';

const PAGE = 50;

/** The review queue (and the full document list): filters, keyboard navigation, upload, downloads, stats. */
export function queueView(navigate: (hash: string) => void): View {
  const filters = { state: 'review', template: '', year: '', agency: '', reason: '' };
  let offset = 0;
  let selected = 0;
  let rows: DocumentSummary[] = [];
  let poll: ReturnType<typeof setTimeout> | undefined;

  const stats = h('p', { class: 'stats', id: 'stats' });
  const processor = h('p', { class: 'processor muted', id: 'processor-status' });
  const message = h('p', { class: 'error' });
  // Corrupt document files the server quarantined: exports are refused until they are restored.
  const quarantine = h('p', { class: 'error', id: 'quarantine' });
  const tbody = h('tbody', { id: 'queue-rows' });
  const pager = h('div', { class: 'pager' });
  const select = (name: keyof typeof filters, options: readonly [string, string][]) => {
    const element = h('select', { name, id: `filter-${name}`, on: { change: () => { filters[name] = element.value; offset = 0; void load(); } } },
      ...options.map(([value, label]) => h('option', { value }, label)));
    element.value = filters[name];
    return element;
  };
  const stateSelect = select('state', [['review', 'In review'], ['committed', 'Committed'], ['queued', 'Extracting'], ['failed', 'Failed'], ['rejected', 'Rejected'], ['all', 'All documents']]);
  const templateSelect = select('template', [['', 'any template']]);
  const yearSelect = select('year', [['', 'any year']]);
  const reasonSelect = select('reason', [['', 'any reason']]);
  const agencyInput = h('input', { name: 'agency', id: 'filter-agency', placeholder: 'agency contains…' });
  agencyInput.addEventListener('change', () => {
    filters.agency = agencyInput.value.trim();
    offset = 0;
    void load();
  });

  const refill = (element: HTMLSelectElement, first: string, counts: Readonly<Record<string, number>>) => {
    const current = element.value;
    replace(element, h('option', { value: '' }, first), ...Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => h('option', { value }, `${value} (${count})`)));
    element.value = current;
  };

  const open = (index: number) => {
    const row = rows[index];
    if (row) navigate(`#/documents/${row.id}`);
  };

  const renderRows = () => {
    if (rows.length === 0) {
      replace(tbody, h('tr', {}, h('td', { class: 'muted' }, filters.state === 'review' ? 'Nothing waits for review. Upload reports below, or pick another state.' : 'No document matches.')));
      return;
    }
    replace(tbody, ...rows.map((summary, index) =>
      h('tr', { class: index === selected ? 'selected' : '', dataset: { id: summary.id }, on: { click: () => open(index) } },
        h('td', {}, h('a', { href: `#/documents/${summary.id}` }, summary.name)),
        h('td', {}, summary.agency ?? '—'),
        h('td', {}, summary.year === null ? '—' : String(summary.year)),
        h('td', {}, summary.template ?? '—'),
        h('td', { class: `state state-${summary.state}` }, stateLabel(summary)),
        h('td', { class: 'reasons' }, summary.error ?? summary.reasons.join(', ')),
        h('td', { class: 'muted' }, formatTime(summary.submittedAt)))));
    tbody.querySelector('tr.selected')?.scrollIntoView({ block: 'nearest' });
  };

  const load = async () => {
    const query = new URLSearchParams({ offset: String(offset), limit: String(PAGE) });
    for (const [name, value] of Object.entries(filters)) if (value !== '') query.set(name, value);
    try {
      const [page, counts] = await Promise.all([api<DocumentPage>(`/api/queue?${query}`), api<ServiceStats>('/api/stats')]);
      message.textContent = '';
      rows = [...page.documents];
      selected = Math.min(selected, Math.max(rows.length - 1, 0));
      refill(templateSelect, 'any template', page.facets.templates);
      refill(yearSelect, 'any year', page.facets.years);
      refill(reasonSelect, 'any reason', page.facets.reasons);
      renderRows();
      replace(pager,
        h('button', { disabled: offset === 0, on: { click: () => { offset = Math.max(0, offset - PAGE); void load(); } } }, '← previous'),
        ` ${page.total === 0 ? 0 : offset + 1}–${Math.min(offset + PAGE, page.total)} of ${page.total} `,
        h('button', { disabled: offset + PAGE >= page.total, on: { click: () => { offset += PAGE; void load(); } } }, 'next →'));
      replace(stats,
        `${counts.documents} documents · `,
        ...Object.entries(counts.byState).map(([state, count]) => `${state}: ${count} · `),
        `${counts.fieldsInReview} fields waiting for a person`,
        counts.extractionPending > 0 ? ` · extracting ${counts.extractionPending}…` : '');
      replace(processor, ...describeProcessor(counts));
      replace(quarantine, ...(counts.quarantined.length === 0 ? [] : [
        `${counts.quarantined.length} document file(s) are corrupt and quarantined (downloads are refused until they are restored from a backup): `,
        counts.quarantined.map((entry) => `${entry.name ?? entry.id.slice(0, 12)} (${entry.file})`).join(', '),
      ]));
      processor.dataset.llm = counts.processor.llmEnabled ? 'on' : 'off';
      clearTimeout(poll);
      if (counts.extractionPending > 0) poll = setTimeout(() => void load(), 2000);
    } catch (error) {
      message.textContent = error instanceof ApiError ? error.message : String(error);
    }
  };

  const element = h(
    'main',
    { class: 'queue-page' },
    h('h2', {}, 'Review queue'),
    stats,
    processor,
    quarantine,
    h('div', { class: 'filters' }, stateSelect, templateSelect, yearSelect, agencyInput, reasonSelect),
    message,
    h('table', { class: 'queue' },
      h('thead', {}, h('tr', {}, ...['Document', 'Agency', 'Year', 'Template', 'State', 'Why it needs a person', 'Submitted'].map((title) => h('th', {}, title)))),
      tbody),
    pager,
    uploadPanel(() => void load()),
    downloadLinks(),
    h('footer', { class: 'keys' }, key('j'), '/', key('k'), ' next/previous document · ', key('Enter'), ' open · ', key('u'), ' upload'),
  );
  void load();

  return {
    element,
    onKey(event) {
      if (event.key === 'j' || event.key === 'ArrowDown') {
        selected = Math.min(selected + 1, rows.length - 1);
        renderRows();
      } else if (event.key === 'k' || event.key === 'ArrowUp') {
        selected = Math.max(selected - 1, 0);
        renderRows();
      } else if (event.key === 'Enter' || event.key === 'o') {
        open(selected);
      } else if (event.key === 'u') {
        (element.querySelector('#upload-input') as HTMLInputElement | null)?.click();
      } else {
        return false;
      }
      return true;
    },
    dispose() {
      clearTimeout(poll);
    },
  };
}

/** The processor line: LLM on or off (and why), pending LLM work, and what the LLM cost over all documents. */
function describeProcessor(counts: ServiceStats): string[] {
  const { processor, llm } = counts;
  const parts = [processor.status];
  if (processor.pendingLlmWork > 0) parts.push(` · LLM work pending on ${processor.pendingLlmWork} document(s) (retried every minute)`);
  if (llm.documents > 0) {
    parts.push(
      ` · LLM usage: ${llm.calls} call(s) on ${llm.documents} document(s), ${llm.inputTokens} tokens in / ${llm.outputTokens} out, ` +
        `est. ${llm.estimatedCost.toFixed(4)} ${llm.currency ?? ''}`.trimEnd(),
    );
  }
  return parts;
}
