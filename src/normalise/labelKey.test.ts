import { describe, expect, it } from 'vitest';
import { gov2014Fields } from '../templates/fields/gov2014Fields.ts';
import { canonicalLabel, labelSimilarity } from './labelKey.ts';

describe('canonicalLabel', () => {
  it('strips ordinals, 其中, notes, punctuation, spaces and quotes', () => {
    expect(canonicalLabel('（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）')).toBe('主动公开政府信息数');
    expect(canonicalLabel('(一)收到申请数')).toBe('收到申请数');
    expect(canonicalLabel('1.政府公报公开政府信息数')).toBe('政府公报公开政府信息数');
    expect(canonicalLabel('1、政府公报公开政府信息数')).toBe('政府公报公开政府信息数');
    expect(canonicalLabel('１．政府公报公开政府信息数')).toBe('政府公报公开政府信息数');
    expect(canonicalLabel('①政府公报公开政府信息数')).toBe('政府公报公开政府信息数');
    expect(canonicalLabel('四、行政复议数量')).toBe('行政复议数量');
    expect(canonicalLabel('其中：主动公开规范性文件数')).toBe('主动公开规范性文件数');
    expect(canonicalLabel('其中:涉及国家秘密')).toBe('涉及国家秘密');
    expect(canonicalLabel('统 计 指 标')).toBe('统计指标');
    expect(canonicalLabel('3.危及“三安全一稳定”')).toBe('危及三安全一稳定');
    expect(canonicalLabel('不是《条例》所指政府信息')).toBe('不是条例所指政府信息');
    expect(canonicalLabel('本年增/减')).toBe('本年增减');
  });

  it('drops a note cut off by wrapping, keeps the label when it is all note', () => {
    expect(canonicalLabel('1.专职人员数（不包括政府公报及政府')).toBe('专职人员数');
    expect(canonicalLabel('（不包括政府公报及政府网站工作人员数）')).toBe('不包括政府公报及政府网站工作人员数');
  });

  it('repairs known OCR label noise', () => {
    expect(canonicalLabel('其中：主要负贲同志参加新闻发布会次数')).toBe('主要负责同志参加新闻发布会次数');
    expect(canonicalLabel('沐阳县')).toBe('沭阳县');
    expect(canonicalLabel('1.属于己主动公开范围数')).toBe('属于已主动公开范围数');
    expect(canonicalLabel('未经复议直接起诉')).toBe(canonicalLabel('末经复议直接起诉'));
  });
});

describe('labelSimilarity', () => {
  it('is 1 for the same label and high for variants of one row', () => {
    expect(labelSimilarity('（三）申请答复数', '申请答复数')).toBe(1);
    expect(labelSimilarity('社会组织', '社会公益组织')).toBeGreaterThanOrEqual(0.85);
    expect(labelSimilarity('规范性文件', '行政规范性文件')).toBeGreaterThanOrEqual(0.85);
    expect(labelSimilarity('维护具体行政行为', '（一）维持具体行政行为数')).toBeGreaterThanOrEqual(0.85);
    expect(labelSimilarity('专职人员数(不包括政府公报及政府', '1.专职人员数（不包括政府公报及政府网站工作人员数）')).toBeGreaterThanOrEqual(0.85);
    expect(labelSimilarity('主动公开政府信', '（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）')).toBeGreaterThanOrEqual(0.85);
    expect(labelSimilarity('处理决定数量', '本年处理决定数量')).toBeGreaterThanOrEqual(0.85);
  });

  it('is low between different rows of one form', () => {
    const different: [string, string][] = [
      ['政府网站公开政府信息数', '政务微博公开政府信息数'],
      ['政务微博公开政府信息数', '政务微信公开政府信息数'],
      ['按时办结数', '延期办结数'],
      ['行政复议数量', '行政诉讼数量'],
      ['当面申请数', '传真申请数'],
      ['结果维持', '结果纠正'],
      ['本年制发件数', '本年废止件数'],
      ['涉及国家秘密', '涉及商业秘密'],
      ['参加或举办新闻发布会总次数', '其中：主要负责同志参加新闻发布会次数'],
    ];
    for (const [first, second] of different) {
      expect(labelSimilarity(first, second), `${first} vs ${second}`).toBeLessThan(0.6);
      expect(labelSimilarity(second, first), `${second} vs ${first}`).toBeLessThan(0.6);
    }
  });

  it('is 0 when either label is empty', () => {
    expect(labelSimilarity('', '收到申请数')).toBe(0);
    expect(labelSimilarity('（一）', '')).toBe(0);
  });

  it('matches every gov-2014 label best to itself, also under noise', () => {
    const labels = gov2014Fields.map((field) => field.label);
    const noises: [string, (label: string) => string][] = [
      ['as printed', (label) => label],
      ['no ordinal, no note', (label) => canonicalLabel(label)],
      ['spaced out', (label) => Array.from(label).join(' ')],
      ['full-width ordinals', (label) => label.replace(/^(\d)\./u, (_, digit: string) => `${String.fromCharCode(0xff10 + Number(digit))}、`)],
      ['note cut by a wrap', (label) => cutNote(label)],
      ['OCR confusable', (label) => substituteMiddle(label, confusableOf)],
      ['OCR unknown character', (label) => substituteMiddle(label, () => '鑫')],
    ];
    const failures: string[] = [];
    for (const label of labels) {
      for (const [noiseName, noise] of noises) {
        const printed = noise(label);
        const own = labelSimilarity(printed, label);
        const best = labels.reduce((bestSoFar, candidate) =>
          labelSimilarity(printed, candidate) > labelSimilarity(printed, bestSoFar) ? candidate : bestSoFar,
        );
        if (canonicalLabel(best) !== canonicalLabel(label) || labelSimilarity(printed, best) > own) {
          failures.push(`${noiseName}: "${printed}" matched "${best}" (${labelSimilarity(printed, best).toFixed(2)}) over its own (${own.toFixed(2)})`);
        }
        const floor = noiseName === 'OCR unknown character' ? 0.6 : 0.85;
        if (own < floor) failures.push(`${noiseName}: "${printed}" scores only ${own.toFixed(2)} against "${label}"`);
      }
    }
    expect(failures).toEqual([]);
  });
});

const confusablePairs: Readonly<Record<string, string>> = { 已: '己', 未: '末', 责: '贲', 微: '徽', 复: '夏', 申: '中', 请: '清', 息: '患', 情: '悄', 府: '俯', 开: '幵', 性: '牲', 件: '仵' };

function confusableOf(character: string): string {
  return confusablePairs[character] ?? character;
}

/** Replaces the middle character of the label's text part (or, with confusableOf, the first confusable one). */
function substituteMiddle(label: string, replacement: (character: string) => string): string {
  const characters = Array.from(label);
  const confusableAt = characters.findIndex((character) => replacement(character) !== character && /\p{Script=Han}/u.test(character));
  const textStart = characters.findIndex((character) => /\p{Script=Han}/u.test(character));
  const at = replacement === confusableOf ? confusableAt : textStart + Math.floor((characters.length - textStart) / 2);
  if (at < 0) return label;
  characters[at] = replacement(characters[at]!);
  return characters.join('');
}

/** Cuts a bracketed note in its middle, as a line wrap in a narrow table cell does. */
function cutNote(label: string): string {
  const open = Math.max(label.lastIndexOf('（'), label.lastIndexOf('('));
  const close = label.length - 1;
  if (open <= 2 || !/[）)]/u.test(label[close]!)) return label;
  return label.slice(0, open + Math.ceil((close - open) / 2));
}

describe('canonicalLabel: ordinals inside a label', () => {
  it('keeps the item number of 第二十条第（五）项, so the sub-tables stay apart', () => {
    expect(canonicalLabel('第二十条第（五）项')).toBe('第二十条第五项');
    expect(labelSimilarity('第二十条第(五)项', '第二十条第（六）项')).toBeLessThan(0.6);
    expect(labelSimilarity('第二十条第(五)项', '第二十条第（五）项')).toBe(1);
  });

  it('drops a row number glued between two words', () => {
    expect(canonicalLabel('（六）其他处理3.其他')).toBe('其他处理其他');
    expect(canonicalLabel('（六）其他处理 3.其他')).toBe('其他处理其他');
  });
});
