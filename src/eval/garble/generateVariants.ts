import type { GoldFile } from '../goldFile.ts';
import { buildPrintedForm, combinedRowGold } from './buildPrintedForm.ts';
import {
  amountsInYuan, blankMarks, fullWidth, lostLabels, ocrDigits, ocrLabels, plusSigns, spacedLabels, thousandsSeparators, unitsInCells,
  type CellTransform,
} from './cellTransforms.ts';
import { encodeDocument, encodingNames, type Encoding } from './encodeDocument.ts';
import { flatLayout, type FlatSeparator } from './flatLayout.ts';
import { htmlLayout } from './htmlLayout.ts';
import { sentenceLayout } from './sentenceLayout.ts';
import { brokenPipeLayout, csvLayout, cellPerLineLayout, GRID_STYLES, gridLayout, pdfReadingLayout, pipeLayout, spreadsheetWrapper, tabLayout, type CoveredCells } from './lineLayouts.ts';
import { hardWrap, pageBreaks, type LineTransform } from './lineTransforms.ts';
import { pageLayout } from './pageLayout.ts';
import type { PrintedForm } from './PrintedForm.ts';
import { chance, createRandom, integer, pick, type Random } from './random.ts';
import type { Rendered } from './Rendered.ts';
import { loadSourceDocuments, type SourceDocument } from './sourceDocuments.ts';

/** A garbled document with its gold: what the engine must read from `bytes`. */
export interface GarbledVariant {
  /** File name, unique within a run: index, source, layout (`.html` for HTML pages). */
  readonly name: string;
  readonly bytes: Uint8Array;
  /**
   * The source's gold, unchanged by the garbling (a transformation that destroys information still has it), except
   * where the form itself does not print a field (the sub-rows of a combined （六） row holding more than 0).
   */
  readonly gold: GoldFile;
  /** The labelled document it was printed from (`seeds/…`, `synthetic/…`, `wild/…`). */
  readonly source: string;
  /** The layout, then every transformation in the order applied, parameters in brackets. */
  readonly transformations: readonly string[];
}

/** Which variants to make. */
export interface GenerateOptions {
  readonly seed: number;
  readonly count: number;
  /** Index of the first variant (variant i is the same whatever `count` is). Default 0. */
  readonly first?: number;
  /** The labelled documents to print; default every one under test/fixtures (loadSourceDocuments). */
  readonly sources?: readonly SourceDocument[];
  /**
   * `composed` (default): each transformation drawn with its own probability, several per variant. `single`: a
   * layout and at most one other transformation, so each one's effect is measured alone. `plain`: the layout only.
   */
  readonly mode?: GarbleMode;
  /** Draw only these layouts (by name: tab, pipe, pipe-broken, cell-per-line, html, flat-spaces, flat-glued, pdf-reading, pdf-columns, pdf-layout). */
  readonly layouts?: readonly string[];
}

/** How many transformations a variant composes besides its layout. */
export type GarbleMode = 'composed' | 'single' | 'plain';

/**
 * `count` seeded random variants: variant i prints source i (cycling through every labelled document, so each
 * template and source is covered evenly) in a random layout, then composes random cell, line and encoding
 * transformations. Deterministic in (seed, index).
 */
export function generateVariants(options: GenerateOptions): GarbledVariant[] {
  const sources = options.sources ?? loadSourceDocuments();
  if (sources.length === 0) throw new Error('generateVariants: no labelled documents');
  const first = options.first ?? 0;
  const offset = createRandom(options.seed)();
  const base = Math.floor(offset * sources.length);
  const layouts = options.layouts ? LAYOUTS.filter((layout) => options.layouts!.includes(layout.key)) : LAYOUTS;
  if (layouts.length === 0) throw new Error(`generateVariants: no layout named ${options.layouts!.join(', ')} (known: ${LAYOUTS.map((layout) => layout.key).join(', ')})`);
  return Array.from({ length: options.count }, (_, position) => {
    const index = first + position;
    // Transformations added later draw from a stream of their own, so that every variant they leave alone stays as it was.
    const later = createRandom((options.seed ^ Math.imul(index + 1, 0x85ebca6b) ^ 0x27d4eb2f) >>> 0);
    return garble(sources[(base + index) % sources.length]!, index, createRandom((options.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0), options.mode ?? 'composed', layouts, later);
  });
}

/** The layouts and how often each is drawn; `rows`: a table row is one long line (hard wraps apply). */
interface Layout {
  readonly key: string;
  readonly weight: number;
  readonly rows?: boolean;
  /** `later`: the variant's stream for choices added later (see generateVariants); `wraps: false` when hard wraps do not apply. */
  readonly render: (form: PrintedForm, next: Random, later: Random) => { name: string[]; rendered: Rendered; wraps?: false };
}

/** Share of tab layouts printed as comma-separated values instead (drawn from the variant's later stream). */
const CSV_PROBABILITY = 0.3;
/** Share of tab layouts (not comma-separated) whose rows are written as sentences naming their cells instead (the later stream). */
const SENTENCE_PROBABILITY = 0.25;
/** Share of pipe layouts printed as tables drawn with borders instead (box-drawing or ASCII grids; the later stream). */
const GRID_PROBABILITY = 0.4;
/** Share of HTML pages whose tables are built of divs instead (the later stream). */
const DIV_TABLE_PROBABILITY = 0.25;
/** Share of tab and comma-separated layouts whose long labels a spreadsheet wrapped inside their quoted cells (the later stream). */
const WRAPPED_CELLS_PROBABILITY = 0.3;
/** Share of hard wraps that carry the tab they break at to the start of the next line (the later stream). */
const TAB_CARRIED_PROBABILITY = 0.4;
/** Share of drawn tables whose long labels wrap inside their cells (the later stream). */
const GRID_WRAP_PROBABILITY = 0.4;
/** Share of flattened layouts keeping their blanks whose cells are joined by a wider separator (the later stream). */
const WIDER_SEPARATOR_PROBABILITY = 0.4;
/** Share of tab layouts that end every line in a tab (the later stream). */
const CLOSING_TAB_PROBABILITY = 0.3;

const LAYOUTS: readonly Layout[] = [
  { key: 'tab', weight: 1, rows: true, render: (form, next, later) => {
    const covered = pick<CoveredCells>(next, ['empty', 'repeat', 'drop']);
    const split = chance(next, 0.4) ? { width: integer(next, 8, 20), valuesOn: pick(next, ['first', 'last'] as const) } : undefined;
    // Comma-separated rows: one line per row, never wrapped (a CSV slice is no PDF's text).
    if (chance(later, CSV_PROBABILITY)) {
      const quoteText = chance(later, 0.5);
      const indexColumn = chance(later, 0.3);
      const wrapped = chance(later, WRAPPED_CELLS_PROBABILITY);
      return {
        name: [`csv(merged cells ${covered}${quoteText ? ', text quoted' : ''}${indexColumn ? ', row numbers' : ''})`, ...(wrapped ? ['wrapped-cells'] : [])],
        rendered: csvLayout(form, covered, quoteText, indexColumn, wrapped ? spreadsheetWrapper(later) : undefined),
        wraps: false,
      };
    }
    // Rows written as sentences naming their cells (a page with no table markup).
    if (chance(later, SENTENCE_PROBABILITY)) {
      const options = {
        colon: pick(later, ['：', ':', ' ', '']), separator: pick(later, ['，', '；', '、', ' ', '']), units: chance(later, 0.6),
        blank: pick(later, ['/', '—', '无', '-']), swapLitigation: chance(later, 0.3), omitBlanks: chance(later, 0.4),
      };
      return {
        name: [`sentences(colon "${options.colon}", between cells "${options.separator}", blank "${options.blank}"${options.units ? ', units' : ''}${options.swapLitigation ? ', 行政诉讼 groups swapped' : ''}${options.omitBlanks ? ', blank cells left out' : ''})`],
        rendered: sentenceLayout(form, options),
      };
    }
    const wrapped = !split && chance(later, WRAPPED_CELLS_PROBABILITY);
    const closingTab = chance(later, CLOSING_TAB_PROBABILITY);
    return {
      name: [`tab(merged cells ${covered}${closingTab ? ', closing tabs' : ''})`, ...(split ? [`split-labels(at ${split.width}, numbers on ${split.valuesOn} line)`] : []), ...(wrapped ? ['wrapped-cells'] : [])],
      rendered: tabLayout(form, covered, split, wrapped ? spreadsheetWrapper(later) : undefined, closingTab),
    };
  } },
  { key: 'pipe', weight: 1, rows: true, render: (form, next, later) => {
    const covered = pick<CoveredCells>(next, ['empty', 'drop']);
    if (chance(later, GRID_PROBABILITY)) {
      const style = pick(later, GRID_STYLES);
      const everyRow = chance(later, 0.5);
      // Long labels wrapped inside their cells, values on the row's first, middle or last line (the later stream); only
      // in tables ruled under every row: with no rule between the rows, which label piece the values go with is a
      // guess (a transformation the engine cannot read, README).
      const wraps = chance(later, GRID_WRAP_PROBABILITY);
      const wrap = wraps && everyRow ? { width: integer(later, 6, 20), valign: pick(later, ['top', 'middle', 'bottom'] as const) } : undefined;
      const wrapName = wrap ? `, labels wrapped at ${wrap.width}, values ${wrap.valign}` : '';
      return { name: [`grid(${style.name}, merged cells ${covered}${everyRow ? ', rule under every row' : ''}${wrapName})`], rendered: gridLayout(form, covered, style, everyRow, wrap) };
    }
    return { name: [`pipe(merged cells ${covered})`], rendered: pipeLayout(form, covered) };
  } },
  { key: 'pipe-broken', weight: 0.6, render: (form) => ({ name: ['pipe-broken'], rendered: brokenPipeLayout(form) }) },
  { key: 'cell-per-line', weight: 1, render: (form, next) => {
    const rowGap = chance(next, 0.5);
    return { name: [`cell-per-line${rowGap ? '(row gaps)' : ''}`], rendered: cellPerLineLayout(form, rowGap) };
  } },
  { key: 'html', weight: 1.2, render: (form, next, later) => {
    const spacer = chance(next, 0.5);
    const nbsp = chance(next, 0.7);
    const divs = chance(later, DIV_TABLE_PROBABILITY);
    return { name: [divs ? 'html(div table)' : 'html', ...(spacer ? ['spacer-cells'] : [])], rendered: htmlLayout(form, { spacer, nbsp, divs }, next) };
  } },
  { key: 'flat-spaces', weight: 1, render: (form, next, later) => flat(form, ' ', next, later) },
  { key: 'flat-glued', weight: 0.8, render: (form, next, later) => flat(form, '', next, later) },
  { key: 'pdf-reading', weight: 1, render: (form, next) => {
    const cellWidth = integer(next, 8, 24);
    return { name: [`pdf-reading(cells wrap at ${cellWidth})`], rendered: pdfReadingLayout(form, cellWidth, integer(next, 60, 90), false) };
  } },
  { key: 'pdf-columns', weight: 0.6, render: (form, next) => ({ name: ['pdf-columns'], rendered: pdfReadingLayout(form, integer(next, 8, 24), integer(next, 60, 90), true) }) },
  { key: 'pdf-layout', weight: 1.2, render: (form, next) => {
    const drawn = { labelWidth: integer(next, 14, 44), values: pick(next, ['right', 'center'] as const), valuesOn: pick(next, ['first', 'last'] as const), pageWidth: integer(next, 60, 100) };
    // Narrow number cells, drawn from a generator of their own: the variant's own stream stays as it was before
    // they were drawn (variants pinned by seed and index stay the same documents).
    const narrow = createRandom((Math.imul(drawn.labelWidth, 7919) + Math.imul(drawn.pageWidth, 104729) + (drawn.values === 'right' ? 1 : 0)) >>> 0);
    const valueDigits = chance(narrow, 0.3) ? integer(narrow, 1, 3) : undefined;
    const options = { ...drawn, ...(valueDigits !== undefined ? { valueDigits } : {}) };
    const narrowName = valueDigits !== undefined ? `, numbers wrap at ${valueDigits} digit${valueDigits > 1 ? 's' : ''}` : '';
    return { name: [`pdf-layout(labels ${options.labelWidth} wide, values ${options.values}, on ${options.valuesOn} line${narrowName})`], rendered: pageLayout(form, options) };
  } },
];

function flat(form: PrintedForm, separator: ' ' | '', next: Random, later: Random): { name: string[]; rendered: Rendered } {
  const drawn = { separator, keepGaps: separator === ' ' && chance(next, 0.4), glueOrdinals: chance(next, 0.5), pageDebris: chance(next, 0.5) };
  // Cells with their blanks kept joined by a wider separator instead (the later stream): an empty cell is one more.
  const wider: FlatSeparator | undefined = drawn.keepGaps && chance(later, WIDER_SEPARATOR_PROBABILITY) ? pick(later, ['  ', '\u3000\u3000'] as const) : undefined;
  const options = { ...drawn, separator: wider ?? separator };
  const widerName = wider === undefined ? '' : wider === '  ' ? ', cells two spaces apart' : ', cells two ideographic spaces apart';
  return {
    name: [`${separator === ' ' ? 'flat-spaces' : 'flat-glued'}${options.keepGaps ? `(blank gaps${widerName})` : ''}`, ...(options.glueOrdinals ? ['glued-ordinals'] : []), ...(options.pageDebris ? ['page-debris'] : [])],
    rendered: flatLayout(form, options, next),
  };
}

/** Cell transformations in the order they compose, each drawn with its probability. */
const CELL_TRANSFORMS: readonly { readonly probability: number; readonly make: (next: Random) => CellTransform; readonly template?: string }[] = [
  { probability: 0.15, make: () => amountsInYuan },
  { probability: 0.2, make: () => unitsInCells },
  { probability: 0.1, make: () => thousandsSeparators },
  { probability: 0.3, make: () => plusSigns, template: 'gov-2019' },
  { probability: 0.1, make: () => blankMarks },
  { probability: 0.15, make: (next) => ocrDigits(pick(next, [0.05, 0.15, 0.4])) },
  { probability: 0.12, make: (next) => ocrLabels(pick(next, [0.05, 0.15])) },
  { probability: 0.1, make: () => spacedLabels },
  { probability: 0.15, make: (next) => fullWidth(chance(next, 0.6) ? 'values' : 'all') },
];

/** The transformations besides the layout, as `single` mode draws them (one, or none). */
const SLOTS = ['combined-other-row', ...CELL_TRANSFORMS.map((_, index) => `cell ${index}`), 'hard-wrap', 'page-footers', 'gbk', 'utf-8-bom', 'crlf', 'bare-cr', 'none'];

/** Share of composed variants whose row labels a scan lost (lostLabels). */
const LOST_LABELS_PROBABILITY = 0.06;

function garble(source: SourceDocument, index: number, next: Random, mode: GarbleMode, layouts: readonly Layout[], later: Random): GarbledVariant {
  const chosen = mode === 'single' ? pick(next, SLOTS) : mode === 'plain' ? 'none' : null;
  // Whether to apply a transformation: its own probability, or in single mode whether it is the one drawn.
  const want = (slot: string, probability: number) => (chosen === null ? chance(next, probability) : slot === chosen);
  // Real gov-2021 reports sometimes print the 2019 form's single （六）其他处理 row instead of its three sub-rows.
  const combinedOtherRow = source.template === 'gov-2021' && want('combined-other-row', 0.15);
  let form = buildPrintedForm(source, next, { combinedOtherRow });
  const cellNames: string[] = [];
  for (const [position, transform] of CELL_TRANSFORMS.entries()) {
    if (!want(`cell ${position}`, transform.probability) || (transform.template && transform.template !== source.template)) continue;
    const made = transform.make(next);
    form = made.apply(form, next);
    cellNames.push(made.name);
  }
  if (mode === 'composed' && chance(later, LOST_LABELS_PROBABILITY)) {
    form = lostLabels.apply(form, later);
    cellNames.push(lostLabels.name);
  }
  const total = layouts.reduce((sum, layout) => sum + layout.weight, 0);
  let roll = next() * total;
  const layout = layouts.find((candidate) => (roll -= candidate.weight) < 0) ?? layouts[0]!;
  const { name: layoutNames, rendered, wraps } = layout.render(form, next, later);
  const lineNames: string[] = [];
  let text: string;
  if (rendered.kind === 'lines') {
    let lines = rendered.lines;
    const lineTransforms: LineTransform[] = [];
    if (layout.rows && want('hard-wrap', 0.4)) {
      const wrapWidth = integer(next, 24, 90);
      // A wrap at a tab may carry the tab to the next line (the later stream).
      if (wraps !== false) lineTransforms.push(hardWrap(wrapWidth, chance(later, TAB_CARRIED_PROBABILITY)));
    }
    if (want('page-footers', 0.35)) lineTransforms.push(pageBreaks(integer(next, 15, 45), chance(next, 0.6)));
    for (const transform of lineTransforms) {
      lines = transform.apply(lines, next);
      lineNames.push(transform.name);
    }
    text = `${lines.map((line) => line.text).join('\n')}\n`;
  } else text = rendered.text;
  const encoding: Encoding = {
    charset: want('gbk', 0.2) ? 'gbk' : want('utf-8-bom', 0.05) ? 'utf-8-bom' : 'utf-8',
    lineEnding: want('crlf', 0.15) ? 'crlf' : want('bare-cr', 0.12) ? 'cr' : 'lf',
  };
  const transformations = [...layoutNames, ...(combinedOtherRow ? ['combined-other-row'] : []), ...cellNames, ...lineNames, ...encodingNames(encoding)];
  const layoutKey = layoutNames[0]!.replace(/\(.*$/u, '');
  const stem = source.name.replace(/\.[a-z]+$/u, '').replace('/', '-');
  const name = `${String(index).padStart(4, '0')}_${stem}_${layoutKey}${layoutKey === 'html' ? '.html' : '.txt'}`;
  return {
    name,
    bytes: encodeDocument(text, encoding),
    gold: {
      document: name,
      template: source.template,
      meta: { agency: form.agency, agencyAliases: [...source.agencyAliases], year: form.year },
      fields: combinedOtherRow ? combinedRowGold(source.fields) : { ...source.fields },
      expectFlags: [...source.expectFlags],
      notes: `printed from ${source.name} by the randomised garbler (src/eval/garble)`,
      source: source.name,
      garbling: transformations,
    },
    source: source.name,
    transformations,
  };
}
