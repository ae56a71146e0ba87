import { agencyIdentitySchema, type AgencyIdentity } from './AgencyIdentity.ts';
import type { AgencyIdentityStore } from './AgencyIdentityStore.ts';
import { applyIdentityDecision, findIdentity, type IdentityDecision } from './applyIdentityDecision.ts';

/** An AgencyIdentityStore in memory (tests, and GONGKAI_STORE=memory); copies in and out, so callers cannot alias it. */
export function createMemoryAgencyIdentityStore(initial: readonly AgencyIdentity[] = []): AgencyIdentityStore {
  let identities: AgencyIdentity[] = initial.map((identity) => agencyIdentitySchema.parse(identity));
  const apply = (decision: IdentityDecision): void => {
    identities = applyIdentityDecision(identities, decision);
  };
  return {
    get: async (key) => structuredClone(findIdentity(identities, key)),
    list: async () => structuredClone(identities),
    confirm: async (input) => {
      apply({ kind: 'confirm', input });
      return structuredClone(findIdentity(identities, input.key)!);
    },
    merge: async (input) => {
      apply({ kind: 'merge', input });
      return structuredClone(findIdentity(identities, input.into)!);
    },
    keepApart: async (input) => {
      apply({ kind: 'keep-apart', input });
    },
  };
}
