import type { TablePrinting, TemplateDefinition } from '../templates/TemplateDefinition.ts';

/**
 * The older printing of the template's tables the text shows (TemplateDefinition.printings), or undefined for
 * the form's own tables: a printing is chosen when the text prints its combined row's label and none of the
 * labels of the rows it stands for. A wrong choice cannot commit a wrong value: the printing's rules then fail
 * (its combined row would hold only one of the part rows) unless the other parts are 0.
 */
export function choosePrinting(template: TemplateDefinition, text: string): TablePrinting | undefined {
  if (!template.printings || template.printings.length === 0) return undefined;
  const compact = text.replace(/\s+/gu, '');
  return template.printings.find((printing) => compact.includes(printing.combinedLabel)
    && !printing.partLabels.some((label) => compact.includes(label.replace(/\s+/gu, ''))));
}
