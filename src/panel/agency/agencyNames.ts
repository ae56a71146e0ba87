import { GongkaiError } from '../../errors/GongkaiError.ts';
import agencyNamesData from './agencyNames.json' with { type: 'json' };
import { agencyNamesSchema, type AgencyNames } from './agencyNamesSchema.ts';

/** Validates naming data; a malformed file stops the program at start, naming the problem. */
export function parseAgencyNames(data: unknown): AgencyNames {
  const parsed = agencyNamesSchema.safeParse(data);
  if (!parsed.success) throw new GongkaiError('internal', `agencyNames.json is malformed: ${parsed.error.message}`, { issues: parsed.error.issues });
  return parsed.data;
}

/** The project's naming data (agencyNames.json), validated when first imported. */
export const agencyNames: AgencyNames = parseAgencyNames(agencyNamesData);
