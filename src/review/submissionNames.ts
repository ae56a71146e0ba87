/** A file name safe to store and show: no directories, no control characters, at most 200 characters. */
export function cleanFileName(name: string, id: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const cleaned = base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return cleaned === '' ? `document-${id.slice(0, 12)}.txt` : cleaned;
}

/** A byte count as people read it ("1.5 MB"), for the error that refuses a document too large. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
