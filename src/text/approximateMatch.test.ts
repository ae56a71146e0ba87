import { describe, expect, it } from 'vitest';
import { alignFromStart, allowedLabelErrors, findApproximate } from './approximateMatch.ts';

describe('findApproximate', () => {
  it('finds a label with one OCR substitution anywhere in the window', () => {
    const text = '参加或举办新闻发布会总次数主要负贲同志参加新闻发布会次数政府网站在线访谈次数';
    const match = findApproximate('主要负责同志参加新闻发布会次数', text, 0, text.length, 2)!;
    expect(text.slice(match.start, match.end)).toBe('主要负贲同志参加新闻发布会次数');
    expect(match.errors).toBe(1);
  });

  it('finds nothing when every reading needs more edits than allowed', () => {
    expect(findApproximate('涉及商业秘密', '涉及国家秘密涉及个人隐私', 0, 12, 1)).toBeUndefined();
  });

  it('searches only the window it is given', () => {
    const text = '被依法纠错数其他情形数被依法纠错数';
    expect(findApproximate('被依法纠错数', text, 6, text.length, 0)).toEqual({ start: 11, end: 17, errors: 0 });
  });
});

describe('alignFromStart', () => {
  it('extends a label over its wrapped note, allowing a dropped character', () => {
    const text = '政府信息公开专项经费不包括用于政府公报编辑管理及政府网站建设维护等方面经费九政府';
    const pattern = '政府信息公开专项经费不包括用于政府公报编辑管理及政府网站建设维护等方面的经费';
    const match = alignFromStart(pattern, text, 0, text.length, allowedLabelErrors(pattern.length))!;
    expect(text.slice(0, match.end)).toBe('政府信息公开专项经费不包括用于政府公报编辑管理及政府网站建设维护等方面经费');
    expect(match.errors).toBe(1);
  });
});

describe('allowedLabelErrors', () => {
  it('allows no error in very short labels, one in short ones, more in long ones', () => {
    expect(allowedLabelErrors(4)).toBe(0);
    expect(allowedLabelErrors(5)).toBe(1);
    expect(allowedLabelErrors(19)).toBe(2);
  });
});

describe('findApproximate: ties', () => {
  it('covers a garbled last character rather than stopping before it', () => {
    const text = '件42属于已主动公开范围敫件';
    const match = findApproximate('属于已主动公开范围数', text, 0, text.length, 1)!;
    expect(text.slice(match.start, match.end)).toBe('属于已主动公开范围敫');
    expect(match.errors).toBe(1);
  });
});
