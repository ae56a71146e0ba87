import type { AgencyIdentity } from './AgencyIdentity.ts';
import type { AgencyNames } from './agencyNamesSchema.ts';
import { findIdentity } from './applyIdentityDecision.ts';
import { proposeAgencyKey, type AgencyKeyProposal } from './proposeAgencyKey.ts';

/** The key an agency name files under: a reviewer's identity when one covers it, else the proposal. */
export interface ResolvedAgencyKey {
  readonly key: string | null;
  readonly confirmed: boolean;
  readonly proposal: AgencyKeyProposal;
}

/**
 * Resolves a printed name against the confirmed identities (a list the store returns): the identity whose key,
 * merged keys or confirmed names cover the proposal's key or the normalised name wins; otherwise the proposed key,
 * unconfirmed. This is what the panel's agencyKeyOf and the queue filter call.
 */
export function resolveAgencyKey(name: string | null, identities: readonly AgencyIdentity[], names?: AgencyNames): ResolvedAgencyKey {
  const proposal = proposeAgencyKey(name ?? '', names);
  const identity = (proposal.key !== null ? findIdentity(identities, proposal.key) : undefined) ??
    identities.find((candidate) => candidate.names.includes(proposal.normalised));
  if (identity) return { key: identity.key, confirmed: true, proposal };
  return { key: proposal.key, confirmed: false, proposal };
}
