/**
 * The horizontal extent (display columns) of each column of a table printed as aligned text: column c takes
 * the numbers that stand wholly within [starts[c], ends[c]). Derived from where the header cells print.
 */
export interface ColumnZones {
  readonly starts: readonly number[];
  readonly ends: readonly number[];
}

/** A header cell's extent on its line (display columns, end exclusive). */
export interface HeaderSpan {
  readonly x: number;
  readonly xEnd: number;
}

/**
 * Zones from the header cells of the columns, left to right: each boundary midway between two neighbouring
 * headers, the outer edges as far beyond the first and last header as the inner boundary next to them.
 * Undefined unless every column has a header and the headers run left to right without overlapping.
 */
export function zonesFromHeaders(spans: readonly (HeaderSpan | undefined)[]): ColumnZones | undefined {
  if (spans.length === 0 || spans.some((span) => span === undefined)) return undefined;
  const headers = spans as readonly HeaderSpan[];
  for (let column = 1; column < headers.length; column++) if (headers[column]!.x < headers[column - 1]!.xEnd) return undefined;
  const boundaries: number[] = [];
  for (let column = 0; column + 1 < headers.length; column++) boundaries.push((headers[column]!.xEnd + headers[column + 1]!.x) / 2);
  const first = headers[0]!;
  const last = headers[headers.length - 1]!;
  // One column alone: half its header's width of slack on either side.
  const leftSlack = boundaries.length > 0 ? boundaries[0]! - first.xEnd : (first.xEnd - first.x) / 2;
  const rightSlack = boundaries.length > 0 ? last.x - boundaries[boundaries.length - 1]! : (last.xEnd - last.x) / 2;
  const starts = [first.x - leftSlack, ...boundaries];
  const ends = [...boundaries, last.xEnd + rightSlack];
  return { starts, ends };
}

/** A token's extent on its line. */
export interface PlacedToken extends HeaderSpan {}

/** Half a display column: a number must keep this far from a boundary to be clearly inside one zone. */
const MARGIN = 0.5;

/**
 * The zone a token stands clearly inside (wholly within it, not touching a boundary), or undefined when it
 * stands in none or straddles two.
 */
export function zoneOf(token: PlacedToken, zones: ColumnZones): number | undefined {
  for (let column = 0; column < zones.starts.length; column++) {
    const start = zones.starts[column]!;
    const end = zones.ends[column]!;
    if (token.x >= start + (Number.isInteger(start) ? MARGIN : 0) && token.xEnd <= end - (Number.isInteger(end) ? MARGIN : 0)) return column;
  }
  return undefined;
}
