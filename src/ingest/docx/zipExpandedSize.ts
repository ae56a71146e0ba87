/**
 * The total uncompressed size a ZIP archive declares in its central directory, or undefined when the archive
 * has no readable central directory. Read before unzipping a .docx so a small "zip bomb" is refused instead
 * of being inflated to gigabytes on the server's thread. (ZIP64 archives declare 0xFFFFFFFF: counted as such,
 * which errs on the side of refusing.)
 */
export function zipExpandedSize(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 bytes + up to 64 KiB of comment.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) !== 0x06054b50) continue;
    const entries = view.getUint16(at + 10, true);
    let entry = view.getUint32(at + 16, true);
    let total = 0;
    for (let index = 0; index < entries; index++) {
      if (entry + 46 > bytes.length || view.getUint32(entry, true) !== 0x02014b50) return undefined;
      total += view.getUint32(entry + 24, true);
      entry += 46 + view.getUint16(entry + 28, true) + view.getUint16(entry + 30, true) + view.getUint16(entry + 32, true);
    }
    return total;
  }
  return undefined;
}
