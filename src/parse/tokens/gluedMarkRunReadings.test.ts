import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../pipeline/extractDocument.ts';
import { gov2019 } from '../../templates/gov2019.ts';
import { sectionOfTable } from '../../templates/newFormatTables.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { gluedMarkRunReadings } from './gluedMarkRunReadings.ts';
import { satisfiesRules } from './readingRules.ts';
import type { ValueToken } from './Token.ts';
import { glueApplicationRows } from '../../../test/support/glueApplicationRows.ts';
import { seededRandom } from '../../../test/support/seededRandom.ts';

const units = new Map(gov2019.fields.map((field) => [field.id, field.unit]));
const unitOf = (fieldId: string) => units.get(fieldId) ?? '';
const tables = gov2019.tables.filter((table) => table.kind === 'grid' && sectionOfTable(table) === '三');
const newReceived = sectionSkeleton(gov2019, tables).find((row) => row.fieldIds[0] === 'applications.newReceived.naturalPerson')!;

function readingsOf(text: string) {
  const tokens = tokeniseRegion(text, 0, text.length);
  const values = tokens.filter((token): token is ValueToken => token.kind === 'value');
  return gluedMarkRunReadings(tokens, values, newReceived, unitOf).map((reading) => ({
    raws: reading.map((cell) => (cell.kind === 'value' ? cell.token.raw : '')),
    holds: satisfiesRules(reading, newReceived, unitOf, 'zero'),
  }));
}

describe('gluedMarkRunReadings', () => {
  it('cuts the digits between glued blank marks into the cells the row has left', () => {
    const readings = readingsOf('43////7');
    expect(readings.map((reading) => reading.raws)).toEqual([['4', '3', '/', '/', '/', '/', '7']]);
    expect(readings[0]!.holds).toBe(true);
  });

  it('offers every cut, for the rules to choose among', () => {
    // 22 | 0 and 2 | 20 both add up to the total: the row alone cannot tell.
    const holding = readingsOf('220/036058').filter((reading) => reading.holds).map((reading) => reading.raws.join(' '));
    expect(holding).toEqual(['2 20 / 0 36 0 58', '22 0 / 0 36 0 58']);
  });

  it('leaves values set apart by spaces whole, and runs with no blank mark to the glued-digit readers', () => {
    expect(readingsOf('43 / / / / 7')).toEqual([]);
    expect(readingsOf('4 3 0 0 0 0 7')).toEqual([]);
  });

  it('never cuts a number into pieces opening with 0', () => {
    // 1005 cuts into 100 | 5 (10 | 05 and 1 | 005 are no counts), or 15 into 1 | 5.
    expect(readingsOf('1005////15').map((reading) => reading.raws.join(' '))).toEqual(['1005 / / / / 1 5', '100 5 / / / / 15']);
  });
});

describe('a flattened section 三 whose blank cells print "/" (seeded property)', () => {
  // The synthetic tab reports of both new formats, their section 三 glued into one line with random zero cells
  // printed "/": every value is read as the report printed it, and committed.
  const documents = ['s28_2019_tab', 's01_2021_tab', 's14_2021_tab', 's15_2021_tab', 's17_2021_tab'];
  const fixtures = new URL('../../../test/fixtures/synthetic/', import.meta.url);

  it('reads the glued rows and commits no wrong value', () => {
    let fields = 0;
    let right = 0;
    let review = 0;
    const wrongAuto: string[] = [];
    for (const name of documents) {
      const source = readFileSync(new URL(`${name}.txt`, fixtures), 'utf8');
      const gold = JSON.parse(readFileSync(new URL(`gold/${name}.json`, fixtures), 'utf8')).fields as Record<string, number | null>;
      for (let seed = 1; seed <= 6; seed++) {
        const { text } = glueApplicationRows(source, seededRandom(seed));
        const record = extractDocument({ name, bytes: new TextEncoder().encode(text) }).record;
        for (const field of record.fields) {
          if (!field.id.startsWith('applications.')) continue;
          const due = gold[field.id];
          // A cell printed "/" for a 0 reads blank, or 0 where a printed total proves it.
          const read = field.value === due || (due === 0 && field.value === null);
          fields++;
          if (field.status === 'review') review++;
          if (read) right++;
          else if (field.status === 'auto') wrongAuto.push(`${name} seed ${seed}: ${field.id} ${field.value} for ${due}`);
        }
      }
    }
    expect(wrongAuto).toEqual([]);
    expect(right).toBe(fields);
    // Committed but for the blanks a joint reading proves 0 (joint/clean/proven-zero): measured 1,841 times with
    // none wrong, its bucket is still short of the 2,700 the bar asks (the calibration of 2026-12-07): 12 of 5,166.
    expect(review).toBeLessThanOrEqual(fields / 100);
  });
});
