import { GongkaiError } from '../../errors/GongkaiError.ts';
import type { AgencyIdentity } from './AgencyIdentity.ts';
import type { ConfirmIdentity, KeepApart, MergeIdentities } from './AgencyIdentityStore.ts';
import { normaliseAgencyName } from './normaliseAgencyName.ts';

/** A decision on agency identities, as a store applies it. */
export type IdentityDecision =
  | { readonly kind: 'confirm'; readonly input: ConfirmIdentity }
  | { readonly kind: 'merge'; readonly input: MergeIdentities }
  | { readonly kind: 'keep-apart'; readonly input: KeepApart };

/** The identity holding `key`, as its own key or a merged one. */
export function findIdentity(identities: readonly AgencyIdentity[], key: string): AgencyIdentity | undefined {
  return identities.find((identity) => identity.key === key || identity.mergedKeys.includes(key));
}

/**
 * The identities after one decision (pure, so every store implementation behaves alike). Confirming adds names to
 * the identity holding the key (or creates it). Merging folds `from` (and whatever was merged into it) into the
 * identity holding `into`; merging a key into itself, or into a key kept apart from it, is a conflict. Keeping
 * apart records both keys on both identities.
 */
export function applyIdentityDecision(identities: readonly AgencyIdentity[], decision: IdentityDecision): AgencyIdentity[] {
  const result = identities.map((identity) => ({ ...identity }));
  const ensure = (key: string, displayName: string, by: string, at: string): AgencyIdentity => {
    const found = findIdentity(result, key);
    if (found) return found;
    const created: AgencyIdentity = { key, displayName, names: [], mergedKeys: [], keptApart: [], evidence: [], decidedBy: by, decidedAt: at };
    result.push(created);
    return created;
  };
  switch (decision.kind) {
    case 'confirm': {
      const { key, displayName, names, evidence, by, at } = decision.input;
      const identity = ensure(key, displayName, by, at);
      identity.displayName = displayName;
      identity.names = union(identity.names, names.map(normaliseAgencyName));
      identity.evidence = [...identity.evidence, ...evidence];
      identity.decidedBy = by;
      identity.decidedAt = at;
      return result;
    }
    case 'merge': {
      const { from, into, evidence, by, at } = decision.input;
      const target = ensure(into, into, by, at);
      const source = findIdentity(result, from);
      if (from === into || source === target) throw new GongkaiError('conflict', `${from} is already ${target.key}`, { from, into });
      const fromKeys = source ? [source.key, ...source.mergedKeys] : [from];
      if (fromKeys.some((key) => target.keptApart.includes(key))) {
        throw new GongkaiError('conflict', `${from} and ${target.key} were kept apart by a reviewer`, { from, into: target.key });
      }
      target.mergedKeys = union(target.mergedKeys, fromKeys);
      target.names = union(target.names, source?.names ?? []);
      target.keptApart = union(target.keptApart, source?.keptApart ?? []);
      target.evidence = [...target.evidence, ...(source?.evidence ?? []), ...evidence];
      target.decidedBy = by;
      target.decidedAt = at;
      return source ? result.filter((identity) => identity !== source) : result;
    }
    case 'keep-apart': {
      const [first, second] = decision.input.keys;
      const { by, at } = decision.input;
      const left = ensure(first, first, by, at);
      const right = ensure(second, second, by, at);
      if (left === right) throw new GongkaiError('conflict', `${first} and ${second} are already one agency`, { keys: [first, second] });
      left.keptApart = union(left.keptApart, [right.key, ...right.mergedKeys]);
      right.keptApart = union(right.keptApart, [left.key, ...left.mergedKeys]);
      return result;
    }
  }
}

function union(left: readonly string[], right: readonly string[]): string[] {
  return [...new Set([...left, ...right])];
}
