import { describe, expect, it } from 'vitest';
import { findGridSections } from './findGridSections.ts';

/** Spaces every character and wraps the text every `width` characters, as narrow PDF table cells print labels. */
function wrapSpaced(text: string, width: number): string {
  const spaced = [...text].join(' ');
  const lines: string[] = [];
  for (let index = 0; index < spaced.length; index += width) lines.push(spaced.slice(index, index + width));
  return lines.join('\n');
}

const SECTION_TWO = '二、主动公开政府信息情况\n第二十条第（一）项\n信息内容\n规章\n1\n2\n3\n';
const SECTION_THREE = '三、收到和处理政府信息公开申请情况\n（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n申请人情况\n一、本年新收政府信息公开申请数量';
const SECTION_FOUR = '四、政府信息公开行政复议、行政诉讼情况\n行政复议\n行政诉讼';
const AFTER = '五、存在的主要问题及改进情况\n无。';

describe('findGridSections', () => {
  it('finds every section whatever the width its anchors are wrapped at', () => {
    for (let width = 3; width <= 16; width++) {
      const text = [SECTION_TWO, wrapSpaced(SECTION_THREE, width), '1\n0\n1', wrapSpaced(SECTION_FOUR, width), '0\n0', AFTER].join('\n');
      const regions = findGridSections(text);
      expect(regions['二'], `width ${width}`).toBeDefined();
      expect(text.slice(regions['三']!.start, regions['三']!.end), `width ${width}`).toContain('1\n0');
      expect(regions['四'], `width ${width}`).toBeDefined();
      expect(text.slice(regions['四']!.end)).not.toContain('0\n0');
    }
  });

  it('finds section 三 by its heading when OCR damaged the note, 申请人情况 and the first row label', () => {
    const damaged = '三、收到和处理政府信息公开申请情况\n（本列敫据的勾稽关系为：…）申请入情况\n一、本年新收政府信息公开申请敫量 21 0 21\n二、上年结转政府信息公开申请数量 0 0 0';
    const text = [SECTION_TWO, damaged, SECTION_FOUR, '0\n0', AFTER].join('\n');
    const region = findGridSections(text)['三'];
    expect(region).toBeDefined();
    expect(text.slice(region!.start, region!.end)).toContain('申请敫量 21 0 21');
  });

  it('starts a section at its numbered heading on a wrapped line that opens with the previous table\'s last rows, wherever the wrap falls', () => {
    // Flattened running text wrapped at a width: the wrap falls anywhere in 三's last rows, before 四's heading.
    const tail = '（七）总计 28 1 0 0 6 0 35 四、结转下年度继续办理 0 0 0 0 0 0 0 ';
    const four = '四、政府信息公开行政复议、行政诉讼情况 行政复议 行政诉讼 结果维持 0 0 0 0 0';
    for (let cut = 1; cut < tail.length; cut++) {
      const text = [SECTION_TWO, `${SECTION_THREE.replace(/\n/gu, ' ')} 21 0 21 ${tail.slice(0, cut)}\n${tail.slice(cut)}${four}`, AFTER].join('\n');
      const regions = findGridSections(text);
      const three = text.slice(regions['三']!.start, regions['三']!.end);
      expect(three.replace(/\s+/gu, ''), `cut ${cut}`).toContain(tail.replace(/\s+/gu, ''));
      expect(text.slice(regions['四']!.start), `cut ${cut}`).toMatch(/^\s*四、政府信息公开/u);
    }
  });

  it('starts a table run together with the narrative on one line at its anchor, not at the narrative', () => {
    const narrative = '一、总体情况 全年主动公开信息2748条，发布政策解读19篇，收到政府信息公开申请9件，均在法定期限内答复。'.repeat(4);
    const line = `${narrative} ${SECTION_TWO.replace(/\n/gu, ' ')}`;
    const regions = findGridSections(line);
    expect(line.slice(regions['二']!.start)).toMatch(/^第二十条/u);
  });
});
