import { agencyIdentitySchema, type AgencyIdentity } from './AgencyIdentity.ts';
import type { IdentityDecisionRecord } from './agencyIdentityFile.ts';
import type { AuditedAgencyIdentityStore } from './AuditedAgencyIdentityStore.ts';
import { applyIdentityDecision, findIdentity, type IdentityDecision } from './applyIdentityDecision.ts';

/** An AgencyIdentityStore in memory (tests, and GONGKAI_STORE=memory); copies in and out, so callers cannot alias it. */
export function createMemoryAgencyIdentityStore(initial: readonly AgencyIdentity[] = []): AuditedAgencyIdentityStore {
  let identities: AgencyIdentity[] = initial.map((identity) => agencyIdentitySchema.parse(identity));
  const decisions: IdentityDecisionRecord[] = [];
  const apply = (decision: IdentityDecision, audit: IdentityDecisionRecord): void => {
    identities = applyIdentityDecision(identities, decision);
    decisions.push(structuredClone(audit));
  };
  return {
    get: async (key) => structuredClone(findIdentity(identities, key)),
    list: async () => structuredClone(identities),
    decisions: async () => structuredClone(decisions),
    confirm: async (input) => {
      apply({ kind: 'confirm', input }, { kind: 'confirm', ...input, names: [...input.names], evidence: [...input.evidence] });
      return structuredClone(findIdentity(identities, input.key)!);
    },
    merge: async (input) => {
      apply({ kind: 'merge', input }, { kind: 'merge', ...input, evidence: [...input.evidence] });
      return structuredClone(findIdentity(identities, input.into)!);
    },
    keepApart: async (input) => {
      apply({ kind: 'keep-apart', input }, { kind: 'keep-apart', ...input, keys: [input.keys[0], input.keys[1]] });
    },
  };
}
