import { gov2014Fields } from '../templates/fields/gov2014Fields.ts';
import { gov2019Fields } from '../templates/fields/gov2019Fields.ts';
import { gov2021Fields } from '../templates/fields/gov2021Fields.ts';

/**
 * Known OCR and drafting noise in printed labels, repaired before labels are compared. Word-level pairs
 * (with context) so a repair cannot change a correct label: "负贲" is never right, "贲" alone might be.
 */
const LABEL_REPAIRS: readonly (readonly [string, string])[] = [
  ['负贲', '负责'],
  ['沐阳', '沭阳'],
  ['己主动', '已主动'],
  ['己获取', '已获取'],
  ['末经', '未经'],
  ['末按', '未按'],
  ['末审结', '未审结'],
  ['尚末', '尚未'],
  ['中请', '申请'],
  ['申清', '申请'],
  ['信患', '信息'],
  ['悄况', '情况'],
  ['政俯', '政府'],
  ['徽博', '微博'],
  ['徽信', '微信'],
  ['夏议', '复议'],
  ['答夏', '答复'],
  ['规范牲', '规范性'],
  ['仵数', '件数'],
  ['维护具体行政行为', '维持具体行政行为'],
  ['幵', '开'],
];

/** Repairs known OCR noise (负贲 → 负责, 沐阳 → 沭阳) in any printed name or label, nothing else changed. */
export function repairKnownOcrNoise(text: string): string {
  let repaired = text;
  for (const [noisy, correct] of LABEL_REPAIRS) repaired = repaired.split(noisy).join(correct);
  return repaired;
}

/**
 * Single characters OCR confuses; a one-for-one substitution between them costs little in labelSimilarity.
 * Each string lists characters that are read for one another.
 */
const CONFUSABLE_GROUPS: readonly string[] = [
  '已己巳', '未末', '责贲', '沭沐', '微徽', '复夏', '申中甲由', '请清', '息患', '情悄', '府俯', '开幵', '性牲', '件仵',
  '持护', '诉评拆', '讼松', '务各', '数敎敫', '人入', '于干', '大太', '力刀', '市巿', '土士', '理埋', '处外', '政玫',
  '议义', '结洁', '果杲', '密蜜', '日曰', '0O', '1l',
];

/** Each confusable character's group representative (its group's first character). */
const CONFUSABLE_REPRESENTATIVE = new Map(CONFUSABLE_GROUPS.flatMap((group) => [...group].map((character) => [character, group[0]!] as const)));

/** The text with every OCR-confusable character replaced by its group's representative (甲请敫 → 申请数). */
export function foldConfusables(text: string): string {
  let folded = '';
  for (const character of text) folded += CONFUSABLE_REPRESENTATIVE.get(character) ?? character;
  return folded;
}

/** Characters whose insertion flips a label's meaning (同意公开 vs 不同意公开). */
const NEGATION_CHARACTERS = new Set(['不', '未', '非', '无', '否']);

/** How much an inserted (one-sided) character costs, relative to its weight. */
const INSERTION_COST = 0.25;
/** Extra factor for inserting a negation. */
const NEGATION_FACTOR = 8;
/** How much a character no label uses, read in place of a label character, costs relative to that one's weight. */
const UNKNOWN_SUBSTITUTION_COST = 0.6;
/** How much a one-for-one substitution of OCR-confusable characters costs, relative to its weight. */
const CONFUSABLE_SUBSTITUTION_COST = 0.15;
/** How much a substituted run costs (different words: 按时 vs 延期, 微博 vs 微信), relative to its weight. */
const RUN_SUBSTITUTION_COST = 2;
/** Longest canonical label aligned in full; longer text (a paragraph passed by mistake) is cut. */
const MAX_ALIGNED_LENGTH = 160;
/** Cache bounds: labels repeat across documents of the same form. */
const MAX_CACHE_ENTRIES = 50_000;

const LEADING_BRACKETED_ORDINAL = /(^|[\/×\s])[(\[]\s*(?:[0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*[)\]]/gu;
/** An ordinal in brackets inside a word (第二十条第（五）项) is part of the label: only its brackets go. */
const INNER_BRACKETED_ORDINAL = /[(\[]\s*([0-9]{1,3}|[一二三四五六七八九十]{1,3})\s*[)\]]/gu;
/** A row number glued between two words ((六)其他处理3.其他). */
const INNER_ORDINAL = /(?<=\p{Script=Han})[0-9]{1,2}[.、](?=\p{Script=Han})/gu;
const LEADING_ORDINAL = /(^|[\/×\s])(?:[0-9]{1,3}\s*[.、)]|[一二三四五六七八九十]{1,3}\s*[、.]|[a-zA-Z]\s*[.)]|第[一二三四五六七八九十]{1,3}[、.])(?!\d)/gu;
const CIRCLED_NUMBER = /[\u2460-\u2473\u3251-\u325f\u24eb-\u24f4\u2776-\u2793]/gu;
const OF_WHICH = /(^|[\/×\s])其中\s*[:]?/gu;

const canonicalCache = new Map<string, string>();
const similarityCache = new Map<string, number>();

/**
 * The key two printed labels are compared by: ordinals ("(一)", "1.", "1、", "①", "一、"), "其中:", bracketed
 * notes ("(不同渠道和方式公开相同信息计1条)", also a note cut off by wrapping), quotes, punctuation and spaces
 * removed; full-width forms folded; known OCR label noise (负贲 → 负责, 沐阳 → 沭阳) repaired.
 */
export function canonicalLabel(label: string): string {
  const cached = canonicalCache.get(label);
  if (cached !== undefined) return cached;
  const key = computeCanonicalLabel(label);
  if (canonicalCache.size >= MAX_CACHE_ENTRIES) canonicalCache.clear();
  canonicalCache.set(label, key);
  return key;
}

function computeCanonicalLabel(label: string): string {
  let text = label.replace(CIRCLED_NUMBER, ' ').normalize('NFKC').replace(/[\u00a0\u3000]/gu, ' ');
  text = text.replace(/[【〔]/gu, '[').replace(/[】〕]/gu, ']');
  text = repairKnownOcrNoise(text);
  text = text.replace(LEADING_BRACKETED_ORDINAL, '$1 ');
  text = text.replace(OF_WHICH, '$1');
  text = text.replace(LEADING_ORDINAL, '$1');
  text = text.replace(INNER_BRACKETED_ORDINAL, '$1').replace(INNER_ORDINAL, '');
  const withoutNotes = dropNotes(text);
  const kept = keepWordCharacters(withoutNotes);
  return kept.length > 0 ? kept : keepWordCharacters(text);
}

/** Drops bracketed notes, and an opening bracket left unclosed by a line wrap together with what follows. */
function dropNotes(text: string): string {
  let result = '';
  let depth = 0;
  for (const character of text) {
    if (character === '(' || character === '[') depth++;
    else if (character === ')' || character === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) result += character;
  }
  return result;
}

function keepWordCharacters(text: string): string {
  return text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
}

/**
 * How alike two labels are, 0..1, by meaning rather than exact string: 1 for the same canonical label; high
 * for OCR noise, a word left out or added (社会组织 for 社会公益组织, 规范性文件 for 行政规范性文件), a note cut
 * off by wrapping; low for different rows of one form (政府网站公开政府信息数 vs 政务微博公开政府信息数,
 * 按时办结数 vs 延期办结数). Characters are weighted by how rarely they occur in the forms' labels, so the
 * words that tell rows apart count and the boilerplate (政府信息公开…数) does not.
 */
export function labelSimilarity(printed: string, expected: string): number {
  const a = canonicalLabel(printed);
  const b = canonicalLabel(expected);
  if (a === b) return a.length > 0 ? 1 : 0;
  if (a.length === 0 || b.length === 0) return 0;
  const cacheKey = `${a}\u0000${b}`;
  const cached = similarityCache.get(cacheKey);
  if (cached !== undefined) return cached;
  const score = alignedSimilarity(a.slice(0, MAX_ALIGNED_LENGTH), b.slice(0, MAX_ALIGNED_LENGTH));
  if (similarityCache.size >= MAX_CACHE_ENTRIES) similarityCache.clear();
  similarityCache.set(cacheKey, score);
  return score;
}

/**
 * Aligns the two keys by the heaviest common subsequence, then prices each gap between aligned characters:
 * a one-sided gap is an insertion (cheap), a two-sided gap a substitution (dear, unless it is one
 * OCR-confusable character for another). Similarity = matched weight / (matched weight + cost).
 */
function alignedSimilarity(a: string, b: string): number {
  const weightsA = Array.from(a, characterWeight);
  const weightsB = Array.from(b, characterWeight);
  const columns = b.length + 1;
  const table = new Float64Array((a.length + 1) * columns);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      const skip = Math.max(table[(i + 1) * columns + j]!, table[i * columns + j + 1]!);
      const take = a[i] === b[j] ? weightsA[i]! + table[(i + 1) * columns + j + 1]! : -1;
      table[i * columns + j] = Math.max(skip, take);
    }
  }
  const tally = { matched: 0, substitution: 0, insertedA: 0, insertedB: 0 };
  let gapA: number[] = [];
  let gapB: number[] = [];
  const closeGap = (): void => {
    priceGap(a, b, gapA, gapB, weightsA, weightsB, tally);
    gapA = [];
    gapB = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const here = table[i * columns + j]!;
    if (a[i] === b[j] && here === weightsA[i]! + table[(i + 1) * columns + j + 1]!) {
      closeGap();
      tally.matched += weightsA[i]!;
      i++;
      j++;
    } else if (here === table[(i + 1) * columns + j]!) {
      gapA.push(i++);
    } else {
      gapB.push(j++);
    }
  }
  while (i < a.length) gapA.push(i++);
  while (j < b.length) gapB.push(j++);
  closeGap();
  if (tally.matched === 0) return 0;
  // Words only one label has are an abbreviation or a note; words each label has and the other lacks make
  // them different rows (参加或举办新闻发布会总次数 vs 主要负责同志参加新闻发布会次数), priced as a substitution.
  const sharedDifference = Math.min(tally.insertedA, tally.insertedB);
  const insertion = INSERTION_COST * Math.max(tally.insertedA, tally.insertedB) + RUN_SUBSTITUTION_COST * sharedDifference;
  return tally.matched / (tally.matched + tally.substitution + insertion);
}

interface AlignmentTally {
  matched: number;
  substitution: number;
  insertedA: number;
  insertedB: number;
}

/** Adds the cost of one gap between aligned characters to the tally. */
function priceGap(a: string, b: string, gapA: number[], gapB: number[], weightsA: number[], weightsB: number[], tally: AlignmentTally): void {
  if (gapA.length === 0 && gapB.length === 0) return;
  if (gapA.length === 0 || gapB.length === 0) {
    const [text, weights, gap] = gapA.length > 0 ? [a, weightsA, gapA] : [b, weightsB, gapB];
    let sum = 0;
    for (const index of gap) sum += weights[index]! * (NEGATION_CHARACTERS.has(text[index]!) ? NEGATION_FACTOR : 1);
    if (gapA.length > 0) tally.insertedA += sum;
    else tally.insertedB += sum;
    return;
  }
  const sumA = gapA.reduce((total, index) => total + weightsA[index]!, 0);
  const sumB = gapB.reduce((total, index) => total + weightsB[index]!, 0);
  if (gapA.length === 1 && gapB.length === 1) {
    const characterA = a[gapA[0]!]!;
    const characterB = b[gapB[0]!]!;
    if (areConfusable(characterA, characterB)) {
      tally.substitution += CONFUSABLE_SUBSTITUTION_COST * Math.max(sumA, sumB);
      return;
    }
    // A character no form label uses, in place of one they do, is OCR noise; two label characters are two words.
    const knownA = isLabelCharacter(characterA);
    const knownB = isLabelCharacter(characterB);
    if (knownA !== knownB) {
      tally.substitution += UNKNOWN_SUBSTITUTION_COST * (knownA ? sumA : sumB);
      return;
    }
  }
  tally.substitution += RUN_SUBSTITUTION_COST * Math.max(sumA, sumB);
}

function areConfusable(first: string, second: string): boolean {
  return CONFUSABLE_GROUPS.some((group) => group.includes(first) && group.includes(second));
}

let weightTable: Map<string, number> | undefined;

function isLabelCharacter(character: string): boolean {
  if (!weightTable) buildWeightTable();
  return weightTable!.has(character);
}
let unseenWeight = 1;

/**
 * The weight of a character: its inverse document frequency over the distinct label segments of the forms
 * (政, 府, 数 are everywhere and weigh little; 网, 站, 微, 博 tell rows apart and weigh much).
 */
function characterWeight(character: string): number {
  if (!weightTable) buildWeightTable();
  return weightTable!.get(character) ?? unseenWeight;
}

function buildWeightTable(): void {
  const segments = new Set<string>();
  for (const field of [...gov2014Fields, ...gov2019Fields, ...gov2021Fields]) {
    for (const segment of field.label.split(/[\/×]/u)) {
      const key = canonicalLabel(segment);
      if (key.length > 0) segments.add(key);
    }
  }
  const documentFrequency = new Map<string, number>();
  for (const segment of segments) {
    for (const character of new Set(segment)) documentFrequency.set(character, (documentFrequency.get(character) ?? 0) + 1);
  }
  const total = segments.size;
  weightTable = new Map();
  // Squared so the boilerplate weighs next to nothing against the words that tell rows apart.
  for (const [character, frequency] of documentFrequency) weightTable.set(character, Math.log((total + 1) / (frequency + 0.5)) ** 2);
  unseenWeight = Math.log((total + 1) / 0.5) ** 2;
}
