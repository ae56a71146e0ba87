import type { AgencyEvidence } from './AgencyEvidence.ts';
import type { AgencyIdentity } from './AgencyIdentity.ts';
import { agencyNames as projectNames } from './agencyNames.ts';
import type { AgencyNames } from './agencyNamesSchema.ts';
import { resolveAgencyKey } from './resolveAgencyKey.ts';

/** A document naming an agency for a year (what the store's index holds). */
export interface AgencySighting {
  readonly documentId: string;
  readonly name: string | null;
  readonly year: number | null;
}

/** The documents filed under one key. */
export interface AgencyGroup {
  readonly key: string;
  /** True when a reviewer's identity covers the key. */
  readonly confirmed: boolean;
  readonly names: readonly string[];
  readonly years: readonly number[];
  readonly documentIds: readonly string[];
  /** Why the names were filed under the key (each distinct step once). */
  readonly evidence: readonly AgencyEvidence[];
  /** The least trusted step over the group's names. */
  readonly confidence: number;
}

/** Two keys that may be one agency: for a reviewer to merge (`from` into `into`) or keep apart. Never applied alone. */
export interface MergeProposal {
  readonly from: string;
  readonly into: string;
  readonly evidence: readonly AgencyEvidence[];
  readonly confidence: number;
  /** Years each key reports; a shared year makes one agency less likely (an agency reports once a year). */
  readonly fromYears: readonly number[];
  readonly intoYears: readonly number[];
  /** Other keys `from` could equally be merged into (a bare "市科学技术委员会" fits every city's). */
  readonly alternatives: readonly string[];
}

/** How the sightings group, and what a reviewer should look at. */
export interface AgencyGrouping {
  readonly groups: readonly AgencyGroup[];
  readonly proposals: readonly MergeProposal[];
  /** Documents whose name names no agency (missing, or a bare 人民政府). */
  readonly unnamed: readonly string[];
}

/**
 * Groups sightings by resolved key (confirmed identities first, else proposeAgencyKey), then proposes merges a
 * reviewer must confirm: a key that is another with its region prefix left out ("省教育厅" / "河北省教育厅",
 * "洪泽区人民政府" / "淮安市洪泽区人民政府"), and a zone and its administrative committee ("平潭综合实验区" /
 * "平潭综合实验区管理委员会"). Different issuers are not related: "上海市人民政府办公厅" is not "上海市人民政府" with
 * a prefix missing. Pairs a reviewer kept apart, or already merged, are not proposed again.
 */
export function groupAgencies(sightings: readonly AgencySighting[], identities: readonly AgencyIdentity[] = [], names: AgencyNames = projectNames): AgencyGrouping {
  interface Building { confirmed: boolean; names: Set<string>; years: Set<number>; documentIds: string[]; evidence: Map<string, AgencyEvidence>; confidence: number }
  const groups = new Map<string, Building>();
  const unnamed: string[] = [];
  for (const sighting of sightings) {
    const resolved = resolveAgencyKey(sighting.name, identities, names);
    if (resolved.key === null) {
      unnamed.push(sighting.documentId);
      continue;
    }
    const group: Building = groups.get(resolved.key) ?? {
      confirmed: resolved.confirmed, names: new Set<string>(), years: new Set<number>(), documentIds: [], evidence: new Map<string, AgencyEvidence>(), confidence: 1,
    };
    group.names.add(sighting.name ?? '');
    if (sighting.year !== null) group.years.add(sighting.year);
    group.documentIds.push(sighting.documentId);
    for (const step of resolved.proposal.evidence) group.evidence.set(`${step.rule}|${step.from}|${step.to}`, step);
    group.confidence = Math.min(group.confidence, resolved.confirmed ? 1 : resolved.proposal.confidence);
    groups.set(resolved.key, group);
  }
  const list: AgencyGroup[] = [...groups.entries()]
    .map(([key, group]) => ({
      key, confirmed: group.confirmed, names: [...group.names].sort(), years: [...group.years].sort((left, right) => left - right),
      documentIds: group.documentIds, evidence: [...group.evidence.values()], confidence: group.confidence,
    }))
    .sort((left, right) => (left.key < right.key ? -1 : left.key > right.key ? 1 : 0));
  return { groups: list, proposals: proposeMerges(list, identities, names), unnamed };
}

function proposeMerges(groups: readonly AgencyGroup[], identities: readonly AgencyIdentity[], names: AgencyNames): MergeProposal[] {
  const found: { from: AgencyGroup; into: AgencyGroup; step: AgencyEvidence }[] = [];
  for (const shorter of groups) {
    for (const longer of groups) {
      if (shorter === longer) continue;
      const step = regionPrefix(shorter.key, longer.key, names) ?? administrationOf(shorter.key, longer.key, names);
      if (!step || alreadyDecided(identities, shorter.key, longer.key)) continue;
      // A report filed under a place's name is its government's (or its zone committee's): the full issuer is kept.
      found.push({ from: shorter, into: longer, step });
    }
  }
  return found.map(({ from, into, step }) => {
    const alternatives = found.filter((other) => other.from === from && other.into !== into).map((other) => other.into.key);
    const sharedYear = from.years.some((year) => into.years.includes(year));
    let confidence = step.confidence;
    if (sharedYear) confidence *= 0.75;
    if (alternatives.length > 0) confidence /= alternatives.length + 1;
    const detail = [step.detail, sharedYear ? 'both report a same year' : 'no year reported twice', alternatives.length > 0 ? `${alternatives.length + 1} keys fit` : '']
      .filter((part) => part.length > 0).join('; ');
    return {
      from: from.key, into: into.key, evidence: [{ ...step, detail }], confidence: Math.round(confidence * 100) / 100,
      fromYears: from.years, intoYears: into.years, alternatives,
    };
  });
}

/**
 * `longer` is `shorter` with a region in front: either whole ("淮安市" + "洪泽区人民政府") or replacing a bare level
 * word ("河北" + "省教育厅", "上海" + "市科学技术委员会"). The part left must name an agency, not a bare generic word.
 */
function regionPrefix(shorter: string, longer: string, names: AgencyNames): AgencyEvidence | undefined {
  if (!longer.endsWith(shorter) || longer.length === shorter.length) return undefined;
  const prefix = longer.slice(0, longer.length - shorter.length);
  const level = names.administrativeLevels.find((candidate) => shorter.startsWith(candidate));
  const rest = level ? shorter.slice(level.length) : shorter;
  if (rest.length < 2 || names.genericNames.includes(rest) || names.genericNames.includes(shorter)) return undefined;
  let region: string | undefined;
  if (level && isPlaceName(prefix)) region = prefix + level;
  else if (!level && names.administrativeLevels.some((candidate) => prefix.endsWith(candidate)) && isPlaceName(prefix)) region = prefix;
  if (!region) return undefined;
  const known = names.regions.includes(region) || names.regions.some((province) => region!.startsWith(province));
  return {
    rule: 'region-prefix', from: shorter, to: longer, confidence: known ? 0.7 : 0.6,
    detail: `${shorter} is ${longer} without ${region}${known ? ' (a provincial-level name)' : ''}`,
  };
}

/**
 * `longer` is the body that issues the reports of the place `shorter`: a zone's administrative committee
 * ("平潭综合实验区" + "管理委员会") or a county's, district's or township's people's government ("洪泽区" + "人民政府").
 */
function administrationOf(shorter: string, longer: string, names: AgencyNames): AgencyEvidence | undefined {
  const body = longer.slice(shorter.length);
  if (!longer.startsWith(shorter) || (body !== '管理委员会' && body !== '人民政府')) return undefined;
  if (!names.administrativeLevels.some((level) => shorter.endsWith(level)) || !isPlaceName(shorter)) return undefined;
  return { rule: 'place-administration', from: shorter, to: longer, confidence: 0.7, detail: `${longer} issues the reports of ${shorter}` };
}

function isPlaceName(text: string): boolean {
  return /^\p{Script=Han}{2,12}$/u.test(text);
}

/** True when a reviewer already decided the pair: kept apart, or one agency already. */
function alreadyDecided(identities: readonly AgencyIdentity[], left: string, right: string): boolean {
  const holds = (identity: AgencyIdentity, key: string) => identity.key === key || identity.mergedKeys.includes(key);
  return identities.some((identity) =>
    (holds(identity, left) && identity.keptApart.includes(right)) ||
    (holds(identity, right) && identity.keptApart.includes(left)) ||
    (holds(identity, left) && holds(identity, right)));
}
