import { describe, expect, it } from 'vitest';
import { proposeAgencyKey } from './proposeAgencyKey.ts';
import { createRandom } from '../../eval/garble/random.ts';

/** The project's seeded PRNG (mulberry32), one copy for every generator. */
const random = createRandom;

const NAMES = ['上海市科学技术委员会', '河北省教育厅', '淮安市洪泽区人民政府', '宁波保税区(出口加工区)管理委员会', '沭阳县发展和改革局', '银川经济技术开发区'];
const toFullWidth = (text: string) => text.replace(/[()]/gu, (character) => String.fromCharCode(character.charCodeAt(0) + 0xfee0));

describe('proposeAgencyKey', () => {
  it('expands the abbreviations of the issue, with the evidence', () => {
    expect(proposeAgencyKey('上海市科委')).toMatchObject({ key: '上海市科学技术委员会', confidence: 1 });
    expect(proposeAgencyKey('北京市科委')).toMatchObject({ key: '北京市科学技术委员会', evidence: [{ rule: 'abbreviation', from: '科委', to: '科学技术委员会' }] });
    expect(proposeAgencyKey('某市发改委').key).toBe('某市发展和改革委员会');
    expect(proposeAgencyKey('银川经开区管委会').key).toBe('银川经济技术开发区管理委员会');
    expect(proposeAgencyKey('上海市政府办公厅').key).toBe('上海市人民政府办公厅');
    // 政府 inside 人民政府 is not expanded again.
    expect(proposeAgencyKey('上海市人民政府').evidence).toEqual([]);
  });

  it('keeps an office and its government apart', () => {
    expect(proposeAgencyKey('上海市人民政府办公厅').key).not.toBe(proposeAgencyKey('上海市人民政府').key);
    expect(proposeAgencyKey('孝感市政府办公室').key).toBe('孝感市人民政府办公室');
  });

  it('drops a bracket that abbreviates the name itself, not one that is part of the name', () => {
    expect(proposeAgencyKey('上海市科学技术委员会（市科委）').key).toBe('上海市科学技术委员会');
    expect(proposeAgencyKey('宁波保税区（出口加工区）管委会').key).toBe('宁波保税区(出口加工区)管理委员会');
    expect(proposeAgencyKey('某市财政局（市科委）').key).toBe('某市财政局(市科学技术委员会)');
  });

  it('reads a joint party and administrative committee as the administrative one', () => {
    expect(proposeAgencyKey('平潭综合实验区党工委、管委会').key).toBe('平潭综合实验区管理委员会');
    expect(proposeAgencyKey('平潭综合实验区党工委，管委会').key).toBe('平潭综合实验区管理委员会');
  });

  it('proposes no key for a missing or bare generic name', () => {
    for (const name of ['', '  ', '人民政府', '政府', '办公室', '管委会']) expect(proposeAgencyKey(name)).toMatchObject({ key: null, confidence: 0 });
  });

  it('gives the same key whatever spaces and full-width forms the crawler left (seeded)', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      const name = NAMES[Math.floor(next() * NAMES.length)]!;
      let garbled = '';
      for (const character of name) garbled += character + (next() < 0.2 ? [' ', '\u3000', '\u00a0', '\u200b'][Math.floor(next() * 4)]! : '');
      if (next() < 0.5) garbled = toFullWidth(garbled);
      if (next() < 0.3) garbled = ` ${garbled}\n`;
      expect(proposeAgencyKey(garbled).key, JSON.stringify(garbled)).toBe(proposeAgencyKey(name).key);
    }
  });
});
