import type { AgencyIdentityStore } from './AgencyIdentityStore.ts';
import type { IdentityDecisionRecord } from './agencyIdentityFile.ts';

/** An AgencyIdentityStore that also keeps every decision (who, when, what): the service's audit trail of identities. */
export interface AuditedAgencyIdentityStore extends AgencyIdentityStore {
  /** Every decision, oldest first. */
  decisions(): Promise<readonly IdentityDecisionRecord[]>;
}
