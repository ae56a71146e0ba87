import { readsClean, type FieldSignals } from './FieldSignals.ts';

/**
 * The calibration bucket of a field: coarse enough that buckets gather thousands of fields. A blocked field's
 * bucket is its first blocker (measured for its confidence, never auto). Otherwise four parts:
 * - how it was read: the placement for a table cell (cell, count, position, split, other), else the method;
 * - `clean` (exact label, no repair, one reading, anchored, no failed soft rule) or `doubt`;
 * - what the hard rules say: confirmed, confirmed-trivially (0 = 0 + 0), held-with-proposals, none;
 * - the value: printed, blank, proven-zero.
 * Two parts fold where they carry no separate evidence: a proven 0 is confirmed by its own proof (its bucket is
 * `<read>/<clean>/proven-zero`), and digits split so that the rules hold are confirmed by construction, trivially
 * or not (confirmed-trivially folds into confirmed for `split`).
 * Values counted off between anchors with no rule to check them, or with a doubt, also carry the layout class
 * (`…/none/printed/flattened`, `count/doubt/confirmed/printed/cellPerLine`): one-line text with page numbers and
 * ordinals run into the values errs there, and so does a whole row counted under an inexact label in a PDF's
 * reading order (its row rule holds for the wrong row too); pooled with the other layouts those errors would hide
 * under their clean record, or hold the other layouts' good record back.
 * Cells counted one per line or in wrapped rows of a PDF's paged reading order end in `/paged`: such text scrambles
 * a row's cells in ways simulated text does not (a row's values drawn elsewhere, its blanks then proven 0), and
 * pooled, its errors would hold back the simulated layouts' clean record.
 * A cell placed by position in an unresolved section carries `/unresolved-<layout class>` at the end: measured
 * apart from resolved sections and per layout, since a column-order reading of an unresolved section errs where
 * a split of one-line text does not.
 * Cells of a row placed jointly (placement `joint`: fewer values than cells, laid in by the section's rules) always
 * carry the layout class, their 0-or-blank cells too: how often the rules leave a wrong placement depends on how the
 * text lost the row's blanks.
 * Cells of a row whose blanks were read from gaps (runs of spaces or blank lines, fewer values than cells) carry
 * `/gaps` before `/paged`: a row gap or a wrapped line reads like a blank cell there. Cells of a row whose last cell
 * was taken back from where a PDF drew it apart end in `/displaced`; of a row that fits only with a page marker read
 * back as cells, in `/marker`; of a column-order block read by the reading that fits all its row sums but one or
 * two, in `/best-fit`; of a column-order block with many blank cells left out, laid by its columns' and rows' sums, in
 * `/column-blanks`; placed among a list table's values printed after it, its blank rows chosen by the rules, in
 * `/blank-rows`; laid among the values printed after a block of small tables' labels (no rule to check them), in
 * `/table-blocks`; of a field in a failing rule that one other cell explains, in `/failed-elsewhere`; of a row's share of a run cut
 * again with the rows beside it, in `/shared`; a number joined from digits a narrow cell wrapped over lines, in `/stacked`;
 * counted off after a row label that rows not anchored follow, in `/before-skipped`; of no confirming rule beside a rule
 * left unchecked by a piece of a split number, in `/beside-piece`; of a field whose failing sums a blank on their short
 * side explains, in `/failed-on-blanks`; counted off beside a page number its row counted in, in `/beside-page-number`;
 * a value of two pieces run together ("03") where a page number is missing, confirmed by a rule, in `/page-run-together`;
 * placed jointly, in a PDF's reading order, in a row that printed at most a third of its cells, in `/few-printed`;
 * split one digit per cell from a run that is also a
 * number of its own, with no rule to check it, in `/digit-per-cell`. A section's numbers laid into its rows by their order
 * alone (the number stream) carry their layout class: their evidence is the whole section's rules, nothing of a row's.
 * Narrative agreement is recorded but not in the key: it is rare, and a disagreement blocks.
 */
export function bucketKey(signals: FieldSignals): string {
  if (signals.blockers.length > 0) return `blocked/${signals.blockers[0]}`;
  // A row placed jointly is one reading of the whole row, its 0-or-blank cells (method inferred) included.
  const read = signals.method === 'table' || signals.placement === 'joint' ? signals.placement : signals.method;
  const clean = readsClean(signals);
  const prefix = `${read}/${clean ? 'clean' : 'doubt'}`;
  const paged = `${signals.gapBlanks ? '/gaps' : ''}${signals.pagedReadingOrder ? '/paged' : ''}${signals.displaced ? '/displaced' : ''}${signals.markerRead ? '/marker' : ''}${signals.bestFit ? '/best-fit' : ''}${signals.blankColumns ? '/blank-columns' : ''}${signals.columnBlanks ? '/column-blanks' : ''}${signals.blankRowsPlaced ? '/blank-rows' : ''}${signals.tableBlocks ? '/table-blocks' : ''}${signals.pageNumberChosen ? '/page-number' : ''}${signals.failedElsewhere ? '/failed-elsewhere' : ''}${signals.failedOnBlanks ? '/failed-on-blanks' : ''}${signals.shareOfRun ? '/shared' : ''}${signals.stackedDigits ? '/stacked' : ''}${signals.beforeSkipped ? '/before-skipped' : ''}${signals.besideSplitPiece ? '/beside-piece' : ''}${signals.besidePageNumber ? '/beside-page-number' : ''}${signals.digitPerCell ? '/digit-per-cell' : ''}${signals.pageDigitsCut ? '/page-cut' : ''}${signals.wrapMoved ? '/wrap-moved' : ''}${signals.splitInDoubt ? '/split-doubt' : ''}${signals.pageInRunTogether ? '/page-run-together' : ''}${signals.fewPrinted ? '/few-printed' : ''}`;
  if (signals.value === 'zero-or-blank') return `${prefix}/${signals.value}/${signals.layoutClass}${paged}`;
  if (signals.value !== 'printed' && signals.value !== 'blank') return `${prefix}/${signals.value}${paged}`;
  const rules = read === 'split' && signals.rules === 'confirmed-trivially' ? 'confirmed' : signals.rules;
  const key = `${prefix}/${rules}/${signals.value}`;
  // Several readings of a cell that no rule chooses between ("396" with a lone "5" below it: 3965 wrapped, or a page
  // number) are measured apart: the layouts that make them are rare in the calibration and would hide there.
  const chosen = signals.readings > 1 && rules === 'none' ? `${key}/unchosen` : key;
  const keyed = (read === 'count' && (rules === 'none' || !clean)) || read === 'joint' || signals.layoutClass === 'numberStream'
    ? `${chosen}/${signals.layoutClass}` : chosen;
  const unresolved = signals.sectionUnresolved ? `${keyed}/unresolved-${signals.layoutClass}` : keyed;
  return `${unresolved}${paged}`;
}
