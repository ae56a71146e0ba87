import { describe, expect, it } from 'vitest';
import { MappedText } from '../../text/MappedText.ts';
import { proposeUnplacedRow } from './proposeUnplacedRow.ts';
import type { ValueToken } from './Token.ts';
import { tokeniseRegion } from './tokeniseRegion.ts';

const columns = ['naturalPerson', 'commercial', 'research', 'publicInterest', 'legalService', 'otherOrg', 'total'];
const unit = (): string => '件';

function propose(values: string, fieldIds = columns.map((column) => `applications.newReceived.${column}`)) {
  const text = `一、本年新收政府信息公开申请数量\n\n${values.split(' ').join('\n\n')}\n`;
  const tokens = tokeniseRegion(text, 0, text.length).filter((token): token is ValueToken => token.kind === 'value');
  const cells = proposeUnplacedRow(MappedText.identity(text), { fieldIds, tokens, labelScore: 1, layout: 'tokens/flattened' }, unit);
  return new Map([...cells].map(([fieldId, cell]) => [fieldId.slice(fieldId.lastIndexOf('.') + 1), cell]));
}

describe('proposeUnplacedRow', () => {
  it('offers the values in the columns that most often print one, as proposals of ambiguous cells', () => {
    // Two values of a row that prints its natural persons and its total (the other columns blank, no trace left).
    const cells = propose('2 2');
    expect([...cells.keys()]).toEqual(['naturalPerson', 'total']);
    expect(cells.get('naturalPerson')).toMatchObject({ value: null, ambiguous: true, proposal: 2, raw: '2' });
  });

  it('offers nothing where the best placements differ (zeros and one blank among five cells)', () => {
    // 18 1 0 0 0 0 for seven cells (its total drawn elsewhere by the PDF): 18 and 1 stand first whatever the blank.
    const cells = propose('18 1 0 0 0 0');
    expect(Object.fromEntries([...cells].map(([column, cell]) => [column, cell.proposal]))).toEqual({ naturalPerson: 18, commercial: 1 });
  });

  it('offers nothing for a row of no known columns, a full row, or an empty one', () => {
    expect(propose('3 0', ['disclosure.rules.issued', 'disclosure.rules.repealed', 'disclosure.rules.inForce']).size).toBe(0);
    expect(propose('1 0 0 0 0 0 1').size).toBe(0);
  });
});
