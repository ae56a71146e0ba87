/** Tokens a chat message costs beyond its text (role markers and separators). */
const PER_MESSAGE_OVERHEAD = 4;

/**
 * A deliberately generous token estimate, used to keep a document within its budget BEFORE a call is made
 * (the endpoint's own count arrives only after): every CJK character (and full-width punctuation) counted as
 * one token, other text as one token per three characters. Real BPE tokenizers (cl100k, o200k, Qwen, DeepSeek)
 * give Chinese 0.6–1 token per character and English about one per four, so this overestimates.
 */
export function estimateTokens(text: string): number {
  let wide = 0;
  let narrow = 0;
  for (const character of text) {
    const code = character.codePointAt(0)!;
    if (isWide(code)) wide++;
    else narrow++;
  }
  return wide + Math.ceil(narrow / 3);
}

/** estimateTokens over chat messages, with the per-message overhead. */
export function estimateMessageTokens(messages: readonly { readonly content: string }[]): number {
  return messages.reduce((total, message) => total + PER_MESSAGE_OVERHEAD + estimateTokens(message.content), 3);
}

function isWide(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) || // CJK radicals, kana, CJK unified ideographs
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0x20000 && code <= 0x3134f) ||
    (code >= 0x2000 && code <= 0x206f) // general punctuation: “ ” — …
  );
}
