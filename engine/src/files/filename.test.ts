import { describe, expect, it } from 'vitest';
import { safeFilename } from './filename.js';

describe('safeFilename', () => {
  it('keeps a Chinese name as it is', () => {
    expect(safeFilename('张三 执业证书.pdf', 'application/pdf')).toBe('张三 执业证书.pdf');
    expect(safeFilename('身份证正面.JPG', 'image/jpeg')).toBe('身份证正面.JPG');
  });

  it('strips directories, in either slash style', () => {
    expect(safeFilename('../../etc/passwd.png', 'image/png')).toBe('passwd.png');
    expect(safeFilename('C:\\Users\\张三\\照片.png', 'image/png')).toBe('照片.png');
    expect(safeFilename('..', 'image/png')).toBe('附件.png');
  });

  it('removes control and invisible characters, and collapses whitespace', () => {
    expect(safeFilename('报名\u0000表\u0007.pdf', 'application/pdf')).toBe('报名表.pdf');
    expect(safeFilename('照片\u202Egpj.exe.png', 'image/png')).toBe('照片gpj.exe.png');
    expect(safeFilename('  学历\t\n证书\u3000扫描件 .pdf', 'application/pdf')).toBe('学历 证书 扫描件.pdf');
  });

  it('replaces characters Windows refuses in file names', () => {
    expect(safeFilename('a<b>:c|d?.pdf', 'application/pdf')).toBe('a_b__c_d_.pdf');
  });

  it('gives the name the extension of its real content type', () => {
    expect(safeFilename('报名表.jpg', 'image/png')).toBe('报名表.png');
    expect(safeFilename('证书.html', 'application/pdf')).toBe('证书.pdf');
    expect(safeFilename('照片', 'image/jpeg')).toBe('照片.jpg');
    expect(safeFilename('2024.05', 'application/pdf')).toBe('2024.05.pdf');
    expect(safeFilename('photo.jpeg', 'image/jpeg')).toBe('photo.jpeg');
  });

  it('falls back to 附件 when nothing of the name is left', () => {
    expect(safeFilename('', 'image/png')).toBe('附件.png');
    expect(safeFilename('\u0001\u0002.png', 'image/png')).toBe('附件.png');
  });

  it('shortens long names to 200 code points, keeping the extension and whole characters', () => {
    const name = safeFilename(`${'😀'.repeat(150)}${'医'.repeat(150)}.pdf`, 'application/pdf');
    expect(Array.from(name)).toHaveLength(200);
    expect(name.endsWith('医.pdf')).toBe(true);
    expect(/\p{Cs}/u.test(name)).toBe(false); // no half of a surrogate pair
  });
});
