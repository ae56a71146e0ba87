import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareWithGold } from '../src/eval/compareWithGold.ts';
import { readGoldFile } from '../src/eval/goldFile.ts';
import { extractDocument } from '../src/pipeline/extractDocument.ts';
import { prepareDocumentInput } from '../src/pipeline/prepareDocumentInput.ts';

/**
 * A regression bar on a sample of the PDF and .docx fixtures (the full set: npm run eval:input-kinds): never a
 * wrong auto value; the printed PDFs and built .docx read completely; the real PDFs as far as they print
 * their cells (hongze's form leaves out (六)'s two sub-rows: 14 fields each, in review).
 */
const fixtures = new URL('fixtures/', import.meta.url);

async function evaluate(path: string) {
  const name = path.split('/').pop()!;
  const input = await prepareDocumentInput({ name, bytes: new Uint8Array(readFileSync(new URL(path, fixtures))) });
  return compareWithGold(extractDocument(input).record, readGoldFile(new URL(path.replace(/([^/]+)\.(?:pdf|docx)$/u, 'gold/$1.json'), fixtures)));
}

describe('PDF and .docx fixtures against their gold', () => {
  it.each([
    ['pdf/huaian_2024.pdf', 200],
    ['pdf/hongze_2023.pdf', 186],
    ['pdf/hongze_2024.pdf', 186],
    ['pdf/p04_s13_2021_html_a5.pdf', 200],
    ['pdf/p09_s23_2021_html_a5.pdf', 200],
    ['pdf/p14_s36_2014_html_a4.pdf', 58],
    ['pdf/p25_v11_002_page_rowspan_a5.pdf', 198],
    ['docx/d05_s23_2021_html.docx', 200],
    ['docx/d09_s36_2014_html.docx', 58],
    ['docx/d15_v11_002_page_rowspan.docx', 198],
  ])('%s: at least %i fields right, none wrong auto', async (path, right) => {
    const evaluation = await evaluate(path);
    expect(evaluation.wrongAuto).toEqual([]);
    expect(evaluation.correct).toBeGreaterThanOrEqual(right);
  });
});
