import type { TemplateId } from '../record/ExtractionRecord.ts';
import { fieldSection } from '../review/fieldSection.ts';
import { findTemplate } from '../templates/registry.ts';
import { shortFieldLabels } from './fieldLabels.ts';

const cache = new Map<TemplateId, Map<string, string>>();

/**
 * Short Chinese labels of a template's fields (unique within it), e.g. requests.completed → 申请办结数: the
 * one naming used by download headers and by the review UI's rule texts.
 */
export function shortLabelsOf(template: TemplateId): ReadonlyMap<string, string> {
  let labels = cache.get(template);
  if (!labels) {
    const fields = findTemplate(template)?.fields ?? [];
    labels = shortFieldLabels(fields, (fieldId) => (template === 'gov-2014' ? fieldSection(template, fieldId).title : ''));
    cache.set(template, labels);
  }
  return labels;
}
