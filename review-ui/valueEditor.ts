import { h } from './dom.ts';
import { parseTypedNumber } from './parseNumber.ts';

/** What the document screen does with what is typed in a field's value editor. */
export interface ValueEditorHandlers {
  /** Each keystroke: the number typed (null for nothing, undefined while it is no number). */
  readonly typed: (value: number | null | undefined) => void;
  /** Escape. */
  readonly cancel: () => void;
  /** Enter, with the number typed (undefined when it is none) and the text as typed. */
  readonly enter: (value: number | null | undefined, text: string) => void;
}

/**
 * The input a field's value is corrected in: it starts with the value read, marks itself invalid while the text is
 * no number, and keeps its keys to itself (the screen's shortcuts do not fire while typing).
 */
export function valueEditor(value: number | null, handlers: ValueEditorHandlers): HTMLInputElement {
  const input = h('input', { class: 'edit', id: 'edit-value', value: value === null ? '' : String(value), inputMode: 'decimal', autocomplete: 'off' });
  input.addEventListener('input', () => {
    const typed = parseTypedNumber(input.value);
    input.classList.toggle('invalid', typed === undefined);
    handlers.typed(typed);
  });
  input.addEventListener('keydown', (event) => {
    event.stopPropagation();
    if (event.key === 'Escape') handlers.cancel();
    else if (event.key === 'Enter') {
      event.preventDefault();
      handlers.enter(parseTypedNumber(input.value), input.value);
    }
  });
  return input;
}
