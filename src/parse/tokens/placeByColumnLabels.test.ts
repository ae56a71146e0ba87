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

  it('reads nothing where a value has no label, or the names run out of order', () => {
    expect(placed('自然人290件 1 0 0 3 0 294')).toBeUndefined();
    expect(placed('总计294件,自然人290件,商业企业1件,科研机构0件,社会公益组织0件,法律服务机构3件,其他0件')).toBeUndefined();
  });
});

describe('placeByColumnLabels in rows written as sentences', () => {
  it('reads blank marks glued to names inside one run of words, and a name a line wrap cut', () => {
    expect(placed('自然人145件；商业企业/；科研机构0件；社会公益组织0件；法律服务机构0件；其他29件；总计174件。'))
      .toEqual(['145件', null, '0件', '0件', '0件', '29件', '174件']);
    expect(placed('自然人1件商业企业0件科研机构0件社会公益组织0件法律服务机构0件其他7件总\n计8件。'))
      .toEqual(['1件', '0件', '0件', '0件', '0件', '7件', '8件']);
  });

  it('reads a row label run on into the names of its first cells', () => {
    const text = '（一）予以公开自然人/；商业企业/；科研机构2件；社会公益组织0件；法律服务机构0件；其他0件；总计2件。';
    const tokens = tokeniseRegion(text, 0, text.length);
    expect(placeByColumnLabels(tokens, granted)?.map((cell) => (cell.kind === 'value' ? cell.token.raw : null)))
      .toEqual([null, null, '2件', '0件', '0件', '0件', '2件']);
  });
});

describe('placeByColumnLabels: a sentence leaving cells out', () => {
  it('reads the named cells and leaves the others as blanks in doubt, with two values named at least', () => {
    const cells = placeByColumnLabels(tokeniseRegion('自然人18件，总计18件。', 0, 12), granted);
    expect(cells?.map((cell) => (cell.kind === 'value' ? cell.token.raw : cell.unnamed === true ? 'unnamed' : null)))
      .toEqual(['18件', 'unnamed', 'unnamed', 'unnamed', 'unnamed', 'unnamed', '18件']);
    // One value named by the row's own label alone ("3.其他 5") is no sentence naming its cells.
    expect(placed('总计5件。')).toBeUndefined();
  });
});

describe('placeByColumnLabels: section 四 anchored at a later group\'s name', () => {
  it('starts at the group the row label names, not in the first group\'s columns', () => {
    const appeals = sectionSkeleton(template, template.tables.filter((table) => table.id === '四'))[0]!;
    const text = '行政诉讼(未经复议直接起诉):结果维持1;结果纠正2;其他结果3;尚未审结4;总计10。行政诉讼(复议后起诉):结果维持0;结果纠正0;其他结果0;尚未审结0;总计0。';
    const cells = placeByColumnLabels(tokeniseRegion(text, 0, text.length), appeals);
    const raws = cells?.map((cell) => (cell.kind === 'value' ? cell.token.raw : cell.unnamed === true ? 'unnamed' : null));
    // 行政复议's five columns named nowhere: blanks in doubt, never the values named after 未经复议直接起诉.
    expect(raws).toEqual(['unnamed', 'unnamed', 'unnamed', 'unnamed', 'unnamed', '1', '2', '3', '4', '10', '0', '0', '0', '0', '0']);
  });
});

describe('placeByColumnLabels: a dash glued before a number in 本年增/减', () => {
  const template2019 = findTemplate('gov-2019')!;
  const enforcement = sectionSkeleton(template2019, template2019.tables.filter((table) => table.id.startsWith('二')))
    .find((row) => row.fieldIds[1] === 'disclosure.enforcement.change')!;
  const cells = (text: string) => placeByColumnLabels(tokeniseRegion(text, 0, text.length), enforcement)
    ?.map((cell) => (cell.kind === 'value' ? `${cell.token.raw}@${cell.token.start}` : null));

  it('reads a minus sign where the name of a later column follows the number (no ordinal), even cut by a wrap', () => {
    // The tokens read "-6、处" as a blank mark and the ordinal 6 of a next row (seed 4598, variant 870).
    const text = '上一年项目数量25583项、本年增/减-6、处\n理决定数量62件。';
    expect(cells(text)).toEqual(['25583项@7', `-6@${text.indexOf('-6')}`, `62件@${text.indexOf('62')}`]);
  });

  it('reads no row where the number may be the next row\'s ordinal', () => {
    expect(cells('上一年项目数量25项、本年增/减-6、其他对外管理服务事项')).toBeUndefined();
  });
});

describe('placeByColumnLabels: a group\'s name cut by a line wrap', () => {
  it('names the group with the text before it, not the first group\'s columns (seed 4604, variant 909)', () => {
    const appeals = sectionSkeleton(template, template.tables.filter((table) => table.id === '四'))[0]!;
    const text = '行政诉讼(未经复议直接起\n诉)结果维持0 结果纠正0 其他结果0 尚未审结0 总计0。';
    const cells = placeByColumnLabels(tokeniseRegion(text, 0, text.length), appeals);
    const raws = cells?.map((cell) => (cell.kind === 'value' ? cell.token.raw : cell.unnamed === true ? 'unnamed' : null));
    expect(raws?.slice(0, 10)).toEqual(['unnamed', 'unnamed', 'unnamed', 'unnamed', 'unnamed', '0', '0', '0', '0', '0']);
  });
});
