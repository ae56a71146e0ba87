import type { FieldRecord } from '../src/record/ExtractionRecord.ts';
import type { DecisionResult, DocumentView as DocumentData } from '../src/review/ReviewService.ts';
import { assessRuleImpact } from '../src/review/ruleImpact.ts';
import type { Decision } from '../src/store/storeSchemas.ts';
import { findTemplate } from '../src/templates/registry.ts';
import type { TemplateDefinition } from '../src/templates/TemplateDefinition.ts';
import { evaluateRule, type RuleEvaluation } from '../src/validate/evaluateRule.ts';
import { labelPathText } from '../src/export/fieldLabels.ts';
import { api, ApiError } from './api.ts';
import { startDownload } from './downloadLinks.ts';
import { h, key, replace, type Child } from './dom.ts';
import { errorText } from './format.ts';
import { t } from './i18n/locale.ts';
import { evaluationText, fieldLabel } from './ruleText.ts';
import { metaForm, rejectForm, type InlineForm } from './inlineForms.ts';
import { parseTypedNumber } from './parseNumber.ts';
import { valueEditor } from './valueEditor.ts';
import { sourcePane } from './sourcePane.ts';
import { brokenRulesText, proposesZero, type DecisionBody } from './fieldReasons.ts';
import { documentHeader, processingLine } from './documentHeader.ts';
import { fieldRow, fieldSections } from './fieldRow.ts';
import { keyHints } from './keyHints.ts';
import { failingRules, ruleLine as ruleLineOf, type FailingRulesContext } from './failingRules.ts';
import { decisionHistory } from './decisionHistory.ts';
import type { View } from './View.ts';

/**
 * The review screen of one document: the original on the left (a PDF's page, an HTML page's text and tables,
 * or the text), the fields grouped by
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
  /** The once-per-document question whether printed blanks are 0, while it is open. */
  let blankQuestion: HTMLElement | null = null;
  let blankQuestionAnswer: ((choice: 'yes' | 'no') => void) | null = null;

  const header = h('header', { class: 'document-header' });
  const processing = h('div', { class: 'processing' });
  const status = h('p', { class: 'status', id: 'status', dataset: { kind: 'info' } });
  const source = sourcePane(id);
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
    h('div', { class: 'panes' }, source.element, h('section', { class: 'field-pane' }, rulesPanel, fieldList, historyPanel)),
    keys,
  );

  const say = (text: string, kind: 'info' | 'error' | 'warning' | 'ok' = 'info', ...extra: Child[]) => {
    replace(status, text, ...extra);
    status.dataset.kind = kind;
  };

  const fields = (): FieldRecord[] => data?.document?.record.fields ?? [];
  const fieldById = (fieldId: string) => fields().find((field) => field.id === fieldId);
  const visibleFields = () => fields().filter((field) => showAll || field.status === 'review' || field.id === selectedId);
  const labelOf = (fieldId: string) => fieldLabel(template?.id, fieldId);
  const pathOf = (fieldId: string) => labelPathText(template?.fields.find((field) => field.id === fieldId)?.label ?? fieldId);
  const editedValue = (): number | null | undefined => (editing ? parseTypedNumber(editing.input.value) : undefined);
  const valueOf = (fieldId: string): number | null | undefined => {
    if (editing && editing.fieldId === fieldId) {
      const typed = editedValue();
      if (typed !== undefined) return typed;
    }
    return fieldById(fieldId)?.value;
  };

  const canApproveAuto = () => Boolean(data?.document) && data!.summary.state !== 'rejected' && data!.summary.state !== 'committed'
    && fields().some((field) => field.status === 'auto');

  /** Approves fields one after another (a rule group, a section's proven zeros); stops at the first refusal. */
  const approveEach = async (fieldIds: readonly string[]) => {
    for (const fieldId of fieldIds) {
      const field = fieldById(fieldId);
      if (!field || (field.status !== 'review' && field.status !== 'auto')) continue;
      if (!(await decide({ action: 'approve', fieldId }))) return;
    }
  };

  /** `a` on a proposed 0: the first time in a document with several, ask whether every printed blank is 0. */
  const approveSelected = (field: FieldRecord) => {
    const proposed = fields().filter((candidate) => proposesZero(template, candidate));
    if (proposesZero(template, field) && proposed.length > 1 && !blanksAnswered.has(id)) {
      const answer = (choice: 'yes' | 'no') => {
        blanksAnswered.set(id, choice);
        blankQuestion = null;
        render();
        void (choice === 'yes' ? approveEach([field.id, ...proposed.map((candidate) => candidate.id).filter((candidateId) => candidateId !== field.id)]) : decide({ action: 'approve', fieldId: field.id }));
      };
      blankQuestion = h('div', { class: 'question', id: 'blank-question' }, t.blanksQuestion, ' ',
        h('button', { id: 'blanks-yes', on: { click: () => answer('yes') } }, key('y'), ` ${t.blanksYes}`),
        h('button', { id: 'blanks-no', on: { click: () => answer('no') } }, key('n'), ` ${t.blanksNo}`));
      blankQuestionAnswer = answer;
      render();
      return;
    }
    void decide({ action: 'approve', fieldId: field.id });
  };

  const load = async (keepSelection = false) => {
    clearTimeout(poll);
    try {
      data = await api<DocumentData>(`/api/documents/${id}`);
    } catch (error) {
      say(errorText(error), 'error');
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

  const renderHeader = () => replace(header, ...documentHeader(data!, id, canApproveAuto(), inlineForm, {
    approveAuto: () => void decide({ action: 'approve-auto' }),
    editMeta: () => openMetaForm(),
    reject: () => openRejectForm(),
    nextDocument: () => void nextDocument(),
    downloadOriginal: () => void startDownload(`/api/documents/${id}/raw`, status),
  }));

  const retry = () => void api(`/api/documents/${id}/retry`, { method: 'POST', body: {} }).then(() => load());
  const renderProcessing = () => replace(processing, ...processingLine(data!, retry));

  /** The original on the left, the selected field's evidence highlighted (review-ui/sourcePane.ts). */
  const renderSource = () => {
    const reviewPages = fields().filter((field) => field.status === 'review' && field.evidence?.page !== undefined).map((field) => field.evidence!.page!);
    source.show({
      text: data!.text ?? '',
      isPdf: data!.document?.record.input?.kind === 'pdf',
      evidence: selectedId ? fieldById(selectedId)?.evidence ?? null : null,
      reviewPages,
    });
  };

  const renderRules = () => {
    if (!template) {
      replace(rulesPanel);
      return;
    }
    replace(rulesPanel, ...failingRules(template, rulesContext()));
  };

  const rulesContext = (): FailingRulesContext => ({
    valueOf,
    inReview: (fieldId) => fieldById(fieldId)?.status === 'review',
    editing: editing !== null,
    select,
    approveEach: (fieldIds) => void approveEach(fieldIds),
  });
  const ruleLine = (evaluation: RuleEvaluation) => ruleLineOf(template!, evaluation, rulesContext());

  const renderFields = () => {
    const visible = visibleFields();
    const inReview = fields().filter((field) => field.status === 'review').length;
    replace(
      fieldList,
      // The key's label says what pressing it does next, not what is shown now.
      h('p', { class: 'muted', id: 'field-filter' }, `${t.fieldsWaitingOf(inReview, fields().length)} · `, key('f'), ` ${showAll ? t.showOnlyReview : t.showAllFields}`),
      blankQuestion,
      ...(data!.document ? fieldSections(visible, fields(), data!.document.record.template, renderField, (fieldIds) => void approveEach(fieldIds)) : []),
    );
    if (visible.length === 0 && data!.document) fieldList.append(h('p', { class: 'ok' }, data!.document.record.fields.length === 0 ? t.noFieldsRead : t.noFieldWaits));
    const row = fieldList.querySelector<HTMLElement>('.field.selected');
    row?.scrollIntoView({ block: 'nearest' });
    if (editing) {
      const input = fieldList.querySelector<HTMLInputElement>('input.edit');
      input?.focus();
    }
  };

  const renderField = (field: FieldRecord) => fieldRow(field, {
    template,
    selected: field.id === selectedId,
    editor: editing?.fieldId === field.id ? editing.input : undefined,
    editedValue: editedValue(),
    valueOf,
    fieldById,
    labelOf,
    pathOf,
    ruleLine,
    evidenceLine: (evidence) => source.evidenceLine(evidence),
    select,
  });

  const renderKeys = () => replace(keys, ...keyHints(helpOpen));

  const renderHistory = async () => {
    if (!selectedId) return;
    const fieldId = selectedId;
    replace(historyPanel, h('h3', {}, t.historyOf(`${labelOf(fieldId)} · ${fieldId}`)), t.loading);
    try {
      const { decisions } = await api<{ decisions: Decision[] }>(`/api/documents/${id}/history?field=${encodeURIComponent(fieldId)}`);
      if (selectedId !== fieldId || !historyOpen) return;
      replace(
        historyPanel,
        h('h3', {}, t.historyOf(`${labelOf(fieldId)} · ${fieldId}`)),
        decisionHistory(decisions),
      );
    } catch (error) {
      replace(historyPanel, errorText(error));
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

  /** Sends a decision; true when it was saved. */
  const decide = async (body: DecisionBody): Promise<boolean> => {
    if (busy || !data?.document) return false;
    busy = true;
    say(t.saving);
    try {
      const result = await api<DecisionResult>(`/api/documents/${id}/decisions`, { body: { ...body, version: data.document.version } });
      data = { ...data, summary: result.summary, document: result.document };
      editing = null;
      pending = null;
      inlineForm = null;
      const decided = 'fieldId' in body ? body.fieldId : null;
      if (decided) advance(decided);
      const notes: string[] = [];
      if (result.cleared.length > 0) notes.push(t.clearedNote(result.cleared.length, result.cleared.map(labelOf).join(t.andJoin)));
      const stillFailing = template ? template.rules.map((rule) => evaluateRule(rule, valueOf)).filter((evaluation) => evaluation.outcome === 'fail') : [];
      if (stillFailing.length > 0) notes.push(t.stillFailingNote(stillFailing.map((evaluation) => evaluationText(template!.id, evaluation, valueOf)).join(t.listSeparator)));
      if (result.summary.state === 'committed') say(`${t.committedNote} ${notes.join(' ')}`, 'ok', t.pressNext, key('n'), t.forNext);
      else say(`${t.saved(result.summary.version)} ${notes.join(' ')}`, 'ok');
      render();
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'rule-violation-unconfirmed') {
        pending = { ...body, confirm: true } as DecisionBody;
        say(`${t.errors['rule-violation-unconfirmed']}${t.colon}${brokenRulesText(template, body, fieldById, error.message)}`, 'warning', t.confirmPrompt, key('Enter'), t.toConfirm, key('Esc'), t.toCancel);
      } else if (error instanceof ApiError && error.status === 409) {
        say(`${errorText(error)} ${t.reloaded}`, 'error');
        editing = null;
        await load(true);
      } else {
        say(errorText(error), 'error');
      }
      return false;
    } finally {
      busy = false;
    }
  };

  const startEditing = () => {
    const field = selectedId ? fieldById(selectedId) : undefined;
    if (!field || busy || data?.document?.rejected) return;
    const input = valueEditor(field.value, {
      typed: (typed) => {
        pending = null;
        renderRules();
        const row = fieldList.querySelector<HTMLElement>('.field.selected');
        const checks = row?.querySelector('.rule-checks');
        if (row && template && typed !== undefined) {
          const fresh = h('ul', { class: 'rule-checks' }, ...assessRuleImpact(template, field.id, (fieldId) => fieldById(fieldId)?.value, typed).after.map(ruleLine));
          if (checks) checks.replaceWith(fresh);
          else row.append(fresh);
        }
      },
      cancel: () => {
        editing = null;
        pending = null;
        say(t.editCancelled);
        render();
      },
      enter: (typed, text) => {
        if (pending) void decide(pending);
        else if (typed === undefined) say(t.notANumber(text), 'error');
        else void decide(typed === null ? { action: 'blank', fieldId: field.id } : { action: 'correct', fieldId: field.id, value: typed });
      },
    });
    editing = { fieldId: field.id, input };
    render();
    input.select();
  };

  const closeInlineForm = () => {
    inlineForm = null;
    render();
  };

  const openInlineForm = (form: InlineForm) => {
    inlineForm = form.element;
    render();
    form.focus.focus();
  };

  const openRejectForm = () => {
    if (!data?.document) return;
    openInlineForm(rejectForm({ submit: (reason) => void decide({ action: 'reject', reason }), cancel: closeInlineForm }));
  };

  const openMetaForm = () => {
    if (!data?.document) return;
    openInlineForm(metaForm(data.document.record.meta, {
      submit: ({ agency, year }) => void decide({ action: 'meta', agency, year }),
      cancel: closeInlineForm,
      invalidYear: () => say(t.yearMustBeWhole, 'error'),
    }));
  };

  const nextDocument = async () => {
    try {
      const page = await api<{ documents: { id: string }[] }>(`/api/queue?after=${id}&limit=1`);
      const next = page.documents[0];
      if (next) navigate(`#/documents/${next.id}`);
      else say(t.noFurtherDocument, 'ok');
    } catch (error) {
      say(errorText(error), 'error');
    }
  };

  const selectedField = () => (selectedId ? fieldById(selectedId) : undefined);
  const toggle = (flip: () => void, redraw: () => void) => () => {
    flip();
    redraw();
  };
  /** The page's keys (shown in the footer, renderKeys) and what each does. */
  const shortcuts: Readonly<Record<string, () => void>> = {
    j: () => move(1),
    ArrowDown: () => move(1),
    k: () => move(-1),
    ArrowUp: () => move(-1),
    a: () => {
      const field = selectedField();
      if (field) approveSelected(field);
    },
    A: () => {
      if (canApproveAuto()) void decide({ action: 'approve-auto' });
    },
    e: () => startEditing(),
    b: () => {
      const field = selectedField();
      if (field) void decide({ action: 'blank', fieldId: field.id });
    },
    n: () => void nextDocument(),
    f: toggle(() => (showAll = !showAll), () => render()),
    h: toggle(() => (historyOpen = !historyOpen), () => render()),
    x: () => openRejectForm(),
    m: () => openMetaForm(),
    q: () => navigate('#/queue'),
    '?': toggle(() => (helpOpen = !helpOpen), () => renderKeys()),
  };

  void load();

  return {
    element,
    onKey(event) {
      if (blankQuestion && blankQuestionAnswer) {
        if (event.key === 'y') blankQuestionAnswer('yes');
        else if (event.key === 'n' || event.key === 'Escape') blankQuestionAnswer('no');
        return true;
      }
      if (pending && event.key === 'Enter') {
        void decide(pending);
        return true;
      }
      if (pending && event.key === 'Escape') {
        pending = null;
        say(t.cancelled);
        return true;
      }
      // Own keys only: a key named like an object's property ("constructor") is no shortcut.
      if (!Object.hasOwn(shortcuts, event.key)) return false;
      shortcuts[event.key]!();
      return true;
    },
    dispose() {
      clearTimeout(poll);
      source.dispose();
    },
  };
}

/** Documents whose reviewer answered whether printed blanks are 0 (asked once per document). */
const blanksAnswered = new Map<string, 'yes' | 'no'>();
