import { createHash } from 'node:crypto';
import type { SectionAnswer } from './sectionAnswerSchema.ts';

/** A cached answer: what the model said for one section, and what it cost the first time. */
export interface CachedAnswer {
  readonly key: string;
  readonly model: string;
  readonly promptVersion: string;
  readonly answer: SectionAnswer;
  readonly createdAt: string;
}

/**
 * Answers by (model, prompt version, section text hash): re-running a document, or a document that repeats a
 * section, costs nothing. Only answers that passed the schema are stored (belief is re-checked every time).
 */
export interface AnswerCache {
  get(key: string): Promise<CachedAnswer | undefined>;
  set(entry: CachedAnswer): Promise<void>;
}

/** What identifies an answer. The requested field ids are part of it: another parse may ask other fields. */
export interface AnswerKeyParts {
  readonly model: string;
  readonly promptVersion: string;
  /** PromptSet.fingerprint: an edited prompt under the same version name never reuses answers. */
  readonly promptFingerprint: string;
  readonly templateId: string;
  readonly sectionText: string;
  readonly fieldIds: readonly string[];
}

/** The cache key of one section request. */
export function answerCacheKey(parts: AnswerKeyParts): string {
  const textHash = createHash('sha256').update(parts.sectionText).digest('hex');
  return createHash('sha256')
    .update(JSON.stringify([parts.model, parts.promptVersion, parts.promptFingerprint, parts.templateId, textHash, parts.fieldIds]))
    .digest('hex');
}

/** An in-memory cache (tests, one-off runs). */
export function createMemoryAnswerCache(): AnswerCache & { readonly size: number } {
  const entries = new Map<string, CachedAnswer>();
  return {
    get size() {
      return entries.size;
    },
    async get(key) {
      return entries.get(key);
    },
    async set(entry) {
      entries.set(entry.key, entry);
    },
  };
}
