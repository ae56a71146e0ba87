/** Named entities seen in scraped government pages (and the common typographic ones). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  nbsp: ' ', // rendered as a plain space: the parsers treat it as one
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  ideographicspace: '\u3000',
  zwj: '',
  zwnj: '',
  shy: '',
  middot: '·',
  bull: '•',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  minus: '−',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  laquo: '«',
  raquo: '»',
  times: '×',
  divide: '÷',
  plusmn: '±',
  deg: '°',
  permil: '‰',
  percnt: '%',
  yen: '¥',
  copy: '©',
  reg: '®',
  trade: '™',
  sect: '§',
  le: '≤',
  ge: '≥',
  ne: '≠',
  lowast: '∗',
  hyphen: '‐',
  sol: '/',
  bsol: '\\',
  colon: ':',
  comma: ',',
  period: '.',
  lpar: '(',
  rpar: ')',
};

/** Entities browsers also accept without the closing semicolon. */
const LEGACY_WITHOUT_SEMICOLON = new Set(['nbsp', 'amp', 'lt', 'gt', 'quot', 'copy', 'reg']);

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}))(;?)/y;

/** A decoded entity: the text it stands for and how many source characters it spans. */
export interface DecodedEntity {
  readonly text: string;
  readonly length: number;
}

/**
 * Decodes the HTML character reference starting at `text[at]` (which is "&"): &nbsp; (as a plain space),
 * &amp;, &#12288;, &#x3000;, … Returns undefined when no known reference starts there (the "&" is literal).
 */
export function decodeHtmlEntity(text: string, at: number): DecodedEntity | undefined {
  ENTITY.lastIndex = at;
  const match = ENTITY.exec(text);
  if (!match) return undefined;
  const [whole, decimal, hexadecimal, name, semicolon] = match;
  if (decimal !== undefined || hexadecimal !== undefined) {
    const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hexadecimal!, 16);
    return { text: characterForCode(code), length: whole.length };
  }
  const lowerName = name!.toLowerCase();
  const named = NAMED_ENTITIES[name!] ?? NAMED_ENTITIES[lowerName];
  if (named !== undefined && (semicolon === ';' || LEGACY_WITHOUT_SEMICOLON.has(lowerName))) return { text: named, length: whole.length };
  if (semicolon === '') {
    // "&nbsp1": a legacy reference without semicolon, directly followed by letters or digits
    for (const legacy of LEGACY_WITHOUT_SEMICOLON) {
      if (lowerName.startsWith(legacy)) return { text: NAMED_ENTITIES[legacy]!, length: legacy.length + 1 };
    }
  }
  return undefined;
}

function characterForCode(code: number): string {
  if (code === 0xa0) return ' ';
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  // Windows-1252 codes that pages write as numeric references (&#150; for a dash).
  if (code >= 0x80 && code <= 0x9f) return WINDOWS_1252[code - 0x80] ?? String.fromCodePoint(code);
  return String.fromCodePoint(code);
}

const WINDOWS_1252: readonly (string | undefined)[] = [
  '€', undefined, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', undefined, 'Ž', undefined,
  undefined, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', undefined, 'ž', 'Ÿ',
];
