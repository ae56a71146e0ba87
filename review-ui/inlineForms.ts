import { h, key } from './dom.ts';
import { t } from './i18n/locale.ts';
import { parseTypedNumber } from './parseNumber.ts';

/** An inline form of the document page: its element, and the input that takes the focus when it opens. */
export interface InlineForm {
  readonly element: HTMLElement;
  readonly focus: HTMLInputElement;
}

/** What an inline form does on Enter (with what was typed) and on Escape. */
interface FormActions<Value> {
  readonly submit: (value: Value) => void;
  readonly cancel: () => void;
}

/** Enter submits and Escape cancels in each input; no other key reaches the page's shortcuts while typing. */
function onKeys(inputs: readonly HTMLInputElement[], submit: () => void, cancel: () => void): void {
  for (const input of inputs) {
    input.addEventListener('keydown', (event) => {
      event.stopPropagation();
      if (event.key === 'Enter') submit();
      if (event.key === 'Escape') cancel();
    });
  }
}

/** The reason for rejecting a document (the server requires one). */
export function rejectForm(actions: FormActions<string>): InlineForm {
  const reason = h('input', { id: 'reject-reason', placeholder: t.rejectPlaceholder });
  onKeys([reason], () => actions.submit(reason.value), actions.cancel);
  const element = h('div', { class: 'inline-form' }, t.rejectLabel, reason, ' ', key('Enter'), ` ${t.keyHints.reject} · `, key('Esc'), ` ${t.keyHints.cancel}`);
  return { element, focus: reason };
}

/** The document's agency and year as corrected by the reviewer (empty: null); a year that is no whole number is refused. */
export function metaForm(
  meta: { readonly agency: string | null; readonly year: number | null },
  actions: FormActions<{ readonly agency: string | null; readonly year: number | null }> & { readonly invalidYear: () => void },
): InlineForm {
  const agency = h('input', { id: 'meta-agency', value: meta.agency ?? '', placeholder: t.agencyPlaceholderMeta });
  const year = h('input', { id: 'meta-year', value: meta.year === null ? '' : String(meta.year), placeholder: t.yearPlaceholder, inputMode: 'numeric' });
  const submit = () => {
    const parsedYear = parseTypedNumber(year.value);
    if (parsedYear === undefined || (parsedYear !== null && !Number.isInteger(parsedYear))) {
      actions.invalidYear();
      return;
    }
    actions.submit({ agency: agency.value.trim() === '' ? null : agency.value.trim(), year: parsedYear });
  };
  onKeys([agency, year], submit, actions.cancel);
  const element = h('div', { class: 'inline-form' }, t.agencyLabel, agency, t.yearLabel, year, ' ', key('Enter'), ` ${t.save} · `, key('Esc'), ` ${t.keyHints.cancel}`);
  return { element, focus: agency };
}
