import { describe, expect, it } from 'vitest';
import type { CellReading } from '../parse/ParseResult.ts';
import { readFieldSignals, type FieldSignals } from './FieldSignals.ts';
import { bucketKey } from './bucketKey.ts';

const clean: FieldSignals = {
  method: 'table', layoutClass: 'rows', placement: 'cell', readings: 1, anchored: true, rules: 'confirmed', softRulesFailed: 0,
  exactLabel: true, repairs: 0, value: 'printed', narrative: 'none', sectionUnresolved: false, blockers: [],
};

describe('bucketKey', () => {
  it('measures a cell placed by position in an unresolved section apart, per layout class', () => {
    const split = { ...clean, placement: 'split' as const, layoutClass: 'flattened' as const, sectionUnresolved: true };
    expect(bucketKey(split)).toBe('split/clean/confirmed/printed/unresolved-flattened');
    expect(bucketKey({ ...split, layoutClass: 'columnOrder', placement: 'position' })).toBe('position/clean/confirmed/printed/unresolved-columnOrder');
    expect(bucketKey({ ...split, sectionUnresolved: false })).toBe('split/clean/confirmed/printed');
  });

  it('measures a field cleared of a failing rule by one other cell, and a row\'s share of a run, apart', () => {
    expect(bucketKey({ ...clean, failedElsewhere: true })).toBe('cell/clean/confirmed/printed/failed-elsewhere');
    expect(bucketKey({ ...clean, rules: 'none', shareOfRun: true })).toBe('cell/clean/none/printed/shared');
  });

  it('blocks a field of a failing rule unless one other cell explains the failure', () => {
    const cell = { fieldId: 'a', raw: '5', value: 5, start: 0, end: 1, method: 'table' as const, layout: 'tab-row', labelScore: 1, repairs: [], ambiguous: false, notes: [] };
    const failing = { confirmedBy: [], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [{ id: 'r' } as never], failedSoft: [], proposedZeroBy: null, provenZeroBy: null, absentZeroBy: null, findings: [] };
    expect(readFieldSignals({ cell, rules: failing, narrative: [] }).blockers).toContain('rule-failed');
    const cleared = readFieldSignals({ cell, rules: failing, narrative: [], failedElsewhere: true });
    expect(cleared.blockers).not.toContain('rule-failed');
    expect(cleared.failedElsewhere).toBe(true);
    const onBlanks = readFieldSignals({ cell, rules: failing, narrative: [], failedOnBlanks: true });
    expect(onBlanks.blockers).not.toContain('rule-failed');
    expect(bucketKey(onBlanks)).toMatch(/\/failed-on-blanks$/u);
  });

  it('measures a cell counted off beside a page number its row counted in apart; not one read from a cell of its own', () => {
    const counted = { fieldId: 'a', raw: '0', value: 0, start: 0, end: 1, method: 'table' as const, layout: 'flattened', labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' as const } };
    expect(bucketKey(readFieldSignals({ cell: counted, rules: undefined, narrative: [], besidePageNumber: true }))).toMatch(/\/beside-page-number$/u);
    // The page number itself is blocked: its bucket says so already.
    expect(bucketKey(readFieldSignals({ cell: counted, rules: undefined, narrative: [], besidePageNumber: true, pageNumberItself: true }))).toBe('blocked/page-number');
    // With digits run together in the row as well ("03"), its count rests on two guesses: blocked.
    expect(bucketKey(readFieldSignals({ cell: counted, rules: undefined, narrative: [], besidePageNumber: true, countOnTwoGuesses: true }))).toBe('blocked/page-number');
    const celled = { ...counted, layout: 'tab-row', support: { readings: 1, anchored: true, placement: 'cell' as const } };
    expect(bucketKey(readFieldSignals({ cell: celled, rules: undefined, narrative: [], besidePageNumber: true }))).not.toMatch(/beside-page-number/u);
  });

  it('blocks a blank proven 0 on a cell of its row held for review, and a blank of a reading that found no number', () => {
    const blank = { fieldId: 'a', raw: '', value: null, start: 0, end: 0, method: 'table' as const, layout: 'cell-per-line', labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' as const } };
    const proven = { confirmedBy: [], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [], proposedZeroBy: null, provenZeroBy: { id: 'r' } as never, absentZeroBy: null, findings: [] };
    expect(bucketKey(readFieldSignals({ cell: blank, rules: proven, narrative: [] }))).toBe('count/clean/proven-zero');
    expect(bucketKey(readFieldSignals({ cell: blank, rules: proven, narrative: [], proofInDoubt: true }))).toBe('blocked/proof-in-doubt');
    expect(bucketKey(readFieldSignals({ cell: blank, rules: undefined, narrative: [] }))).toBe('count/clean/none/blank/cellPerLine');
    expect(bucketKey(readFieldSignals({ cell: blank, rules: undefined, narrative: [], nothingRead: true }))).toBe('blocked/nothing-read');
    // A value read is no blank: the flag says nothing of it (a document where it is set has none, but the rule is the blank's).
    expect(readFieldSignals({ cell: { ...blank, raw: '3', value: 3 }, rules: undefined, narrative: [], nothingRead: true }).blockers).not.toContain('nothing-read');
  });

  it('blocks a counted cell beside a line of a chance numbering unless a rule confirms it', () => {
    const counted = { fieldId: 'a', raw: '13', value: 13, start: 0, end: 2, method: 'table' as const, layout: 'cell-per-line', labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' as const } };
    expect(bucketKey(readFieldSignals({ cell: counted, rules: undefined, narrative: [], besideChancePageLine: true }))).toBe('blocked/page-number');
    const confirming = { confirmedBy: [{ id: 'r' } as never], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [], proposedZeroBy: null, provenZeroBy: null, absentZeroBy: null, findings: [] };
    expect(readFieldSignals({ cell: counted, rules: confirming, narrative: [], besideChancePageLine: true }).blockers).not.toContain('page-number');
    const celled = { ...counted, layout: 'tab-row', support: { readings: 1, anchored: true, placement: 'cell' as const } };
    expect(readFieldSignals({ cell: celled, rules: undefined, narrative: [], besideChancePageLine: true }).blockers).not.toContain('page-number');
    // Nor does 0 = 0 + 0, or a blank proven 0 from such zeros: a counted page number shifts zeros into blank cells (seed 263 bare-pages).
    const trivially = { ...confirming, confirmedNonTrivially: false };
    expect(readFieldSignals({ cell: { ...counted, raw: '0', value: 0 }, rules: trivially, narrative: [], besideChancePageLine: true }).blockers).toContain('page-number');
    const proven = { ...confirming, confirmedBy: [], confirmedNonTrivially: false, provenZeroBy: { id: 'r' } as never };
    expect(readFieldSignals({ cell: { ...counted, raw: '', value: null }, rules: proven, narrative: [], besideChancePageLine: true }).blockers).toContain('page-number');
  });

  it('blocks a value whose printed cell another row read as well', () => {
    const cell = { fieldId: 'a', raw: '3', value: 3, start: 10, end: 11, method: 'table' as const, layout: 'tab-row', labelScore: 1, repairs: [], ambiguous: false, notes: [] };
    const confirming = { confirmedBy: [{ id: 'r' } as never], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [], proposedZeroBy: null, provenZeroBy: null, absentZeroBy: null, findings: [] };
    expect(readFieldSignals({ cell, rules: confirming, narrative: [], sharedWithAnotherRow: true }).blockers).toContain('ambiguous');
    expect(readFieldSignals({ cell, rules: confirming, narrative: [] }).blockers).toEqual([]);
  });

  it('reads placement, cleanliness, rule support and value', () => {
    expect(bucketKey(clean)).toBe('cell/clean/confirmed/printed');
    expect(bucketKey({ ...clean, repairs: 1 })).toBe('cell/doubt/confirmed/printed');
    expect(bucketKey({ ...clean, readings: 2 })).toBe('cell/doubt/confirmed/printed');
    expect(bucketKey({ ...clean, anchored: false })).toBe('cell/doubt/confirmed/printed');
    expect(bucketKey({ ...clean, rules: 'confirmed-trivially', value: 'blank' })).toBe('cell/clean/confirmed-trivially/blank');
    expect(bucketKey({ ...clean, method: 'llm' })).toBe('llm/clean/confirmed/printed');
  });

  it('folds what carries no separate evidence: a proof confirms its proven 0, a split is confirmed by construction', () => {
    expect(bucketKey({ ...clean, value: 'proven-zero', rules: 'confirmed-trivially' })).toBe('cell/clean/proven-zero');
    expect(bucketKey({ ...clean, placement: 'split', rules: 'confirmed-trivially' })).toBe('split/clean/confirmed/printed');
    expect(bucketKey({ ...clean, placement: 'count', rules: 'confirmed-trivially' })).toBe('count/clean/confirmed-trivially/printed');
  });

  it('measures a cell with several readings no rule chooses between apart', () => {
    expect(bucketKey({ ...clean, readings: 2, rules: 'none' })).toBe('cell/doubt/none/printed/unchosen');
    expect(bucketKey({ ...clean, readings: 2 })).toBe('cell/doubt/confirmed/printed');
  });

  it('puts a blocked field in the bucket of its first blocker', () => {
    expect(bucketKey({ ...clean, blockers: ['ambiguous', 'rule-failed'] })).toBe('blocked/ambiguous');
  });
});

describe('bucketKey of values counted off with no rule', () => {
  it('keeps the layout class apart', () => {
    expect(bucketKey({ ...clean, placement: 'count', rules: 'none', layoutClass: 'flattened' })).toBe('count/clean/none/printed/flattened');
    expect(bucketKey({ ...clean, placement: 'count', rules: 'confirmed', layoutClass: 'flattened' })).toBe('count/clean/confirmed/printed');
  });
});

describe('readFieldSignals', () => {
  const cell = (raw: string): CellReading => ({
    fieldId: 'requests.received', raw, value: Number(raw.replace(/\D/gu, '')), start: 0, end: raw.length, method: 'table', layout: 'flattened',
    labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' },
  });

  it.each(['02', '007', '１ ０２', '１９2'])('takes digits printed with a leading zero (%s) as pieces run together: a second reading', (raw) => {
    expect(readFieldSignals({ cell: cell(raw), rules: undefined, narrative: [] }).readings).toBe(2);
  });

  it.each(['0', '20', '0.5', '105'])('reads %s as one number', (raw) => {
    expect(readFieldSignals({ cell: cell(raw), rules: undefined, narrative: [] }).readings).toBe(1);
  });
});

describe('readFieldSignals on PDF reading-order text', () => {
  const lineCell: CellReading = {
    fieldId: 'disclosure.penalties.change', raw: '430', value: 430, start: 0, end: 3, method: 'table', layout: 'cell-per-line',
    labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' },
  };

  it('keeps a rule-less cell placed by its order alone in review, and measures the cells a rule checks apart', () => {
    expect(readFieldSignals({ cell: lineCell, rules: undefined, narrative: [], readingOrderText: true }).blockers).toContain('reading-order');
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const signals = readFieldSignals({ cell: lineCell, rules: confirmed, narrative: [], readingOrderText: true });
    expect(signals.blockers).toEqual([]);
    expect(signals.pagedReadingOrder).toBe(true);
    expect(bucketKey(signals)).not.toBe(bucketKey(readFieldSignals({ cell: lineCell, rules: confirmed, narrative: [], readingOrderText: false })));
  });

  it('measures a rule-less cell of a row exported one cell per line with single line breaks (no PDF block order) like any other', () => {
    const exported = readFieldSignals({ cell: lineCell, rules: undefined, narrative: [], readingOrderText: true, rowOnAdjacentLines: true });
    expect(exported.blockers).toEqual([]);
    expect(exported.pagedReadingOrder).toBe(true);
  });

  it('measures the cells of a section exported one cell per line, unresolved or not, its empty rows too: no PDF block order', () => {
    const unresolved = { cell: lineCell, rules: undefined, narrative: [], readingOrderText: true, sectionUnresolved: true } as const;
    expect(readFieldSignals(unresolved).blockers).toEqual(['reading-order']);
    expect(readFieldSignals({ ...unresolved, sectionOnAdjacentLines: true }).blockers).toEqual([]);
    const blankCell: CellReading = { ...lineCell, raw: '', value: null, end: 0 };
    expect(readFieldSignals({ ...unresolved, cell: blankCell }).blockers).toEqual(['reading-order']);
    expect(readFieldSignals({ ...unresolved, cell: blankCell, sectionOnAdjacentLines: true }).blockers).toEqual([]);
  });

  it('keeps a cell taken as 0 or blank by a joint placement in review when only a doubtful reading and no printed total vouch for it', () => {
    const jointCell: CellReading = {
      ...lineCell, fieldId: 'applications.unableNotHeld.research', raw: '', value: 0, method: 'inferred', layout: 'tokens/flattened', labelScore: 0.9,
      support: { readings: 1, anchored: true, placement: 'joint', zeroOrBlank: true },
    };
    const trivially = { confirmedBy: ['rule'], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    expect(readFieldSignals({ cell: jointCell, rules: trivially, narrative: [], readingOrderText: true }).blockers).toEqual(['reading-order']);
    expect(readFieldSignals({ cell: jointCell, rules: undefined, narrative: [], readingOrderText: true }).blockers).toEqual(['reading-order']);
    // A column sum reaching a printed total vouches for it; so does a clean reading, measured as before; other texts too.
    expect(readFieldSignals({ cell: jointCell, rules: confirmed, narrative: [], readingOrderText: true }).blockers).toEqual([]);
    expect(readFieldSignals({ cell: { ...jointCell, labelScore: 1 }, rules: trivially, narrative: [], readingOrderText: true }).blockers).toEqual([]);
    expect(readFieldSignals({ cell: jointCell, rules: trivially, narrative: [], readingOrderText: false }).blockers).toEqual([]);
  });

  it('keeps a row counted one value a line in an unresolved section in review when its label matched inexactly', () => {
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const inexact: CellReading = { ...lineCell, fieldId: 'applications.unableNotHeld.commercial', raw: '1', value: 1, labelScore: 0.75 };
    const unresolved = { rules: confirmed, narrative: [], readingOrderText: true, sectionUnresolved: true } as const;
    expect(readFieldSignals({ ...unresolved, cell: inexact }).blockers).toEqual(['reading-order']);
    // An exact label, a resolved section, or text of no PDF keeps its measure.
    expect(readFieldSignals({ ...unresolved, cell: { ...inexact, labelScore: 1 } }).blockers).toEqual([]);
    expect(readFieldSignals({ ...unresolved, cell: inexact, sectionUnresolved: false }).blockers).toEqual([]);
    expect(readFieldSignals({ ...unresolved, cell: inexact, readingOrderText: false }).blockers).toEqual([]);
  });

  it('keeps a row counted right after a row printing nothing, and a 0 counted among blank marks, in review', () => {
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const trivially = { confirmedBy: ['rule'], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const counted: CellReading = { ...lineCell, fieldId: 'applications.unableNeedsCreation.commercial', raw: '3', value: 3 };
    expect(readFieldSignals({ cell: counted, rules: confirmed, narrative: [], readingOrderText: true, afterEmptyRow: true }).blockers).toEqual(['reading-order']);
    expect(readFieldSignals({ cell: counted, rules: confirmed, narrative: [], readingOrderText: false, afterEmptyRow: true }).blockers).toEqual([]);
    const zero: CellReading = { ...lineCell, fieldId: 'litigationAfterReconsideration.upheld', raw: '0', value: 0 };
    expect(readFieldSignals({ cell: zero, rules: trivially, narrative: [], readingOrderText: true, rowWithBlankMarks: true }).blockers).toEqual(['reading-order']);
    // A sum that adds up to a printed total other than 0 tells; a row of no blank marks keeps its measure.
    expect(readFieldSignals({ cell: zero, rules: confirmed, narrative: [], readingOrderText: true, rowWithBlankMarks: true }).blockers).toEqual([]);
    expect(readFieldSignals({ cell: zero, rules: trivially, narrative: [], readingOrderText: true, rowWithBlankMarks: false }).blockers).toEqual([]);
  });

  it('keeps a cell named by its column with the value opening the next line in review: a header drawn above some cell', () => {
    const namedCell: CellReading = { ...lineCell, fieldId: 'litigationDirect.upheld', raw: '0', value: 0, layout: 'tokens/cell-row', support: { readings: 1, anchored: true, placement: 'cell', namedByColumn: true } };
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    expect(readFieldSignals({ cell: namedCell, rules: confirmed, narrative: [], readingOrderText: true, namedAboveValue: true }).blockers).toEqual(['reading-order']);
    // A sentence naming its values ("结果维持0件，…") reads them beside their names, page breaks or not.
    expect(readFieldSignals({ cell: namedCell, rules: confirmed, narrative: [], readingOrderText: true, namedAboveValue: false }).blockers).toEqual([]);
    expect(readFieldSignals({ cell: namedCell, rules: confirmed, narrative: [], readingOrderText: false, namedAboveValue: true }).blockers).toEqual([]);
  });

  it('keeps a rule-less cell of a row of several counted off as running text in review (a column drawn before the others)', () => {
    const runningCell: CellReading = { ...lineCell, fieldId: 'disclosure.normativeDocs.repealed', raw: '235', value: 235, layout: 'tokens/flattened' };
    expect(readFieldSignals({ cell: runningCell, rules: undefined, narrative: [], readingOrderText: true, multiCellRow: true }).blockers).toEqual(['reading-order']);
    // A row of one cell has no order to scramble; other texts keep their measure.
    expect(readFieldSignals({ cell: runningCell, rules: undefined, narrative: [], readingOrderText: true, multiCellRow: false }).blockers).toEqual([]);
    expect(readFieldSignals({ cell: runningCell, rules: undefined, narrative: [], readingOrderText: false, multiCellRow: true }).blockers).toEqual([]);
  });

  it('measures a rule-less printed cell of a row of one cell among printed ones (the list form\'s) instead: no order of cells to scramble', () => {
    const listCell: CellReading = { ...lineCell, fieldId: 'training.meetings', raw: '7', value: 7, end: 1 };
    const signals = readFieldSignals({ cell: listCell, rules: undefined, narrative: [], readingOrderText: true, oneCellRowAmongPrinted: true });
    expect(signals.blockers).toEqual([]);
    expect(bucketKey(signals)).toBe('count/clean/none/printed/cellPerLine/paged');
    expect(readFieldSignals({ cell: listCell, rules: undefined, narrative: [], readingOrderText: true }).blockers).toContain('reading-order');
  });

  it('measures a blank of a row that printed no value apart in reading-order text (its values may stand elsewhere)', () => {
    const emptyRowBlank: CellReading = { ...lineCell, raw: '', value: null, layout: 'tokens/space', support: { readings: 0, anchored: true, placement: 'count', emptyRow: true } };
    expect(readFieldSignals({ cell: emptyRowBlank, rules: undefined, narrative: [], readingOrderText: true }).pagedReadingOrder).toBe(true);
    expect(readFieldSignals({ cell: emptyRowBlank, rules: undefined, narrative: [], readingOrderText: false }).pagedReadingOrder).toBeUndefined();
  });

  it('keeps in review a cell counted off in an unresolved section of reading-order text with no rule or only 0 = 0 + 0', () => {
    const trivially = { confirmedBy: ['rule'], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const unresolved = { cell: lineCell, narrative: [], readingOrderText: true, sectionUnresolved: true };
    expect(readFieldSignals({ ...unresolved, rules: undefined }).blockers).toContain('reading-order');
    expect(readFieldSignals({ ...unresolved, rules: trivially }).blockers).toContain('reading-order');
    expect(readFieldSignals({ ...unresolved, rules: confirmed }).blockers).toEqual([]);
    expect(readFieldSignals({ ...unresolved, rules: trivially, sectionUnresolved: false }).blockers).toEqual([]);
    expect(readFieldSignals({ ...unresolved, rules: undefined, readingOrderText: false }).blockers).toEqual([]);
  });

  it('leaves other texts and layouts out of the reading-order buckets', () => {
    expect(readFieldSignals({ cell: lineCell, rules: undefined, narrative: [], readingOrderText: false }).pagedReadingOrder).toBeUndefined();
    expect(readFieldSignals({ cell: { ...lineCell, layout: 'tab-row' }, rules: undefined, narrative: [], readingOrderText: true }).pagedReadingOrder).toBeUndefined();
  });
});

describe('readFieldSignals of values chosen among extra numbers', () => {
  const cell: CellReading = {
    fieldId: 'applications.granted.total', raw: '0', value: 0, start: 0, end: 1, method: 'table', layout: 'tokens/split',
    labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'split' },
  };

  it('measures them apart from digit runs split against the rules, in an unresolved section', () => {
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const chosen = readFieldSignals({ cell, rules: confirmed, narrative: [], sectionUnresolved: true });
    expect(chosen.layoutClass).toBe('extraValues');
    expect(bucketKey(chosen)).toBe('split/clean/confirmed/printed/unresolved-extraValues');
    const glued = readFieldSignals({ cell: { ...cell, layout: 'glued-digits' }, rules: confirmed, narrative: [], sectionUnresolved: true });
    expect(bucketKey(glued)).toBe('split/clean/confirmed/printed/unresolved-gluedDigits');
  });
});

describe('readFieldSignals of a value that is itself a hidden page number', () => {
  const cell: CellReading = {
    fieldId: 'requests.completed', raw: '2', value: 2, start: 0, end: 1, method: 'table', layout: 'flattened-solved',
    labelScore: 1, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'split' },
  };
  const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;

  it('measures a value chosen or counted that may be the page number apart, a value in its own cell not', () => {
    expect(bucketKey(readFieldSignals({ cell, rules: confirmed, narrative: [], pageNumberItself: true }))).toMatch(/\/page-number$/u);
    expect(bucketKey(readFieldSignals({ cell, rules: confirmed, narrative: [], pageNumberItself: false }))).not.toMatch(/page-number/u);
    const inCell = { ...cell, layout: 'tab-row', support: { readings: 1, anchored: true, placement: 'cell' as const } };
    expect(bucketKey(readFieldSignals({ cell: inCell, rules: confirmed, narrative: [], pageNumberItself: true }))).not.toMatch(/page-number/u);
  });
});

describe('bucketKey of cells counted in paged reading order', () => {
  it('measures it apart', () => {
    const counted = { ...clean, placement: 'count' as const, layoutClass: 'cellPerLine' as const, exactLabel: false };
    expect(bucketKey(counted)).toBe('count/doubt/confirmed/printed/cellPerLine');
    expect(bucketKey({ ...counted, pagedReadingOrder: true })).toBe('count/doubt/confirmed/printed/cellPerLine/paged');
    expect(bucketKey({ ...counted, value: 'proven-zero-doubtful', pagedReadingOrder: true })).toBe('count/doubt/proven-zero-doubtful/paged');
  });

  it('is read for cells counted one per line in text with form feeds, and blanks proven 0 in wrapped rows there', () => {
    const cell: CellReading = {
      fieldId: 'applications.granted.total', raw: '5', value: 5, start: 0, end: 1, method: 'table', layout: 'cell-per-line',
      labelScore: 0.9, repairs: [], ambiguous: false, notes: [], support: { readings: 1, anchored: true, placement: 'count' },
    };
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: true }).pagedReadingOrder).toBe(true);
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: false }).pagedReadingOrder).toBeUndefined();
    expect(readFieldSignals({ cell: { ...cell, layout: 'tab-row' }, rules: confirmed, narrative: [], readingOrderText: true }).pagedReadingOrder).toBeUndefined();
    // In rows wrapped over lines, a blank proven 0, and every cell of a row whose blanks were read from gaps.
    const wrapped = { ...cell, layout: 'tokens/flattened' };
    expect(readFieldSignals({ cell: wrapped, rules: confirmed, narrative: [], readingOrderText: true }).pagedReadingOrder).toBeUndefined();
    const fromGaps = { ...wrapped, support: { readings: 1, anchored: true, placement: 'count' as const, gapBlanks: true } };
    expect(readFieldSignals({ cell: fromGaps, rules: confirmed, narrative: [], readingOrderText: true }).pagedReadingOrder).toBe(true);
    expect(readFieldSignals({ cell: fromGaps, rules: confirmed, narrative: [], readingOrderText: false }).pagedReadingOrder).toBeUndefined();
    const proof = { confirmedBy: [], confirmedNonTrivially: false, heldWithProposals: [], failedHard: [], failedSoft: [], provenZeroBy: { id: 'row.granted' } } as never;
    expect(readFieldSignals({ cell: { ...wrapped, raw: '', value: null }, rules: proof, narrative: [], readingOrderText: true }).pagedReadingOrder).toBe(true);
  });

  it('is read for every cell of a section read in column order there: a sum holds whatever order its parts were drawn in', () => {
    const cell: CellReading = {
      fieldId: 'litigationDirect.corrected', raw: '120', value: 120, start: 0, end: 3, method: 'table', layout: 'column-order',
      labelScore: 1, repairs: [], ambiguous: false, notes: [],
    };
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    const signals = readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: true });
    expect(signals.pagedReadingOrder).toBe(true);
    expect(bucketKey(signals)).toBe('position/clean/confirmed/printed/paged');
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: false }).pagedReadingOrder).toBeUndefined();
  });

  it('keeps there in review a cell placed by order that a swap with another would leave every rule holding', () => {
    const cell: CellReading = {
      fieldId: 'litigationDirect.corrected', raw: '120', value: 120, start: 0, end: 3, method: 'table', layout: 'column-order',
      labelScore: 1, repairs: [], ambiguous: false, notes: [],
    };
    const confirmed = { confirmedBy: ['rule'], confirmedNonTrivially: true, heldWithProposals: [], failedHard: [], failedSoft: [] } as never;
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: true, swappable: true }).blockers).toEqual(['reading-order']);
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: true, swappable: false }).blockers).toEqual([]);
    expect(readFieldSignals({ cell, rules: confirmed, narrative: [], readingOrderText: false, swappable: true }).blockers).toEqual([]);
  });
});
