import { describe, expect, it } from 'vitest';
import { findTemplate } from '../../templates/registry.ts';
import { placeByColumnLabels } from './placeByColumnLabels.ts';
import { sectionSkeleton } from './sectionSkeleton.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const template = findTemplate('gov-2021')!;
const skeleton = sectionSkeleton(template, template.tables.filter((table) => table.id === '三'));
const granted = skeleton.find((row) => row.fieldIds[0] === 'applications.granted.naturalPerson')!;

/** The cells placeByColumnLabels reads from a row's run printed as `text` (the row label left out). */
function placed(text: string): (string | null)[] | undefined {
  return placeByColumnLabels(tokeniseRegion(text, 0, text.length), granted)?.map((cell) => (cell.kind === 'value' ? cell.token.raw : null));
}

describe('placeByColumnLabels', () => {
  it('reads a row written as a sentence naming each cell by its column', () => {
    expect(placed('自然人290件,商业企业1件,科研机构0件,社会公益组织0件,法律服务机构3件,其他0件,总计294件。'))
      .toEqual(['290件', '1件', '0件', '0件', '3件', '0件', '294件']);
  });

  it('reads a card of label and value pairs, a blank mark glued to a label being that column\'s blank', () => {
    expect(placed('自然人26 商业企业无 科研机构无 社会公益组织无 法律服务机构无 其他无 总计26')).toEqual(['26', null, null, null, null, null, '26']);
  });

  it('reads nothing where a value has no label, a cell is not named, or the names run out of order', () => {
    expect(placed('自然人290件 1 0 0 3 0 294')).toBeUndefined();
    expect(placed('自然人290件,商业企业1件,总计291件')).toBeUndefined();
    expect(placed('总计294件,自然人290件,商业企业1件,科研机构0件,社会公益组织0件,法律服务机构3件,其他0件')).toBeUndefined();
  });
});
