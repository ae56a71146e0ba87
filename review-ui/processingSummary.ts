import type { DocumentView as DocumentData } from '../src/review/ReviewService.ts';
import { h, type Child } from './dom.ts';
import { formatTime } from './format.ts';
import { t } from './i18n/locale.ts';

/**
 * The line under a document's header saying how it was processed: encoding, whether the LLM was used (its usage,
 * pending work and each call), rejection, an unknown form, and the extraction's own messages.
 */
export function processingSummary(document: NonNullable<DocumentData['document']>, work: DocumentData['llmWork']): Child[] {
  const info = document.processing;
  const usage = info.usage;
  const calls = usage?.callDetails ?? [];
  return [
    h('span', {}, `${t.encoding(info.encoding)} · `),
    h('span', { id: 'llm-state', class: info.llm === 'failed' ? 'warning' : '', dataset: { llm: info.llm } }, t.llmStates[info.llm] ?? info.llm),
    usage ? h('span', { id: 'llm-usage' },
      ` · ${t.llmDocumentUsage(usage.calls, usage.cachedSections ?? 0, usage.inputTokens, usage.outputTokens,
        `${usage.estimatedCost.toFixed(4)}${usage.currency ? ` ${usage.currency}` : ''}`, usage.model, usage.promptVersion)}`) : null,
    work ? h('span', { class: 'warning', id: 'llm-pending' }, ` · ${t.llmWorkPending(work.attempts, work.lastError ?? '', work.notBefore ? formatTime(work.notBefore) : '')}`) : null,
    document.rejected ? h('span', { class: 'error' }, ` · ${t.rejectedBy(document.rejected.by, document.rejected.reason)}`) : null,
    document.record.template === 'unknown' ? h('span', { class: 'warning' }, ` · ${t.unknownTemplateNote}`) : null,
    info.messages.length > 0 ? h('details', { class: 'notes', id: 'processing-messages' }, h('summary', {}, t.extractionNotes),
      h('ul', { class: 'messages' }, ...info.messages.map((text) => h('li', {}, text)))) : null,
    calls.length > 0 ? h('details', { id: 'llm-calls' }, h('summary', {}, t.llmCalls(calls.length)),
      h('ul', { class: 'messages' }, ...calls.map((call) => h('li', {},
        `${call.section} · ${call.attempt} · ${call.outcome}${call.cached ? ' (from the cache)' : ''} · ` +
        `${call.inputTokens} in / ${call.outputTokens} out${call.usageReported ? '' : ' (estimated)'} · est. ${call.estimatedCost.toFixed(5)}`)))) : null,
  ];
}
