import type { AgencyEvidence } from './AgencyEvidence.ts';
import { agencyNames as projectNames } from './agencyNames.ts';
import type { AgencyNames } from './agencyNamesSchema.ts';
import { normaliseAgencyName } from './normaliseAgencyName.ts';

/** The key proposed for one printed agency name, and why. */
export interface AgencyKeyProposal {
  readonly name: string;
  readonly normalised: string;
  /** The proposed key: the name in full (abbreviations expanded); null for a name that names no agency. */
  readonly key: string | null;
  readonly evidence: readonly AgencyEvidence[];
  /** The least trusted step's confidence (1 when only normalisation was needed). */
  readonly confidence: number;
}

/**
 * Proposes the key of a printed agency name: normalised (NFKC, no spaces), then a known alias as a whole, else a
 * bracketed abbreviation of the name itself dropped ("上海市科学技术委员会（市科委）"), abbreviations expanded
 * (科委 → 科学技术委员会, 政府 → 人民政府 unless already 人民政府) and a joint party/administrative committee read as
 * the administrative one. Issuers stay distinct: 上海市人民政府办公厅 and 上海市人民政府 get different keys. Relating a
 * name to another (a missing province prefix, a zone and its 管委会) is groupAgencies' job: a proposal, never a key.
 */
export function proposeAgencyKey(name: string, names: AgencyNames = projectNames): AgencyKeyProposal {
  const normalised = normaliseAgencyName(name);
  const evidence: AgencyEvidence[] = [];
  if (normalised !== name) evidence.push({ rule: 'normalise', from: name, to: normalised, confidence: 1, detail: '' });
  const done = (key: string | null): AgencyKeyProposal => ({
    name, normalised, key, evidence,
    confidence: key === null ? 0 : Math.min(1, ...evidence.map((step) => step.confidence)),
  });
  if (normalised.length === 0 || names.genericNames.includes(normalised)) return done(null);

  const alias = names.aliases.find((entry) => normaliseAgencyName(entry.name) === normalised);
  if (alias) {
    const key = normaliseAgencyName(alias.key);
    evidence.push({ rule: 'alias', from: normalised, to: key, confidence: 1, detail: 'agencyNames.json aliases' });
    return done(key);
  }

  let key = expandAbbreviations(normalised, names, evidence);
  const bracket = /^(.+)\(([^()]+)\)$/u.exec(key);
  if (bracket) {
    const stem = bracket[1]!;
    const inner = expandAbbreviations(bracket[2]!, names, []);
    if (isShortFormOf(inner, stem, names)) {
      evidence.push({ rule: 'bracketed-abbreviation', from: key, to: stem, confidence: 0.95, detail: `(${bracket[2]}) abbreviates the name before it` });
      key = stem;
    }
  }
  for (const committee of names.jointCommittees) {
    const replaced = key.replace(new RegExp(committee.pattern, 'u'), committee.replacement);
    if (replaced !== key) {
      evidence.push({ rule: 'joint-committee', from: key, to: replaced, confidence: committee.confidence, detail: 'a joint party and administrative committee issues as the administrative one' });
      key = replaced;
    }
  }
  if (names.genericNames.includes(key)) return done(null);
  return done(key);
}

/** Expands every abbreviation not already inside its full form, longest short form first, noting each. */
export function expandAbbreviations(text: string, names: AgencyNames, evidence: AgencyEvidence[]): string {
  let result = text;
  const ordered = [...names.abbreviations].sort((left, right) => right.short.length - left.short.length);
  for (const abbreviation of ordered) {
    const expanded = replaceOutsideFullForm(result, abbreviation.short, abbreviation.full);
    if (expanded !== result) {
      evidence.push({ rule: 'abbreviation', from: abbreviation.short, to: abbreviation.full, confidence: abbreviation.confidence, detail: `${result} → ${expanded}` });
      result = expanded;
    }
  }
  return result;
}

function replaceOutsideFullForm(text: string, short: string, full: string): string {
  const covered = new Set<number>();
  for (let index = text.indexOf(full); index >= 0; index = text.indexOf(full, index + 1)) {
    for (let offset = 0; offset < full.length; offset++) covered.add(index + offset);
  }
  let result = '';
  let position = 0;
  for (let index = text.indexOf(short); index >= 0; index = text.indexOf(short, index + short.length)) {
    if (covered.has(index)) continue;
    result += text.slice(position, index) + full;
    position = index + short.length;
  }
  return result + text.slice(position);
}

/**
 * True when `inner` is the stem written shorter: the stem itself, or its tail after a region ("市科学技术委员会"
 * for "上海市科学技术委员会": the bracket repeats the name without its province).
 */
function isShortFormOf(inner: string, stem: string, names: AgencyNames): boolean {
  if (inner === stem) return true;
  if (!stem.endsWith(inner) || inner.length < 3) return false;
  const prefix = stem.slice(0, stem.length - inner.length);
  return names.administrativeLevels.some((level) => inner.startsWith(level) && (prefix + level).length >= 2) ||
    names.administrativeLevels.some((level) => prefix.endsWith(level));
}
