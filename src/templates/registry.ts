import { gov2014 } from './gov2014.ts';
import { gov2019 } from './gov2019.ts';
import { gov2021 } from './gov2021.ts';
import type { TemplateDefinition } from './TemplateDefinition.ts';

/** Every template the product can read. Add a form by adding its definition file here. */
export const templates: readonly TemplateDefinition[] = [gov2014, gov2019, gov2021];

/** The template with the given id, or undefined. */
export function findTemplate(id: string): TemplateDefinition | undefined {
  return templates.find((template) => template.id === id);
}
