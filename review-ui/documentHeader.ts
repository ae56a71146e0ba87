import type { DocumentView as DocumentData } from '../src/review/ReviewService.ts';
import { h, key, type Child } from './dom.ts';
import { stateLabel, templateName } from './format.ts';
import { t } from './i18n/locale.ts';
import { processingSummary } from './processingSummary.ts';

/** What the document screen's header buttons do. */
export interface DocumentActions {
  readonly approveAuto: () => void;
  readonly editMeta: () => void;
  readonly reject: () => void;
  readonly nextDocument: () => void;
  readonly downloadOriginal: () => void;
}

/**
 * The document screen's header: back to the queue, the document's name, agency, year, form and version, its state,
 * the actions with their keys, and the inline form (reject, agency and year) when one is open.
 */
export function documentHeader(data: DocumentData, id: string, canApproveAuto: boolean, inlineForm: HTMLElement | null, actions: DocumentActions): Child[] {
  const summary = data.summary;
  return [
    h('a', { href: '#/queue', class: 'back' }, t.backToQueue),
    h('h2', { id: 'document-name' }, summary.name),
    h('span', { class: 'meta' }, `${summary.agency ?? t.agencyUnknown} · ${summary.year ?? t.yearUnknown} · ${templateName(summary.template)} · ${t.version(summary.version)}`),
    h('span', { class: `state state-${summary.state}`, id: 'document-state' }, stateLabel(summary)),
    h('span', { class: 'actions' },
      h('button', {
        id: 'approve-auto', disabled: !canApproveAuto, title: summary.state === 'committed' ? t.approveAutoTitle : '',
        on: { click: actions.approveAuto },
      }, `${t.approveAuto} `, key('A')),
      h('button', { on: { click: actions.editMeta }, disabled: !data.document }, `${t.agencyYear} `, key('m')),
      h('button', { on: { click: actions.reject }, disabled: !data.document || summary.state === 'rejected' }, `${t.reject} `, key('x')),
      h('button', { id: 'next-document', on: { click: actions.nextDocument } }, `${t.nextDocument} `, key('n')),
      h('a', {
        class: 'button', id: 'original-file', href: `/api/documents/${id}/raw`,
        on: { click: (event) => { event.preventDefault(); actions.downloadOriginal(); } },
      }, t.originalFile)),
    inlineForm,
  ];
}

/** The line under the header: extraction running, failed (with a retry), or how the document was processed. */
export function processingLine(data: DocumentData, retry: () => void): Child[] {
  const summary = data.summary;
  if (summary.state === 'queued') return [t.extractionRunning];
  if (summary.state === 'failed') {
    return [h('span', { class: 'error' }, `${t.extractionFailed(summary.error ?? t.unknownError)} `), h('button', { on: { click: retry } }, t.retry)];
  }
  return data.document ? processingSummary(data.document, data.llmWork) : [];
}
