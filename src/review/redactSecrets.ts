import type { Config } from '../config/loadConfig.ts';

/** Replaces secrets in a text that is about to be stored or logged. */
export type Redact = (text: string) => string;

/** What a redacted secret becomes. */
export const REDACTED = '[redacted]';

/**
 * Secret-shaped strings redacted even when this process does not know them: gongkai API tokens, OpenAI-style
 * keys and bearer credentials (an endpoint echoing a request, a proxy's error page).
 */
const secretShapes = [/\bgk_[A-Za-z0-9_-]{20,}/g, /\bsk-[A-Za-z0-9_-]{16,}/g, /\b(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}/gi];

/** Known secrets shorter than this are not redacted (a 3-character "secret" would shred ordinary text). */
const MIN_SECRET_LENGTH = 6;

/**
 * A redactor for the configured secrets (the LLM API key, the first admin's password, the API token ingest
 * sends), in the forms they travel in (as is, URL-encoded, base64), plus the secret shapes above. Applied to
 * every message the service stores (processing messages, extraction errors, pending LLM work reasons) or logs:
 * an endpoint that echoes the key in its error body must not put the key in the store, the API or the log.
 */
export function createRedactor(secrets: readonly (string | undefined)[]): Redact {
  const known = [...new Set(secrets.filter((secret): secret is string => secret !== undefined && secret.length >= MIN_SECRET_LENGTH)
    .flatMap((secret) => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')]))]
    // Longest first, so a secret containing another is replaced whole.
    .sort((a, b) => b.length - a.length);
  return (text) => {
    let result = text;
    for (const secret of known) result = result.split(secret).join(REDACTED);
    for (const shape of secretShapes) result = result.replace(shape, (_match, prefix: unknown) => `${typeof prefix === 'string' ? prefix : ''}${REDACTED}`);
    return result;
  };
}

/** The secrets a configuration holds: the LLM API key, the first admin's password, the API token ingest sends. */
export function configSecrets(config: Config): (string | undefined)[] {
  return [config.llm.apiKey, config.service.adminPassword, config.service.apiToken];
}
