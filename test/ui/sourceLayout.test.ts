import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutSource, renderedSpanOf, type RenderedSpan } from '../../review-ui/sourceLayout.ts';
import { prepareInput } from '../../src/ingest/prepareInput.ts';
import { extractDocument } from '../../src/pipeline/extractDocument.ts';

const folder = (name: string) => new URL(`../fixtures/${name}/`, import.meta.url);
/** Every HTML fixture (pages, rowspans, HTML escaped in a script) and the .docx fixtures (HTML through mammoth). */
const htmlFixtures = [
  ...['variants', 'synthetic'].flatMap((name) => readdirSync(folder(name)).filter((file) => file.endsWith('.html')).map((file) => new URL(file, folder(name)))),
  new URL('13_shanghai_bgt_2019_html_escaped.txt', folder('wild')),
];
const docxFixtures = readdirSync(folder('docx')).filter((file) => file.endsWith('.docx')).slice(0, 4).map((file) => new URL(file, folder('docx')));

async function check(url: URL) {
  const bytes = new Uint8Array(readFileSync(url));
  const prepared = await prepareInput(bytes);
  const result = extractDocument({ bytes, name: url.pathname, ...(prepared ? { prepared } : {}) });
  const layout = layoutSource(result.decodedText);
  expect(layout, url.pathname).toBeDefined();
  const text = layout!.rendered.text;
  const holders: RenderedSpan[] = layout!.blocks.flatMap((block) => (block.kind === 'line' ? [block] : block.rows.flatMap((row) => row.cells)));
  // The view shows cells and lines of the rendered text, never markup.
  for (const holder of holders) expect(text.slice(holder.start, holder.end)).not.toMatch(/<\/?(?:td|tr|table|p|div|span)\b/iu);
  let values = 0;
  let blanks = 0;
  for (const field of result.record.fields) {
    const evidence = field.evidence;
    if (!evidence) continue;
    const span = renderedSpanOf(layout!.rendered, evidence);
    expect(span, `${url.pathname} ${field.id}`).toBeDefined();
    const holder = holders.find((candidate) => candidate.start <= span!.start && span!.end <= candidate.end);
    expect(holder, `${url.pathname} ${field.id}`).toBeDefined();
    if (evidence.start === evidence.end) {
      // A blank cell's evidence is the blank cell itself: an empty cell of a table row.
      expect(holder!.end - holder!.start, `${url.pathname} ${field.id}`).toBe(0);
      blanks++;
    } else if (/^\d+$/u.test(evidence.text)) {
      expect(text.slice(span!.start, span!.end), `${url.pathname} ${field.id}`).toBe(evidence.text);
      values++;
    }
  }
  return { values, blanks };
}

describe('the source pane\'s layout of HTML documents', () => {
  it('maps every field\'s evidence to the cell it came from: its figure, or the empty cell of a blank', async () => {
    let values = 0;
    let blanks = 0;
    for (const url of [...htmlFixtures, ...docxFixtures]) {
      const counts = await check(url);
      values += counts.values;
      blanks += counts.blanks;
    }
    expect(values).toBeGreaterThan(1000);
    expect(blanks).toBeGreaterThan(50);
  });

  it('leaves text that is not HTML to be shown as it is', () => {
    expect(layoutSource('一、总体情况\r\n收到申请\t3\n')).toBeUndefined();
    expect(layoutSource('<script>alert(1)</script> 收到申请 3 件')).toBeUndefined();
  });

  it('splits rendered rows into cells, blank cells included', () => {
    const layout = layoutSource('<p>标题</p><p>说明</p><table><tr><td>收到申请</td><td></td><td>3</td></tr><tr><td>办结</td><td>2</td><td>&nbsp;</td></tr></table><p>完</p>')!;
    const text = layout.rendered.text;
    const shown = layout.blocks.map((block) => (block.kind === 'line' ? text.slice(block.start, block.end) : block.rows.map((row) => row.cells.map((cell) => text.slice(cell.start, cell.end)))));
    expect(shown).toEqual(['标题', '说明', [['收到申请', '', '3'], ['办结', '2', '']], '完']);
  });
});
