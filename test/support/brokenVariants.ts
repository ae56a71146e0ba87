import type { GoldFile } from '../../src/eval/goldFile.ts';
import { generateVariants } from '../../src/eval/garble/generateVariants.ts';
import { seededRandom, type SeededRandom } from './seededRandom.ts';

/** A generated variant's text after a change to its lines our garbler does not make, with its gold. */
export interface BrokenVariant {
  readonly name: string;
  readonly text: string;
  readonly gold: GoldFile;
}

/**
 * The variants of one layout (`single` mode: the layout and at most one transformation), as text, each with a change
 * to its lines drawn from a random stream seeded with `seed` (shared by all of them, in order).
 */
export function* brokenVariants(layout: string, seed: number, count: number, change: (lines: string[], random: SeededRandom) => string[]): Generator<BrokenVariant> {
  const random = seededRandom(seed);
  for (const variant of generateVariants({ seed, count, layouts: [layout], mode: 'single' })) {
    const text = new TextDecoder(variant.transformations.includes('gbk') ? 'gbk' : 'utf-8').decode(variant.bytes);
    yield { name: variant.name, text: change(text.split('\n'), random).join('\n'), gold: variant.gold };
  }
}

/**
 * A quarter of the lines that hold a digit and `boundary` cut at a random character before `before(line)` (a row broken
 * inside a cell, a number too: "行政许可\t18" / "2\t0").
 */
export function cutLines(boundary: RegExp, before: (line: string) => number): (lines: string[], random: SeededRandom) => string[] {
  return (lines, random) => lines.flatMap((line) => {
    const end = before(line);
    if (!/\d/u.test(line) || !boundary.test(line) || end < 2 || random.next() > 0.25) return [line];
    const at = random.integer(1, end - 1);
    return [line.slice(0, at), line.slice(at)];
  });
}

/** A quarter of the tab rows' labels cut after a random character, the values on the first line ("行\t396" / "政许可"). */
export function splitLabels(lines: string[], random: SeededRandom): string[] {
  return lines.flatMap((line) => {
    const tab = line.indexOf('\t');
    if (tab < 3 || !/\d/u.test(line) || random.next() > 0.25) return [line];
    const at = random.integer(1, tab - 1);
    return [`${line.slice(0, at)}${line.slice(tab)}`, line.slice(at, tab)];
  });
}
