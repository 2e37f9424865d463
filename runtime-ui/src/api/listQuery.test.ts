import { describe, expect, it } from 'vitest';
import { listQueryString } from './listQuery';

describe('listQueryString', () => {
  it('given an empty filter value, then it is kept: the records where that field has no value', () => {
    expect(listQueryString({ page: 1, pageSize: 20, q: '', filters: { standardPost: '' } })).toBe('?standardPost=&page=1&pageSize=20');
  });

  it('given text with reserved characters, then it is encoded; nothing given, nothing sent', () => {
    expect(listQueryString({ q: '内科 & 外科', filters: { parentId: 'a/b' } })).toBe(`?parentId=a%2Fb&q=${encodeURIComponent('内科').replace(/%20/g, '+')}+%26+${encodeURIComponent('外科')}`);
    expect(listQueryString()).toBe('');
  });
});
