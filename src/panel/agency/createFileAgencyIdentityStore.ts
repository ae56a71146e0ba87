import { readFile } from 'node:fs/promises';
import { GongkaiError } from '../../errors/GongkaiError.ts';
import { DurableWriter } from '../../store/DurableWriter.ts';
import type { AgencyIdentity } from './AgencyIdentity.ts';
import { AGENCY_FILE_SCHEMA_VERSION, agencyIdentityFileSchema, type AgencyIdentityFile, type IdentityDecisionRecord } from './agencyIdentityFile.ts';
import type { AuditedAgencyIdentityStore } from './AuditedAgencyIdentityStore.ts';
import { applyIdentityDecision, findIdentity, type IdentityDecision } from './applyIdentityDecision.ts';

/**
 * The agency identities in one JSON file (`agencies.json` in the data directory), apart from the document store:
 * identities plus the audit trail of decisions. A decision is applied to a copy, written durably (temp file, fsync,
 * rename), and only then becomes current, one at a time; a failed write leaves memory as it was. A missing file is
 * an empty one; a corrupt one is refused when opened (GongkaiError 'store-corrupt' naming it), never overwritten.
 */
export async function createFileAgencyIdentityStore(path: string, fileName = 'agencies.json'): Promise<AuditedAgencyIdentityStore> {
  let current: AgencyIdentityFile;
  try {
    const parsed = agencyIdentityFileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
    if (!parsed.success) throw new GongkaiError('store-corrupt', `${fileName} is not a valid agencies file: ${parsed.error.message}`, { file: fileName });
    current = parsed.data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      if (error instanceof SyntaxError) throw new GongkaiError('store-corrupt', `${fileName} is not valid JSON: ${error.message}`, { file: fileName });
      throw error;
    }
    current = { schemaVersion: AGENCY_FILE_SCHEMA_VERSION, identities: [], decisions: [] };
  }
  const writer = new DurableWriter();
  let queue: Promise<unknown> = Promise.resolve();
  const decide = (decision: IdentityDecision, audit: IdentityDecisionRecord): Promise<readonly AgencyIdentity[]> => {
    const run = queue.then(async () => {
      const next: AgencyIdentityFile = { ...current, identities: applyIdentityDecision(current.identities, decision), decisions: [...current.decisions, audit] };
      await writer.write(path, `${JSON.stringify(next, null, 1)}\n`);
      current = next;
      return current.identities;
    });
    queue = run.catch(() => undefined);
    return run;
  };
  return {
    get: async (key) => structuredClone(findIdentity(current.identities, key)),
    list: async () => structuredClone(current.identities),
    decisions: async () => structuredClone(current.decisions),
    confirm: async (input) => structuredClone(findIdentity(await decide({ kind: 'confirm', input }, { kind: 'confirm', ...input, names: [...input.names], evidence: [...input.evidence] }), input.key)!),
    merge: async (input) => structuredClone(findIdentity(await decide({ kind: 'merge', input }, { kind: 'merge', ...input, evidence: [...input.evidence] }), input.into)!),
    keepApart: async (input) => {
      await decide({ kind: 'keep-apart', input }, { kind: 'keep-apart', ...input, keys: [input.keys[0], input.keys[1]] });
    },
  };
}
