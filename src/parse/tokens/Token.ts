/**
 * One item of a table region read in reading order, the common input of the token solver. Layout-specific
 * code only produces these; the solver never looks at the text again.
 *
 * - `text`: a label fragment (or any other words: headers, footers, prose), transparent to the solver
 *   unless it anchors a row.
 * - `value`: a number run, possibly with its unit ("9114.72 万元", "12件"), or a blank mark ("/", "—", "无").
 *   `ordinalTail` is set when the digits were printed glued to a row ordinal ("172." before "没有现成信息"):
 *   the solver may take trailing digits as the next row's ordinal.
 * - `empty`: a cell the layout shows as empty (two cell boundaries with nothing between); `pageBreak` when it is an
 *   empty line around a page break, which may be the break's.
 */
export type Token =
  | { readonly kind: 'text'; readonly text: string; readonly start: number; readonly end: number; readonly line: number }
  | {
      readonly kind: 'value';
      readonly raw: string;
      readonly start: number;
      readonly end: number;
      readonly line: number;
      /** True when the token stood between explicit cell boundaries (tab, pipe, HTML cell). */
      readonly inCell: boolean;
      readonly ordinalTail: boolean;
      /** True when the number was glued to words on both sides ("规章000规范性文件"): a glued digit run, not a cell. */
      readonly glued: boolean;
      /** True when the number was printed right after words, no space between ("行政强制2"). */
      readonly afterWords?: boolean;
      /**
       * True when the number stands in a line whose cells are joined by single spaces, where a longer run of
       * spaces stands for empty cells (`empty` tokens were made for them): the run can be placed in windows.
       */
      readonly spaced?: boolean;
      /**
       * True when a Latin letter touches the digits in the same word ("565B" for 5658, "S65"): an OCR'd digit the
       * reading could not repair, so the digits alone may not be the value.
       */
      readonly lettersBeside?: boolean;
      /** True when the token's line holds a bar that is no cell boundary but an OCR'd 1 (rowsWithStrayBars). */
      readonly strayBars?: boolean;
      /** True when the token is its tab line's first and the line opened with an empty piece, taken for no cell. */
      readonly afterLeadingEmpty?: boolean;
    }
  | {
      readonly kind: 'empty';
      readonly start: number;
      readonly end: number;
      readonly line: number;
      /** An empty line around a page break (a form feed): the break's blank lines, or a blank cell, nothing tells. */
      readonly pageBreak?: boolean;
      /** As a value token's: the empty cell may be a 1 OCR'd as a bar. */
      readonly strayBars?: boolean;
      /** As a value token's: the first token of a tab line that opened with an empty piece, taken for no cell. */
      readonly afterLeadingEmpty?: boolean;
      /** The empty piece after a tab line's last tab, taken for the row's last (blank) cell. */
      readonly lineEnd?: boolean;
    };

export type ValueToken = Extract<Token, { kind: 'value' }>;
export type TextToken = Extract<Token, { kind: 'text' }>;
