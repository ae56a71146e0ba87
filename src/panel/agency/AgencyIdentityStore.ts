import type { AgencyEvidence } from './AgencyEvidence.ts';
import type { AgencyIdentity } from './AgencyIdentity.ts';

/** Who decided, and when (ISO 8601). */
export interface Decision {
  readonly by: string;
  readonly at: string;
}

/** A reviewer confirms a key as one agency, with the names it covers. */
export interface ConfirmIdentity extends Decision {
  readonly key: string;
  readonly displayName: string;
  readonly names: readonly string[];
  readonly evidence: readonly AgencyEvidence[];
}

/** A reviewer merges one key into another (the proposal's evidence kept). */
export interface MergeIdentities extends Decision {
  readonly from: string;
  readonly into: string;
  readonly evidence: readonly AgencyEvidence[];
}

/** A reviewer says two keys are different agencies. */
export interface KeepApart extends Decision {
  readonly keys: readonly [string, string];
}

/**
 * Confirmed agency identities, kept as data. The file store implements it later (one JSON document validated by
 * agencyIdentitySchema); createMemoryAgencyIdentityStore is the reference implementation the contract tests run.
 * `get` finds an identity by its key or by a key merged into it.
 */
export interface AgencyIdentityStore {
  get(key: string): Promise<AgencyIdentity | undefined>;
  list(): Promise<readonly AgencyIdentity[]>;
  confirm(input: ConfirmIdentity): Promise<AgencyIdentity>;
  merge(input: MergeIdentities): Promise<AgencyIdentity>;
  keepApart(input: KeepApart): Promise<void>;
}
