import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { MappedText } from '../text/MappedText.ts';
import { isHtml, renderDocument, rendersAsHtml } from './renderDocument.ts';

/** The original substring a span of the rendered text points at. */
function originalOf(rendered: MappedText, original: string, start: number, end: number): string {
  const span = rendered.toOriginal(start, end);
  return original.slice(span.start, span.end);
}

/** Finds `needle` in the rendered text and returns the original substring it maps to. */
function originalOfFound(rendered: MappedText, original: string, needle: string): string {
  const at = rendered.text.indexOf(needle);
  expect(at, `"${needle}" in rendered text`).toBeGreaterThanOrEqual(0);
  return originalOf(rendered, original, at, at + needle.length);
}

describe('renderDocument: line endings and plain text', () => {
  it('turns \\r\\n into \\n and every bare \\r into its own \\n (runs are not collapsed)', () => {
    const original = 'a\r\nb\rc\r\r\rd\n\ne';
    const rendered = renderDocument(original);
    expect(rendered.text).toBe('a\nb\nc\n\n\nd\n\ne');
    expect(originalOf(rendered, original, 1, 2)).toBe('\r\n');
    expect(originalOf(rendered, original, 4, 8)).toBe('c\r\r\r');
    expect(originalOf(rendered, original, 8, 9)).toBe('d');
  });

  it('drops soft hyphens and zero-width characters before reading comma-separated rows, numbers mapped back whole', () => {
    const rows = ['统计指标,单位,统计数', '1.当面申请数,件,13\u00ad8', '2.传真申请数,件,', '3.网络申请数,件,2\u200b02', '4.信函申请数,件,148', '（二）申请办结数,件,48\u00ad6'];
    const original = rows.join('\n');
    const rendered = renderDocument(original);
    expect(rendered.text.split('\n')[1]).toBe('1.当面申请数\t件\t138');
    expect(rendered.text.split('\n')[2]).toBe('2.传真申请数\t件\t');
    expect(originalOfFound(rendered, original, '138')).toBe('13\u00ad8');
    expect(rendersAsHtml(original)).toBe(false);
  });

  it('passes plain text through unchanged, "<" and "&" included', () => {
    const original = '统计指标\t单位\t统计数\n收到申请数 < 10 &nbsp; 件\n<p>只有一个标签</p>\n';
    expect(isHtml(original)).toBe(false);
    expect(renderDocument(original).text).toBe(original);
  });

  it('leaves markdown with <br> in its cells as plain text', () => {
    const original = '| 收到申请数<br>（件） | 5 |\n|---|---|\n| 办结数<br/>（件） | 5 |\n| 答复数<br> | 5 |\n';
    expect(renderDocument(original).text).toBe(original);
  });

  it('keeps the line structure of crawler output with bare CR cells (wild/40)', () => {
    const original = readFileSync(new URL('../../test/fixtures/wild/40_hebei-jyt_2019_gov2019.txt', import.meta.url), 'utf8');
    const rendered = renderDocument(original);
    expect(rendered.text).not.toContain('\r');
    const crCount = (original.match(/\r\n|\r/gu) ?? []).length;
    const lfCount = (original.match(/\n/gu) ?? []).length - (original.match(/\r\n/gu) ?? []).length;
    expect(rendered.text.split('\n').length - 1).toBe(crCount + lfCount);
  });
});

describe('renderDocument: HTML', () => {
  it('drops script, style, head, nav, header, footer, noscript and comments; never renders attributes', () => {
    const original = [
      '<!DOCTYPE html><html><head><title>页面标题</title><meta charset="utf-8"><style>td { color: red }</style>',
      '<script>var x = "<td>99</td>"; document.write("<p>脚本</p>");</script></head>',
      '<body><header>网站首页 | 导航</header><nav><a href="/">首页</a></nav><!-- 注释 <td>1</td> -->',
      '<div>正文第一段</div><img src="x.png" onerror="alert(\'攻击\')"><noscript>请启用脚本</noscript>',
      '<p>正文第二段<br>换行后</p><footer>版权所有 第 1 页</footer></body></html>',
    ].join('\n');
    const text = renderDocument(original).text;
    expect(text).toBe('正文第一段\n正文第二段\n换行后\n');
    for (const dropped of ['页面标题', 'color', '99', '脚本', '导航', '首页', '注释', 'alert', '攻击', '启用', '版权']) {
      expect(text).not.toContain(dropped);
    }
  });

  it('keeps the lines of the text around an HTML table in markdown', () => {
    const original = '# 年度报告\n\n一、总体情况\n收到申请 5 件\n<table><tr><td>规章</td><td>13</td></tr><tr><td>a</td><td>b</td></tr></table>\n二、其他\n无\n';
    expect(renderDocument(original).text).toBe('# 年度报告\n\n一、总体情况\n收到申请 5 件\n规章\t13\na\tb\n二、其他\n无\n');
  });

  it('keeps an <article>\'s own header', () => {
    const original = '<body><header>站点导航</header><article><header><h1>2019年度报告</h1></header><p>正文</p></article></body>';
    expect(renderDocument(original).text).toBe('2019年度报告\n正文\n');
  });

  it('decodes entities, &nbsp; as a space', () => {
    const original = '<p>A&amp;B&nbsp;C&lt;D&gt;&#x4E00;&#20108;&quot;&hellip;&unknown;&nbsp</p><p>x</p><p>y</p>';
    expect(renderDocument(original).text).toBe('A&B C<D>一二"…&unknown; \nx\ny\n');
  });

  it('renders each table row as one line of tab-separated cells, honouring colspan and rowspan', () => {
    const original = `<table>
      <tr><td rowspan="2">行政复议</td><td colspan="2">结果</td><td>总计</td></tr>
      <tr><td>维持</td><td>纠正</td><td>&nbsp;</td></tr>
      <tr><td>  5 </td><td></td><td>
          2</td><td>7</td></tr>
      <tr><td colspan="4">合 计<br/>说明</td></tr>
    </table>`;
    expect(renderDocument(original).text).toBe(['行政复议\t结果\t\t总计', '\t维持\t纠正\t', '5\t\t2\t7', '合 计 说明\t\t\t', ''].join('\n'));
  });

  it('leaves an empty cell where a rowspan from above covers the last columns', () => {
    const original = '<table><tr><td>a</td><td rowspan="3">b</td></tr><tr><td>c</td></tr><tr><td>d</td></tr><tr><td>e</td><td>f</td></tr></table>';
    expect(renderDocument(original).text).toBe('a\tb\nc\t\nd\t\ne\tf\n');
  });

  it('recovers rows and cells whose end tags are missing', () => {
    const original = '<table><tr><td>规章<td>13<tr><td>规范性文件<td>60</table><p>后文';
    expect(renderDocument(original).text).toBe('规章\t13\n规范性文件\t60\n后文\n');
  });

  it('collapses the text inside a cell, blocks included', () => {
    const original = '<table><tr><td><p>本年新</p>\n<p>制作数量</p></td><td>\n\t 13 \n</td></tr><tr><td>x</td><td>y</td></tr></table>';
    expect(renderDocument(original).text).toBe('本年新 制作数量\t13\nx\ty\n');
  });

  it('renders layout tables as blocks and the data tables inside them as rows', () => {
    const original = '<table><tr><td><p>报告正文</p><table><tr><td>规章</td><td>13</td></tr><tr><td>规范性文件</td><td>60</td></tr></table></td></tr></table>';
    expect(renderDocument(original).text).toBe('报告正文\n规章\t13\n规范性文件\t60\n');
  });

  it('maps every rendered cell back to its text in the markup', () => {
    const original = '<table><tr><td class="x">规章</td><td>1&nbsp;3</td></tr><tr><td>a</td><td>b</td></tr></table>';
    const rendered = renderDocument(original);
    expect(rendered.text).toBe('规章\t1 3\na\tb\n');
    expect(originalOfFound(rendered, original, '规章')).toBe('规章');
    expect(originalOfFound(rendered, original, '1 3')).toBe('1&nbsp;3');
  });
});

describe('renderDocument: HTML escaped inside a JavaScript string', () => {
  it('unescapes \\" \\/ \\n \\uXXXX and drops the wrapper code', () => {
    const original = 'var content = "<table border=\\"1\\"><tr><td>\\u89c4\\u7ae0<\\/td><td>13<\\/td><\\/tr>\\n<tr><td>a<\\/td><td>b<\\/td><\\/tr><\\/table><p>\\"引号\\"<\\/p>";\n';
    const rendered = renderDocument(original);
    expect(rendered.text).toBe('规章\t13\na\tb\n"引号"\n');
    expect(originalOfFound(rendered, original, '规章')).toBe('\\u89c4\\u7ae0');
    expect(originalOfFound(rendered, original, '13')).toBe('13');
  });

  it('reads JSON with \\u003c-escaped markup', () => {
    const original = '{"html":"\\u003ctable\\u003e\\u003ctr\\u003e\\u003ctd\\u003e总计\\u003c/td\\u003e\\u003ctd\\u003e5\\u003c/td\\u003e\\u003c/tr\\u003e\\u003c/table\\u003e"}';
    expect(renderDocument(original).text).toBe('总计\t5\n');
  });

  it('renders the Shanghai portal data file (wild/13) with its tables aligned', () => {
    const original = readFileSync(new URL('../../test/fixtures/wild/13_shanghai_bgt_2019_html_escaped.txt', import.meta.url), 'utf8');
    const rendered = renderDocument(original);
    const lines = rendered.text.split('\n');
    expect(lines[0]).toBe('2019年上海市人民政府办公厅政府信息公开工作年度报告');
    expect(lines).toContain('规章\t13\t13\t\t524');
    expect(lines).toContain('政府集中采购\t6\t\t251000元\t');
    expect(lines).toContain('一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859');
    expect(lines).toContain('\t（七）总计\t\t767\t35\t\t\t2\t1\t805');
    expect(lines).toContain('5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t');
    expect(rendered.text).not.toMatch(/<\/?[a-z]+[\s>]|\\"|let content|&nbsp;/u);
    expect(rendered.text).toContain('《上海市贯彻<长江三角洲区域一体化发展规划纲要>实施方案》');
    expect(originalOfFound(rendered, original, '524')).toBe('524');
  });
});

describe('renderDocument: tables built of divs', () => {
  const row = (...cells: string[]) => `<div class="tr" style="display:flex">${cells.map((cell) => `<div class="td"><p>${cell}</p></div>`).join('')}</div>`;

  it('renders a CSS table of divs as a table: a line a row, its cells apart, blanks as empty cells', () => {
    const original = `<html><body><p>二、主动公开政府信息情况</p><div class="table">${row('指标', '单位', '统计数')}\n${row('收到申请数', '件', '5')}\n${row('当面申请数', '件', '&nbsp;')}\n${row('网络申请数', '件', '')}\n</div><p>三、其他</p></body></html>`;
    const rendered = renderDocument(original);
    expect(rendered.text).toBe('二、主动公开政府信息情况\n指标\t单位\t统计数\n收到申请数\t件\t5\n当面申请数\t件\t\n网络申请数\t件\t\n三、其他\n');
    expect(originalOfFound(rendered, original, '5\n')).toBe('5</p></div></div>');
  });

  it('keeps paragraphs, page columns and single rows of divs as blocks', () => {
    const sentence = '本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进政务公开工作，取得了较好成效。';
    // Divs of paragraphs side by side: their cells are sentences, not a form's cells.
    const paragraphs = `<div>${[1, 2, 3].map((index) => `<div><div>（${index}）</div><div>${sentence}</div></div>`).join('')}</div>`;
    expect(renderDocument(paragraphs).text).not.toContain('\t');
    // Page columns: a column holding two containers side by side is page layout.
    const columns = `<div>${[1, 2, 3].map(() => '<div><div><div>菜单</div><div>首页</div></div><div>正文</div></div>').join('')}</div>`;
    expect(renderDocument(columns).text).not.toContain('\t');
    // Two rows are no grid.
    expect(renderDocument(`<div>${row('收到申请数', '5')}${row('办结数', '5')}</div>`).text).toBe('收到申请数\n5\n办结数\n5\n');
  });
});
