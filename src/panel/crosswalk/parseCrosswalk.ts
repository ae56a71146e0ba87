import { GongkaiError } from '../../errors/GongkaiError.ts';
import { templates } from '../../templates/registry.ts';
import { crosswalkSchema, type Crosswalk } from './crosswalkSchema.ts';

/**
 * Validates crosswalk data: its shape (zod), and that every field it names exists on the form it names it for,
 * so a typo in the reviewed file stops the program at start instead of blanking an indicator in every row.
 */
export function parseCrosswalk(data: unknown): Crosswalk {
  const parsed = crosswalkSchema.safeParse(data);
  if (!parsed.success) {
    throw new GongkaiError('internal', `the crosswalk is malformed: ${parsed.error.message}`, { issues: parsed.error.issues });
  }
  const unknownFields: string[] = [];
  for (const indicator of parsed.data.indicators) {
    for (const [form, source] of Object.entries(indicator.forms)) {
      const template = templates.find((candidate) => candidate.id === form);
      const known = new Set(template?.fields.map((field) => field.id) ?? []);
      for (const fieldId of source?.fields ?? []) if (!known.has(fieldId)) unknownFields.push(`${indicator.id}: ${form} ${fieldId}`);
    }
  }
  if (unknownFields.length > 0) {
    throw new GongkaiError('internal', `the crosswalk names fields its forms do not have: ${unknownFields.join('; ')}`, { unknownFields });
  }
  return parsed.data;
}
