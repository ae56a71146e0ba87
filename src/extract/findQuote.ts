/** Where a quote was found in a text: its first occurrence and how many times it occurs. */
export interface QuoteLocation {
  readonly start: number;
  readonly end: number;
  readonly occurrences: number;
}

/**
 * A text prepared for finding quotes in it the way a model copies them: compatibility forms folded (NFKC:
 * full-width digits and punctuation), whitespace ignored (a model may join the lines of a column-order table
 * with spaces, or drop a tab). Positions map back to the text.
 */
export class QuoteIndex {
  readonly text: string;
  private readonly folded: string;
  private readonly positions: number[];

  constructor(text: string) {
    this.text = text;
    const folded: string[] = [];
    const positions: number[] = [];
    for (let index = 0; index < text.length; index++) {
      for (const character of foldCharacter(text[index]!)) {
        folded.push(character);
        positions.push(index);
      }
    }
    this.folded = folded.join('');
    this.positions = positions;
  }

  /** The first occurrence of `quote` (folded the same way), or undefined. An empty quote is never found. */
  find(quote: string): QuoteLocation | undefined {
    const key = fold(quote);
    if (key.length === 0) return undefined;
    const first = this.folded.indexOf(key);
    if (first < 0) return undefined;
    let occurrences = 1;
    for (let next = this.folded.indexOf(key, first + 1); next >= 0; next = this.folded.indexOf(key, next + 1)) occurrences++;
    return { start: this.positions[first]!, end: this.positions[first + key.length - 1]! + 1, occurrences };
  }

  /** True when `phrase` (folded) occurs inside text[start, end). */
  containsWithin(phrase: string, start: number, end: number): boolean {
    const key = fold(phrase);
    if (key.length === 0) return false;
    return fold(this.text.slice(start, end)).includes(key);
  }
}

/** A quote's comparison key. */
export function fold(text: string): string {
  let key = '';
  for (const character of text) key += foldCharacter(character);
  return key;
}

function foldCharacter(character: string): string {
  if (/\s/u.test(character)) return '';
  return character.normalize('NFKC').replace(/\s/gu, '').replace(/[‐‑‒–−－]/gu, '-');
}
