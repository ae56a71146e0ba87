import type { TablePrinting, TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The older printing of the template's tables the text shows (TemplateDefinition.printings), or undefined for
 * the form's own tables: a printing is chosen when the text prints its combined row's label and none of the
 * labels of the rows it stands for (nor one of their heads, "3.其他", before a cell: the other parts' labels may be
 * lost to a scan). A wrong choice cannot commit a wrong value: the printing's rules then fail
 * (its combined row would hold only one of the part rows) unless the other parts are 0.
 */
export function choosePrinting(template: TemplateDefinition, text: string): TablePrinting | undefined {
  if (!template.printings || template.printings.length === 0) return undefined;
  const compact = text.replace(/\s+/gu, '');
  return template.printings.find((printing) => printsLabel(compact, printing.combinedLabel)
    && !printing.partLabels.some((label) => compact.includes(label.replace(/\s+/gu, '')))
    && !(printing.partRowHeads ?? []).some((head) => printsRowHead(compact, head)));
}

/** Whether the text prints a row head followed by no CJK character ("3.其他|1|0…", not "3.其他法律…"). */
function printsRowHead(compact: string, head: string): boolean {
  for (let at = compact.indexOf(head); at >= 0; at = compact.indexOf(head, at + 1)) {
    if (!/\p{Script=Han}/u.test(compact[at + head.length] ?? '')) return true;
  }
  return false;
}

/** A row ordinal in brackets: "（六）", "(六)". */
const BRACKETED_ORDINAL = /[（(][一二三四五六七八九十]{1,2}[)）]/gu;

/**
 * Whether the text prints the label: as it is, or right after a bracketed row ordinal with one character an OCR
 * misread ("（六）其他处埋"). The form's other bracketed rows differ from it in two characters or more (不予处理).
 */
function printsLabel(compact: string, label: string): boolean {
  if (compact.includes(label)) return true;
  for (const match of compact.matchAll(BRACKETED_ORDINAL)) {
    const after = compact.slice(match.index + match[0].length, match.index + match[0].length + label.length);
    if (after.length !== label.length) continue;
    let differences = 0;
    for (let index = 0; index < label.length; index++) if (after[index] !== label[index]) differences++;
    if (differences <= 1) return true;
  }
  return false;
}
