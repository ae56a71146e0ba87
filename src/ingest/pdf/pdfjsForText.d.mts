// Types of pdfjsForText.mjs (plain JavaScript: it runs in the reading thread, which has no TypeScript loader).

/** One change to pdf.js's worker source: an exact piece of it and what replaces it. */
export interface PdfjsTextPatch {
  readonly name: string;
  readonly find: string;
  readonly replace: string;
}

export const PDFJS_TEXT_PATCHES: readonly PdfjsTextPatch[];

/** The patched source, or undefined with the names of the patches whose piece is missing or not unique. */
export function patchPdfjsWorkerSource(source: string): { readonly source: string | undefined; readonly unfit: readonly string[] };

/** pdf.js's worker module, patched for text unless `patch` is false or the patches do not fit. */
export function importPdfjsWorker(workerFile: string, options?: { readonly patch?: boolean }): Promise<{ readonly module: unknown; readonly patched: boolean }>;
