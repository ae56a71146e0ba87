import { labelSimilarity } from '../../normalise/labelKey.ts';
import type { TableDefinition } from '../../templates/TemplateDefinition.ts';
import type { HeaderPositions } from './alignRowValues.ts';
import type { GridRow } from './GridRow.ts';

/** Lowest similarity at which a header cell is taken for a column label. */
const HEADER_MATCH_THRESHOLD = 0.85;

/** Longest header cell compared with the column labels. */
const MAX_HEADER_LENGTH = 30;

/** A column a printed header cell names, and how well. */
interface ColumnHit {
  readonly tableId: string;
  readonly column: number;
  readonly score: number;
}

/** Column hits by cell text, per set of tables (header texts repeat across documents of one form). */
const hitCache = new WeakMap<readonly TableDefinition[], Map<string, readonly ColumnHit[]>>();
const MAX_CACHED_TEXTS = 5_000;

/**
 * Follows the column header rows of a section's tables: each label-only row updates, for every table whose
 * column labels it prints, the cell position of those columns (headers of 三 span two or three rows).
 */
export class HeaderTracker {
  private readonly found = new Map<string, { positions: (number | undefined)[]; scores: number[] }>();
  private readonly hits: Map<string, readonly ColumnHit[]>;

  constructor(private readonly tables: readonly TableDefinition[]) {
    let hits = hitCache.get(tables);
    if (!hits) {
      hits = new Map();
      hitCache.set(tables, hits);
    }
    this.hits = hits;
  }

  /** Reads a label-only row (cells by position) as a possible header row. */
  observe(row: GridRow): void {
    if (row.layout === 'cell-per-line' || row.layout === 'space-row') return;
    const best = new Map<string, { index: number; score: number }>();
    row.cells.forEach((cell, cellIndex) => {
      if (cell.text === '') return;
      for (const hit of this.columnHits(cell.text)) {
        const key = `${hit.tableId}\u0000${hit.column}`;
        const previous = best.get(key);
        if (!previous || hit.score > previous.score) best.set(key, { index: cellIndex, score: hit.score });
      }
    });
    for (const table of this.tables) {
      table.columns.forEach((_, column) => {
        const hit = best.get(`${table.id}\u0000${column}`);
        if (!hit) return;
        const entry = this.found.get(table.id) ?? { positions: new Array(table.columns.length).fill(undefined), scores: new Array(table.columns.length).fill(0) };
        entry.positions[column] = hit.index;
        entry.scores[column] = hit.score;
        this.found.set(table.id, entry);
      });
    }
  }

  /** True when two or more cells of the row print column labels of the section's tables (a header row). */
  isHeaderRow(row: GridRow): boolean {
    let matched = 0;
    for (const cell of row.cells) {
      if (cell.text === '') continue;
      if (this.isColumnLabel(cell.text) && ++matched >= 2) return true;
    }
    return false;
  }

  /** True when a printed label is a column label of one of the section's tables. */
  isColumnLabel(text: string): boolean {
    return this.columnHits(text).length > 0;
  }

  /** The columns of the section's tables a printed header cell names (by table id), with how well. */
  columnsNamedBy(text: string): readonly { readonly tableId: string; readonly column: number; readonly score: number }[] {
    return this.columnHits(text);
  }

  /** The header positions of a table when every column has one and they run left to right. */
  positionsOf(table: TableDefinition): HeaderPositions | undefined {
    const entry = this.found.get(table.id);
    if (!entry) return undefined;
    const positions: number[] = [];
    for (const position of entry.positions) {
      if (position === undefined) return undefined;
      if (positions.length > 0 && position <= positions[positions.length - 1]!) return undefined;
      positions.push(position);
    }
    return { positions, scores: entry.scores };
  }

  private columnHits(text: string): readonly ColumnHit[] {
    const known = this.hits.get(text);
    if (known) return known;
    const hits: ColumnHit[] = [];
    // Column headers are short ("本年收费金额（单位：万元）" is the longest); longer text is a heading or prose.
    if (text.length > MAX_HEADER_LENGTH) return hits;
    for (const table of this.tables) {
      table.columns.forEach((column, columnIndex) => {
        let score = 0;
        for (const label of column.labels) score = Math.max(score, labelSimilarity(text, label));
        if (score >= HEADER_MATCH_THRESHOLD) hits.push({ tableId: table.id, column: columnIndex, score });
      });
    }
    if (this.hits.size >= MAX_CACHED_TEXTS) this.hits.clear();
    this.hits.set(text, hits);
    return hits;
  }
}
