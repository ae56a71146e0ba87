import type { DocumentPage } from '../src/review/documentFilter.ts';
import type { ServiceStats } from '../src/review/ReviewService.ts';
import type { DocumentSummary } from '../src/store/storeSchemas.ts';
import { api } from './api.ts';
import { h, key, replace } from './dom.ts';
import { downloadLinks } from './downloadLinks.ts';
import { errorText, formatTime, stateLabel, templateName } from './format.ts';
import { t } from './i18n/locale.ts';
import { reasonText } from './ruleText.ts';
import { uploadPanel } from './uploadPanel.ts';
import type { View } from './View.ts';

const PAGE = 50;
/** The queue's tabs: what waits for a person, what committed (on arrival too), everything. */
const TABS = ['review', 'committed', 'all'] as const;
type Tab = (typeof TABS)[number];
/** The tab last chosen, kept while the page lives (coming back from a document lands on the same tab). */
let lastTab: Tab = 'review';

/** The review queue (and the full document list): tabs, filters, keyboard navigation, upload, downloads, stats. */
export function queueView(navigate: (hash: string) => void): View {
  const filters = { state: lastTab as string, template: '', year: '', agency: '', agencyKey: '', reason: '' };
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
  const tabs = h('div', { class: 'tabs', id: 'queue-tabs' });
  const renderTabs = () => replace(tabs, ...TABS.map((tab) => h('button', {
    class: filters.state === tab ? 'active' : '', id: `tab-${tab}`,
    on: { click: () => { filters.state = tab; lastTab = tab; offset = 0; selected = 0; renderTabs(); void load(); } },
  }, t.tabs[tab] ?? tab)));
  renderTabs();
  const select = (name: keyof typeof filters, first: string) => {
    const element = h('select', { name, id: `filter-${name}`, on: { change: () => { filters[name] = element.value; offset = 0; void load(); } } }, h('option', { value: '' }, first));
    return element;
  };
  const templateSelect = select('template', t.anyTemplate);
  const yearSelect = select('year', t.anyYear);
  const reasonSelect = select('reason', t.anyReason);
  const agencyKeySelect = select('agencyKey', t.anyAgencyKey);
  const agencyInput = h('input', { name: 'agency', id: 'filter-agency', placeholder: t.agencyPlaceholder });
  agencyInput.addEventListener('change', () => {
    filters.agency = agencyInput.value.trim();
    offset = 0;
    void load();
  });

  const refill = (element: HTMLSelectElement, first: string, counts: Readonly<Record<string, number>>, label: (value: string) => string) => {
    const current = element.value;
    replace(element, h('option', { value: '' }, first), ...Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => h('option', { value }, `${label(value)}${t.parens(String(count))}`)));
    element.value = current;
  };

  const open = (index: number) => {
    const row = rows[index];
    if (row) navigate(`#/documents/${row.id}`);
  };

  const renderRows = () => {
    if (rows.length === 0) {
      replace(tbody, h('tr', {}, h('td', { class: 'muted' }, filters.state === 'review' ? t.nothingToReview : t.nothingMatches)));
      return;
    }
    replace(tbody, ...rows.map((summary, index) =>
      h('tr', { class: index === selected ? 'selected' : '', dataset: { id: summary.id, state: summary.state }, on: { click: () => open(index) } },
        h('td', {}, h('a', { href: `#/documents/${summary.id}` }, summary.name)),
        h('td', {}, summary.agency ?? '—'),
        h('td', {}, summary.year === null ? '—' : String(summary.year)),
        h('td', {}, templateName(summary.template)),
        h('td', { class: `state state-${summary.state}` }, stateLabel(summary)),
        h('td', { class: 'reasons' }, summary.error ?? summary.reasons.map((reason) => reasonText(reason, summary.template)).join(t.listSeparator)),
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
      refill(templateSelect, t.anyTemplate, page.facets.templates, templateName);
      refill(yearSelect, t.anyYear, page.facets.years, (value) => value);
      refill(agencyKeySelect, t.anyAgencyKey, page.facets.agencyKeys ?? {}, (value) => value);
      refill(reasonSelect, t.anyReason, page.facets.reasons, (value) => reasonText(value, filters.template === '' ? null : (filters.template as DocumentSummary['template'])));
      renderRows();
      replace(pager,
        h('button', { disabled: offset === 0, on: { click: () => { offset = Math.max(0, offset - PAGE); void load(); } } }, t.previousPage),
        ` ${t.pageRange(page.total === 0 ? 0 : offset + 1, Math.min(offset + PAGE, page.total), page.total)} `,
        h('button', { disabled: offset + PAGE >= page.total, on: { click: () => { offset += PAGE; void load(); } } }, t.nextPage));
      replace(stats,
        `${t.documentsCount(counts.documents)} · `,
        ...Object.entries(counts.byState).map(([state, count]) => `${t.states[state] ?? state} ${count} · `),
        t.fieldsWaiting(counts.fieldsInReview),
        counts.extractionPending > 0 ? ` · ${t.extractingCount(counts.extractionPending)}` : '');
      replace(processor, ...describeProcessor(counts));
      processor.title = counts.processor.status;
      replace(quarantine, ...(counts.quarantined.length === 0 ? [] : [
        t.quarantined(counts.quarantined.length),
        counts.quarantined.map((entry) => `${entry.name ?? entry.id.slice(0, 12)} (${entry.file})`).join(', '),
      ]));
      processor.dataset.llm = counts.processor.llmEnabled ? 'on' : 'off';
      clearTimeout(poll);
      if (counts.extractionPending > 0) poll = setTimeout(() => void load(), 2000);
    } catch (error) {
      message.textContent = errorText(error);
    }
  };

  const element = h(
    'main',
    { class: 'queue-page' },
    h('h2', {}, t.queueTitle),
    stats,
    processor,
    tabs,
    quarantine,
    h('div', { class: 'filters' }, templateSelect, yearSelect, agencyKeySelect, agencyInput, reasonSelect),
    message,
    h('table', { class: 'queue' },
      h('thead', {}, h('tr', {}, ...t.queueColumns.map((title) => h('th', {}, title)))),
      tbody),
    pager,
    uploadPanel(() => void load()),
    downloadLinks(),
    h('footer', { class: 'keys' }, key('j'), '/', key('k'), ` ${t.queueKeys.move} · `, key('Enter'), ` ${t.queueKeys.open} · `, key('u'), ` ${t.queueKeys.upload}`),
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

/** The processor line: LLM on or off, pending LLM work, and what the LLM cost over all documents. */
function describeProcessor(counts: ServiceStats): string[] {
  const { processor, llm } = counts;
  const parts = [processor.llmEnabled ? t.llmOn : t.llmOff];
  if (processor.pendingLlmWork > 0) parts.push(` · ${t.llmPending(processor.pendingLlmWork)}`);
  if (llm.documents > 0) {
    parts.push(` · ${t.llmUsage(llm.calls, llm.documents, llm.inputTokens, llm.outputTokens, `${llm.estimatedCost.toFixed(4)} ${llm.currency ?? ''}`.trimEnd())}`);
  }
  return parts;
}
