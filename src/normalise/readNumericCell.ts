/** A numeric cell as read. */
export interface NumericCell {
  /** The value in the requested unit, or null for a blank / "/" / "—" / "无" cell. */
  readonly value: number | null;
  /** Repairs made, as sentences: "OCR: 'O' read as 0", "251000元 converted to 25.1 万元". */
  readonly repairs: readonly string[];
}

/** Count units a cell may carry as a suffix when the field is counted in the same unit. */
const COUNT_UNITS = new Set(['条', '件', '项', '个', '人', '次', '篇', '人次', '家', '场', '期']);

/** Money units and their size in 元. */
const MONEY_UNITS: ReadonlyMap<string, number> = new Map([
  ['元', 0],
  ['万元', 4],
  ['万', 4],
  ['亿元', 8],
]);

/** Letters OCR puts where a digit was printed, repaired only inside an otherwise numeric cell. */
const ALWAYS_REPAIRED: ReadonlyMap<string, string> = new Map([
  ['O', '0'],
  ['o', '0'],
  ['〇', '0'],
  ['l', '1'],
  ['I', '1'],
  ['|', '1'],
]);

/** Letters repaired only between two digits, where nothing else can be meant. */
const REPAIRED_BETWEEN_DIGITS: ReadonlyMap<string, string> = new Map([
  ['S', '5'],
  ['B', '8'],
]);

const BLANK_MARK = /^(?:[\/\\／＼、]|[-－—―–‑‐−─━ー~～]+|无)$/u;
const UNIT_SUFFIX = /^(.*?)\s*(人次|亿元|万元|万|元|条|件|项|个|人|次|篇|家|场|期)$/u;

/**
 * Reads one printed cell: digits with OCR letter-for-digit repair (O/o/〇→0, l/I/|→1; S→5 and B→8 between
 * digits) only when the cell is otherwise numeric, a sign (+5, -3, ＋5), decimals, thousands separators,
 * full-width digits, and a printed unit suffix (元 converted to 万元 when the field is in 万元; a count
 * unit accepted when it is the field's). Blank, "/", "\", "—", "-" and "无" read as value null.
 * Returns undefined when the cell is not a number at all (a label, a percentage, text).
 */
export function readNumericCell(raw: string, fieldUnit: string): NumericCell | undefined {
  // Cells repeat within and across documents ("0", "12", "/"), and several readers read the same cell: the
  // reading depends on the two strings only. Long strings (text, not cells) are not kept.
  if (raw.length > MAX_CACHED_LENGTH) return readUncached(raw, fieldUnit);
  const key = `${fieldUnit}\u0000${raw}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached ?? undefined;
  const numeric = readUncached(raw, fieldUnit);
  if (cache.size >= MAX_CACHE_ENTRIES) cache.clear();
  cache.set(key, numeric ?? null);
  return numeric;
}

const cache = new Map<string, NumericCell | null>();
const MAX_CACHE_ENTRIES = 20_000;
const MAX_CACHED_LENGTH = 32;

function readUncached(raw: string, fieldUnit: string): NumericCell | undefined {
  const cell = toHalfWidth(raw).replace(/^[\s\u00a0\u3000]+|[\s\u00a0\u3000]+$/gu, '');
  if (cell === '' || BLANK_MARK.test(cell)) return { value: null, repairs: [] };

  const { body, printedUnit } = splitUnit(cell);
  const signMatch = /^([+-])\s*/u.exec(body);
  const sign = signMatch ? signMatch[1]! : '';
  const unsigned = body.slice(signMatch ? signMatch[0].length : 0);

  const repaired = repairDigits(unsigned, sign !== '');
  if (!repaired) return undefined;
  const digits = dropThousandsSeparators(repaired.text);
  if (digits === undefined) return undefined;

  const repairs = [...repaired.repairs];
  let decimal = digits;
  if (printedUnit !== undefined && printedUnit !== fieldUnit) {
    const converted = convertUnit(decimal, printedUnit, fieldUnit);
    if (converted === undefined) return undefined;
    if (converted !== decimal) {
      repairs.push(`${cell} converted to ${formatDecimal(sign + converted)} ${fieldUnit}`);
    }
    decimal = converted;
  }
  const value = Number(sign + decimal);
  if (!Number.isFinite(value)) return undefined;
  return { value: Object.is(value, -0) ? 0 : value, repairs };
}

/** Full-width ASCII forms (FF01–FF5E) and the minus sign (U+2212) to their ASCII counterparts. */
function toHalfWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/gu, (character) => String.fromCharCode(character.charCodeAt(0) - 0xfee0))
    .replace(/\u2212/gu, '-');
}

function splitUnit(cell: string): { body: string; printedUnit: string | undefined } {
  const match = UNIT_SUFFIX.exec(cell);
  if (!match || match[1] === '') return { body: cell, printedUnit: undefined };
  return { body: match[1]!, printedUnit: match[2]! };
}

/**
 * Repairs OCR letters in a cell made only of digits, separators and repairable letters; undefined otherwise.
 * `signed`: the cell printed a sign before them, which only a number carries.
 */
function repairDigits(text: string, signed: boolean): { text: string; repairs: string[] } | undefined {
  if (!/^[0-9.,OoIl|〇SB]+$/u.test(text)) return undefined;
  const hasDigit = /[0-9]/u.test(text);
  // A cell of letters only is a number when it is more than one letter ("IO" for 10, "II" for 11), an O/o/〇 (a
  // printed 0) or signed ("-I" for -1); "l" or "I" alone stays unread (a letter alone among numbers is read by its
  // row's readers).
  if (!hasDigit && !signed && !/^(?:[OoIl〇]{2,}|[Oo〇])$/u.test(text)) return undefined;
  const repairs: string[] = [];
  let result = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    const always = ALWAYS_REPAIRED.get(character);
    const between = REPAIRED_BETWEEN_DIGITS.get(character);
    if (always !== undefined) {
      result += always;
      repairs.push(`OCR: '${character}' read as ${always}`);
    } else if (between !== undefined) {
      if (!isDigit(text[index - 1]) || !isDigit(text[index + 1])) return undefined;
      result += between;
      repairs.push(`OCR: '${character}' read as ${between}`);
    } else {
      result += character;
    }
  }
  return { text: result, repairs: deduplicate(repairs) };
}

function isDigit(character: string | undefined): boolean {
  return character !== undefined && character >= '0' && character <= '9';
}

function deduplicate(items: string[]): string[] {
  return [...new Set(items)];
}

/** "1,234.5" → "1234.5"; undefined for a malformed number ("1,23", "1.2.3", ".5"). */
function dropThousandsSeparators(text: string): string | undefined {
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/u.test(text)) return text.replace(/,/gu, '');
  if (/^\d+(?:\.\d+)?$/u.test(text)) return text;
  return undefined;
}

/**
 * Converts a decimal string between units by shifting the decimal point, so 251000 元 is exactly 25.1 万元
 * (no float artefacts). undefined when the units cannot be converted (a count unit that is not the field's).
 */
function convertUnit(decimal: string, printedUnit: string, fieldUnit: string): string | undefined {
  const printedPower = MONEY_UNITS.get(printedUnit);
  const fieldPower = MONEY_UNITS.get(fieldUnit);
  if (printedPower !== undefined && fieldPower !== undefined) return shiftDecimal(decimal, printedPower - fieldPower);
  if (COUNT_UNITS.has(printedUnit) && fieldUnit === '') return decimal;
  return undefined;
}

/** Multiplies a non-negative decimal string by 10^power, exactly. */
function shiftDecimal(decimal: string, power: number): string {
  if (power === 0) return decimal;
  const [integerPart = '', fractionPart = ''] = decimal.split('.');
  const digits = integerPart + fractionPart;
  const pointAt = integerPart.length + power;
  let result: string;
  if (pointAt <= 0) result = '0.' + '0'.repeat(-pointAt) + digits;
  else if (pointAt >= digits.length) result = digits + '0'.repeat(pointAt - digits.length);
  else result = digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
  return formatDecimal(result);
}

/** Drops leading zeros of the integer part and trailing zeros of the fraction: "025.1000" → "25.1". */
function formatDecimal(decimal: string): string {
  const negative = decimal.startsWith('-');
  const unsigned = decimal.replace(/^[+-]/u, '');
  const [integerPart = '', fractionPart = ''] = unsigned.split('.');
  const integer = integerPart.replace(/^0+(?=\d)/u, '') || '0';
  const fraction = fractionPart.replace(/0+$/u, '');
  const body = fraction ? `${integer}.${fraction}` : integer;
  return negative && body !== '0' ? `-${body}` : body;
}
