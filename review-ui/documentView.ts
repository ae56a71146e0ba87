import type { FieldRecord } from '../src/record/ExtractionRecord.ts';
import { fieldSection } from '../src/review/fieldSection.ts';
import type { DecisionResult, DocumentView as DocumentData } from '../src/review/ReviewService.ts';
import { assessRuleImpact, rulesOfField } from '../src/review/ruleImpact.ts';
import type { Decision } from '../src/store/storeSchemas.ts';
import { findTemplate } from '../src/templates/registry.ts';
import type { RuleDefinition, TemplateDefinition } from '../src/templates/TemplateDefinition.ts';
import { describeRuleEvaluation, evaluateRule, type RuleEvaluation } from '../src/validate/evaluateRule.ts';
import { api, ApiError } from './api.ts';
import { h, key, replace, type Child } from './dom.ts';
import { formatTime, formatValue, stateLabel } from './format.ts';
import { parseTypedNumber } from './parseNumber.ts';
import type { View } from './View.ts';

type DecisionBody =
  | { action: 'approve' | 'blank'; fieldId: string; confirm?: boolean }
  | { action: 'correct'; fieldId: string; value: number; confirm?: boolean }
  | { action: 'approve-auto' }
  | { action: 'reject'; reason: string }
  | { action: 'meta'; agency: string | null; year: number | null };

/**
 * The review screen of one document: the original text on the left (always as text), the fields grouped by
 * section on the right, failing rules re-checked live while a value is edited (the server's own rules code),
 * keyboard-first (keys shown at the bottom), with per-field audit history.
 */
export function documentView(id: string, navigate: (hash: string) => void): View {
  let data: DocumentData | null = null;
  let template: TemplateDefinition | undefined;
  let showAll = false;
  let selectedId: string | null = null;
  let editing: { fieldId: string; input: HTMLInputElement } | null = null;
  let pending: DecisionBody | null = null;
  let busy = false;
  let historyOpen = false;
  let helpOpen = false;
  let poll: ReturnType<typeof setTimeout> | undefined;
  let inlineForm: HTMLElement | null = null;

  const header = h('header', { class: 'document-header' });
  const processing = h('div', { class: 'processing' });
  const status = h('p', { class: 'status', id: 'status', dataset: { kind: 'info' } });
  const source = h('pre', { class: 'source', id: 'source', tabIndex: -1 });
  const rulesPanel = h('section', { class: 'rules', id: 'rules' });
  const fieldList = h('div', { class: 'fields', id: 'fields' });
  const historyPanel = h('section', { class: 'history', id: 'history' });
  const keys = h('footer', { class: 'keys', id: 'keys' });
  const element = h(
    'main',
    { class: 'document-page', id: 'document', dataset: { id } },
    header,
    processing,
    status,
    h('div', { class: 'panes' }, h('section', { class: 'source-pane' }, source), h('section', { class: 'field-pane' }, rulesPanel, fieldList, historyPanel)),
    keys,
  );

  const say = (text: string, kind: 'info' | 'error' | 'warning' | 'ok' = 'info', ...extra: Child[]) => {
    replace(status, text, ...extra);
    status.dataset.kind = kind;
  };

  const fields = (): FieldRecord[] => data?.document?.record.fields ?? [];
  const fieldById = (fieldId: string) => fields().find((field) => field.id === fieldId);
  const visibleFields = () => fields().filter((field) => showAll || field.status === 'review' || field.id === selectedId);
  const labelOf = (fieldId: string) => template?.fields.find((field) => field.id === fieldId)?.label ?? fieldId;
  const editedValue = (): number | null | undefined => (editing ? parseTypedNumber(editing.input.value) : undefined);
  const valueOf = (fieldId: string): number | null | undefined => {
    if (editing && editing.fieldId === fieldId) {
      const typed = editedValue();
      if (typed !== undefined) return typed;
    }
    return fieldById(fieldId)?.value;
  };

  const load = async (keepSelection = false) => {
    clearTimeout(poll);
    try {
      data = await api<DocumentData>(`/api/documents/${id}`);
    } catch (error) {
      say(error instanceof ApiError ? error.message : String(error), 'error');
      return;
    }
    template = data.document ? findTemplate(data.document.record.template) : undefined;
    if (!keepSelection) {
      showAll = data.summary.reviewCount === 0;
      selectedId = fields().find((field) => field.status === 'review')?.id ?? fields()[0]?.id ?? null;
    }
    if (data.summary.state === 'queued') poll = setTimeout(() => void load(), 1500);
    render();
  };

  const render = () => {
    if (!data) return;
    element.dataset.version = String(data.summary.version);
    element.dataset.state = data.summary.state;
    renderHeader();
    renderProcessing();
    renderSource();
    renderRules();
    renderFields();
    renderKeys();
    if (historyOpen) void renderHistory();
    else replace(historyPanel);
  };

  const renderHeader = () => {
    const summary = data!.summary;
    replace(
      header,
      h('a', { href: '#/queue', class: 'back' }, '← queue'),
      h('h2', { id: 'document-name' }, summary.name),
      h('span', { class: 'meta' }, `${summary.agency ?? 'agency unknown'} · ${summary.year ?? 'year unknown'} · ${summary.template ?? '…'} · version ${summary.version}`),
      h('span', { class: `state state-${summary.state}`, id: 'document-state' }, summary.state === 'committed' ? 'committed ✓' : stateLabel(summary)),
      h('span', { class: 'actions' },
        h('button', { id: 'approve-auto', disabled: !data!.document || summary.state === 'rejected', on: { click: () => void decide({ action: 'approve-auto' }) } }, 'Approve all auto fields ', key('A')),
        h('button', { on: { click: () => openMetaForm() }, disabled: !data!.document }, 'Agency/year ', key('m')),
        h('button', { on: { click: () => openRejectForm() }, disabled: !data!.document || summary.state === 'rejected' }, 'Reject ', key('x')),
        h('button', { id: 'next-document', on: { click: () => void nextDocument() } }, 'Next document ', key('n')),
        h('a', { class: 'button', href: `/api/documents/${id}/raw`, download: '' }, 'Original file')),
      inlineForm,
    );
  };

  const renderProcessing = () => {
    const summary = data!.summary;
    const document = data!.document;
    if (summary.state === 'queued') {
      replace(processing, 'Extraction is running in the background…');
      return;
    }
    if (summary.state === 'failed') {
      replace(processing, h('span', { class: 'error' }, `Extraction failed: ${summary.error ?? 'unknown error'} `),
        h('button', { on: { click: () => void api(`/api/documents/${id}/retry`, { method: 'POST', body: {} }).then(() => load()) } }, 'Retry'));
      return;
    }
    if (!document) {
      replace(processing);
      return;
    }
    const info = document.processing;
    const usage = info.usage;
    const work = data!.llmWork;
    const calls = usage?.callDetails ?? [];
    replace(
      processing,
      h('span', {}, `encoding ${info.encoding} · `),
      h('span', { id: 'llm-state', class: info.llm === 'failed' ? 'warning' : '', dataset: { llm: info.llm } }, LLM_STATES[info.llm]),
      usage ? h('span', { id: 'llm-usage' },
        ` · ${usage.calls} call(s)${usage.cachedSections ? `, ${usage.cachedSections} section(s) from the cache` : ''}, ` +
        `${usage.inputTokens} tokens in / ${usage.outputTokens} out, est. cost ${usage.estimatedCost.toFixed(4)}${usage.currency ? ` ${usage.currency}` : ''} · ` +
        `model ${usage.model} · prompt ${usage.promptVersion}`) : null,
      work ? h('span', { class: 'warning', id: 'llm-pending' },
        ` · LLM work pending (attempt ${work.attempts}${work.lastError ? `: ${work.lastError}` : ''})${work.notBefore ? `, next try after ${formatTime(work.notBefore)}` : ''}`) : null,
      document.rejected ? h('span', { class: 'error' }, ` · rejected by ${document.rejected.by}: ${document.rejected.reason}`) : null,
      document.record.template === 'unknown' ? h('span', { class: 'warning' }, ' · no known template recognised: nothing was read (reject it if it is not an annual report)') : null,
      info.messages.length > 0 ? h('ul', { class: 'messages', id: 'processing-messages' }, ...info.messages.map((text) => h('li', {}, text))) : null,
      calls.length > 0 ? h('details', { id: 'llm-calls' }, h('summary', {}, `LLM calls (${calls.length})`),
        h('ul', { class: 'messages' }, ...calls.map((call) => h('li', {},
          `${call.section} · ${call.attempt} · ${call.outcome}${call.cached ? ' (from the cache)' : ''} · ` +
          `${call.inputTokens} in / ${call.outputTokens} out${call.usageReported ? '' : ' (estimated)'} · est. ${call.estimatedCost.toFixed(5)}`)))) : null,
    );
  };

  const renderSource = () => {
    const text = data!.text ?? '';
    const evidence = selectedId ? fieldById(selectedId)?.evidence : null;
    if (!evidence || evidence.end > text.length || evidence.start > evidence.end) {
      replace(source, text);
      return;
    }
    const mark = h('mark', { id: 'evidence' }, text.slice(evidence.start, evidence.end));
    replace(source, text.slice(0, evidence.start), mark, text.slice(evidence.end));
    source.scrollTop = Math.max(0, mark.offsetTop - source.clientHeight / 2);
  };

  const describePass = (evaluation: RuleEvaluation) =>
    `${evaluation.rule.description} (${formatValue(evaluation.leftSum)} ${evaluation.rule.kind === 'equal' ? '=' : '≤'} ${formatValue(evaluation.rightSum)})`;

  const ruleLine = (evaluation: RuleEvaluation) =>
    h('li', { class: `rule rule-${evaluation.outcome} rule-${evaluation.rule.severity}`, dataset: { rule: evaluation.rule.id } },
      evaluation.outcome === 'pass' ? '✓ ' : evaluation.outcome === 'fail' ? '✗ ' : '? ',
      evaluation.outcome === 'pass' ? describePass(evaluation) : describeRuleEvaluation(evaluation));

  const renderRules = () => {
    if (!template) {
      replace(rulesPanel);
      return;
    }
    const evaluations = template.rules.map((rule) => evaluateRule(rule, valueOf));
    const failing = evaluations.filter((evaluation) => evaluation.outcome === 'fail');
    const unchecked = evaluations.filter((evaluation) => evaluation.outcome === 'incomplete').length;
    failing.sort((a, b) => (a.rule.severity === b.rule.severity ? 0 : a.rule.severity === 'hard' ? -1 : 1));
    const pendingNote = unchecked > 0 ? ` · ${unchecked} cannot be checked (blank cells)` : '';
    replace(
      rulesPanel,
      h('h3', {}, failing.length === 0 ? `Rules: none fails ✓${pendingNote}` : `Rules failing (${failing.length})${editing ? ' — with the value being edited' : ''}${pendingNote}`),
      failing.length > 0 ? h('ul', { id: 'failing-rules' }, ...failing.map((evaluation) => {
        const line = ruleLine(evaluation);
        line.addEventListener('click', () => select(firstFieldOf(evaluation.rule)));
        return line;
      })) : null,
    );
  };

  const firstFieldOf = (rule: RuleDefinition) => [...rule.left, ...rule.right].find((fieldId) => fieldById(fieldId)?.status === 'review') ?? rule.left[0] ?? null;

  const renderFields = () => {
    const visible = visibleFields();
    const groups = new Map<string, FieldRecord[]>();
    for (const field of visible) {
      const section = fieldSection(data!.document!.record.template, field.id).title;
      const group = groups.get(section) ?? [];
      group.push(field);
      groups.set(section, group);
    }
    const inReview = fields().filter((field) => field.status === 'review').length;
    replace(
      fieldList,
      h('p', { class: 'muted' }, `${inReview} of ${fields().length} fields wait for a person · showing ${showAll ? 'all fields' : 'fields in review'} (`, key('f'), ' toggles)'),
      ...[...groups].map(([title, group]) => h('section', { class: 'field-group' }, h('h3', {}, title), ...group.map(renderField))),
    );
    if (visible.length === 0 && data!.document) fieldList.append(h('p', { class: 'ok' }, data!.document.record.fields.length === 0 ? 'No fields were read.' : 'No field waits for a person.'));
    const row = fieldList.querySelector<HTMLElement>('.field.selected');
    row?.scrollIntoView({ block: 'nearest' });
    if (editing) {
      const input = fieldList.querySelector<HTMLInputElement>('input.edit');
      input?.focus();
    }
  };

  const renderField = (field: FieldRecord) => {
    const selected = field.id === selectedId;
    const isEditing = editing?.fieldId === field.id;
    const valueCell: Child = isEditing ? editing!.input : h('span', { class: 'value' }, formatValue(field.value));
    const checks = selected && template
      ? (isEditing && editedValue() !== undefined
        ? assessRuleImpact(template, field.id, (fieldId) => fieldById(fieldId)?.value, editedValue() ?? null).after
        : rulesOfField(template, field.id).map((rule) => evaluateRule(rule, valueOf)))
      : [];
    const row = h(
      'div',
      { class: `field status-${field.status}${selected ? ' selected' : ''}`, dataset: { fieldId: field.id, status: field.status }, on: { click: () => select(field.id) } },
      h('div', { class: 'field-head' }, h('span', { class: 'label' }, shortLabel(labelOf(field.id))), h('span', { class: 'field-id' }, field.id)),
      h('div', { class: 'field-value' }, valueCell, h('span', { class: 'unit' }, field.unit), h('span', { class: `badge status-${field.status}` }, field.status)),
      h('div', { class: 'field-meta' }, `raw “${field.raw}” · confidence ${field.confidence.toFixed(2)} · method ${field.method}${field.evidence ? '' : ' · no evidence in the text'}`),
      selected && field.evidence ? h('div', { class: 'field-meta evidence-quote' }, `evidence “${field.evidence.text}” in: ${evidenceLine(data!.text ?? '', field.evidence)}`) : null,
      proposesZero(field) ? h('div', { class: 'proposal' }, 'Proposed: 0 — ', key('a'), ' accepts 0 (method inferred) · ', key('b'), ' keeps it blank') : null,
      field.issues.length > 0 ? h('div', { class: 'caption' }, field.status === 'review' ? 'Why it needs a person:' : 'Notes from extraction:') : null,
      field.issues.length > 0 ? h('ul', { class: 'issues' }, ...field.issues.map((issue) => h('li', {}, issue))) : null,
      checks.length > 0 ? h('div', { class: 'caption' }, isEditing ? 'Its rules with the value being typed:' : 'Its rules now:') : null,
      checks.length > 0 ? h('ul', { class: 'rule-checks' }, ...checks.map(ruleLine)) : null,
    );
    return row;
  };

  const renderKeys = () => {
    replace(
      keys,
      key('j'), '/', key('k'), ' next/previous field · ', key('a'), ' approve · ', key('e'), ' edit (', key('Enter'), ' save, ', key('Esc'), ' cancel) · ',
      key('b'), ' blank · ', key('A'), ' approve all auto · ', key('n'), ' next document · ', key('h'), ' history · ', key('f'), ' all/review fields · ',
      key('x'), ' reject · ', key('m'), ' agency/year · ', key('q'), ' queue · ', key('?'), ' help',
      helpOpen ? h('p', { class: 'help' },
        'Approve says the value is right as read (a proposed 0 is accepted as 0). Edit types the right value; a value that makes a rule fail asks for confirmation (Enter again). ',
        'Blank says the document leaves the cell empty. The document is committed when no field waits for a person; only committed values are downloaded.') : null,
    );
  };

  const renderHistory = async () => {
    if (!selectedId) return;
    const fieldId = selectedId;
    replace(historyPanel, h('h3', {}, `History of ${fieldId}`), 'loading…');
    try {
      const { decisions } = await api<{ decisions: Decision[] }>(`/api/documents/${id}/history?field=${encodeURIComponent(fieldId)}`);
      if (selectedId !== fieldId || !historyOpen) return;
      replace(
        historyPanel,
        h('h3', {}, `History of ${fieldId}`),
        decisions.length === 0 ? h('p', { class: 'muted' }, 'No decision yet: the value is as extracted.') : h('ol', { id: 'history-list' }, ...decisions.map((decision) =>
          h('li', {},
            `${formatTime(decision.at)} · ${decision.by} · ${decision.action} · `,
            decision.old && decision.new ? `${formatValue(decision.old.value)} (${decision.old.status}) → ${formatValue(decision.new.value)} (${decision.new.status})` : '',
            ` · on version ${decision.version}`,
            decision.note ? h('div', { class: 'muted' }, decision.note) : null,
            decision.reasonShown.length > 0 ? h('div', { class: 'muted' }, `shown: ${decision.reasonShown.join(' | ')}`) : null,
            decision.confirmedRules.length > 0 ? h('div', { class: 'warning' }, `confirmed breaking: ${decision.confirmedRules.join(', ')}`) : null))),
      );
    } catch (error) {
      replace(historyPanel, error instanceof ApiError ? error.message : String(error));
    }
  };

  const select = (fieldId: string | null) => {
    if (!fieldId || editing) return;
    selectedId = fieldId;
    pending = null;
    render();
  };

  const move = (step: number) => {
    const visible = visibleFields();
    if (visible.length === 0) return;
    const position = visible.findIndex((field) => field.id === selectedId);
    const next = position < 0 ? 0 : Math.min(Math.max(position + step, 0), visible.length - 1);
    select(visible[next]!.id);
  };

  /** After a decision: the next field still in review, after the decided one (wrapping). */
  const advance = (fromId: string) => {
    const all = fields();
    const start = all.findIndex((field) => field.id === fromId);
    for (let offset = 1; offset <= all.length; offset++) {
      const field = all[(start + offset) % all.length]!;
      if (field.status === 'review') {
        selectedId = field.id;
        return;
      }
    }
  };

  const decide = async (body: DecisionBody) => {
    if (busy || !data?.document) return;
    busy = true;
    say('saving…');
    try {
      const result = await api<DecisionResult>(`/api/documents/${id}/decisions`, { body: { ...body, version: data.document.version } });
      data = { ...data, summary: result.summary, document: result.document };
      editing = null;
      pending = null;
      inlineForm = null;
      const decided = 'fieldId' in body ? body.fieldId : null;
      if (decided) advance(decided);
      const notes: string[] = [];
      if (result.cleared.length > 0) notes.push(`${result.cleared.length} field(s) left review because their rule now holds: ${result.cleared.join(', ')}`);
      if (result.stillFailing.length > 0) notes.push(`still failing: ${result.stillFailing.join('; ')}`);
      if (result.summary.state === 'committed') say(`Committed ✓ — no field waits for a person; its values are in the dataset. ${notes.join('. ')}`, 'ok', ' Press ', key('n'), ' for the next document.');
      else say(`Saved (version ${result.summary.version}). ${notes.join('. ')}`, 'ok');
      render();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rule-violation-unconfirmed') {
        pending = { ...body, confirm: true } as DecisionBody;
        say(error.message, 'warning', ' Press ', key('Enter'), ' to confirm, ', key('Esc'), ' to cancel.');
      } else if (error instanceof ApiError && error.status === 409) {
        say(`${error.message} — reloaded.`, 'error');
        editing = null;
        await load(true);
      } else {
        say(error instanceof ApiError ? error.message : String(error), 'error');
      }
    } finally {
      busy = false;
    }
  };

  const startEditing = () => {
    const field = selectedId ? fieldById(selectedId) : undefined;
    if (!field || busy || data?.document?.rejected) return;
    const input = h('input', { class: 'edit', id: 'edit-value', value: field.value === null ? '' : String(field.value), inputMode: 'decimal', autocomplete: 'off' });
    input.addEventListener('input', () => {
      pending = null;
      const typed = parseTypedNumber(input.value);
      input.classList.toggle('invalid', typed === undefined);
      renderRules();
      const row = fieldList.querySelector<HTMLElement>('.field.selected');
      const checks = row?.querySelector('.rule-checks');
      if (row && template && typed !== undefined) {
        const fresh = h('ul', { class: 'rule-checks' }, ...assessRuleImpact(template, field.id, (fieldId) => fieldById(fieldId)?.value, typed).after.map(ruleLine));
        if (checks) checks.replaceWith(fresh);
        else row.append(fresh);
      }
    });
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Escape') {
        editing = null;
        pending = null;
        say('edit cancelled');
        render();
      } else if (event.key === 'Enter') {
        event.preventDefault();
        if (pending) {
          void decide(pending);
          return;
        }
        const typed = parseTypedNumber(input.value);
        if (typed === undefined) {
          say(`“${input.value}” is not a number`, 'error');
          return;
        }
        void decide(typed === null ? { action: 'blank', fieldId: field.id } : { action: 'correct', fieldId: field.id, value: typed });
      }
    });
    editing = { fieldId: field.id, input };
    render();
    input.select();
  };

  const openRejectForm = () => {
    if (!data?.document) return;
    const reason = h('input', { id: 'reject-reason', placeholder: 'why is this document rejected?' });
    reason.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') void decide({ action: 'reject', reason: reason.value });
      if (event.key === 'Escape') {
        inlineForm = null;
        render();
      }
    });
    inlineForm = h('div', { class: 'inline-form' }, 'Reject: ', reason, ' ', key('Enter'), ' reject · ', key('Esc'), ' cancel');
    render();
    reason.focus();
  };

  const openMetaForm = () => {
    if (!data?.document) return;
    const meta = data.document.record.meta;
    const agency = h('input', { id: 'meta-agency', value: meta.agency ?? '', placeholder: 'issuing agency' });
    const year = h('input', { id: 'meta-year', value: meta.year === null ? '' : String(meta.year), placeholder: 'reporting year', inputMode: 'numeric' });
    const submit = () => {
      const parsedYear = parseTypedNumber(year.value);
      if (parsedYear === undefined || (parsedYear !== null && !Number.isInteger(parsedYear))) {
        say('the year must be a whole number', 'error');
        return;
      }
      void decide({ action: 'meta', agency: agency.value.trim() === '' ? null : agency.value.trim(), year: parsedYear });
    };
    for (const input of [agency, year]) {
      input.addEventListener('keydown', (event) => {
        event.stopPropagation();
        if (event.key === 'Enter') submit();
        if (event.key === 'Escape') {
          inlineForm = null;
          render();
        }
      });
    }
    inlineForm = h('div', { class: 'inline-form' }, 'Agency ', agency, ' Year ', year, ' ', key('Enter'), ' save · ', key('Esc'), ' cancel');
    render();
    agency.focus();
  };

  const nextDocument = async () => {
    try {
      const page = await api<{ documents: { id: string }[] }>(`/api/queue?after=${id}&limit=1`);
      const next = page.documents[0];
      if (next) navigate(`#/documents/${next.id}`);
      else say('The queue has no further document.', 'ok');
    } catch (error) {
      say(error instanceof ApiError ? error.message : String(error), 'error');
    }
  };

  void load();

  return {
    element,
    onKey(event) {
      if (pending && event.key === 'Enter') {
        void decide(pending);
        return true;
      }
      if (pending && event.key === 'Escape') {
        pending = null;
        say('cancelled');
        return true;
      }
      const field = selectedId ? fieldById(selectedId) : undefined;
      switch (event.key) {
        case 'j':
        case 'ArrowDown':
          move(1);
          return true;
        case 'k':
        case 'ArrowUp':
          move(-1);
          return true;
        case 'a':
          if (field) void decide({ action: 'approve', fieldId: field.id });
          return true;
        case 'A':
          void decide({ action: 'approve-auto' });
          return true;
        case 'e':
          startEditing();
          return true;
        case 'b':
          if (field) void decide({ action: 'blank', fieldId: field.id });
          return true;
        case 'n':
          void nextDocument();
          return true;
        case 'f':
          showAll = !showAll;
          render();
          return true;
        case 'h':
          historyOpen = !historyOpen;
          render();
          return true;
        case 'x':
          openRejectForm();
          return true;
        case 'm':
          openMetaForm();
          return true;
        case 'q':
          navigate('#/queue');
          return true;
        case '?':
          helpOpen = !helpOpen;
          renderKeys();
          return true;
        default:
          return false;
      }
    },
    dispose() {
      clearTimeout(poll);
    },
  };
}

/** How the LLM took part in a document, in words. */
const LLM_STATES: Readonly<Record<'off' | 'not-needed' | 'used' | 'failed', string>> = {
  off: 'LLM off (no endpoint configured, or turned off): unread sections went to review',
  'not-needed': 'LLM not needed: nothing it could read was left unresolved',
  used: 'LLM used on the unresolved sections',
  failed: 'LLM failed on some sections: their fields went to review',
};

/** The source line holding the evidence, on one line, at most about 80 characters around it. */
function evidenceLine(text: string, evidence: { readonly start: number; readonly end: number }): string {
  if (evidence.end > text.length || evidence.start > evidence.end) return '(outside the text)';
  const lineStart = text.lastIndexOf('\n', Math.max(evidence.start - 1, 0)) + 1;
  const lineEnd = text.indexOf('\n', evidence.end);
  const from = Math.max(lineStart, evidence.start - 40);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, Math.max(evidence.end + 40, from + 80));
  const line = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `“${from > lineStart ? '…' : ''}${line}${to < (lineEnd < 0 ? text.length : lineEnd) ? '…' : ''}”`;
}

/** True when the record proposes 0 for a blank cell (approving accepts it; the server applies the same test). */
function proposesZero(field: FieldRecord): boolean {
  return field.value === null && field.status === 'review' && (field.findings ?? []).some((finding) => finding.kind === 'proposed-zero');
}

/** The last part of a label path ("二、…/规章/本年新制作数量" → "规章 / 本年新制作数量"). */
function shortLabel(label: string): string {
  const parts = label.split('/');
  return parts.length <= 2 ? label : parts.slice(-3).join(' / ');
}
