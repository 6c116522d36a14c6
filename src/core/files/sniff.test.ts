import { describe, expect, it } from 'vitest';
import { contentTypeLabel, sniffContentType } from './sniff.js';
import { displayFileName, formatFileSize, urlFileName } from './store-file.js';

const bytes = (...values: number[]) => Buffer.from(values);

describe('sniffContentType', () => {
  it.each([
    [bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'image/png'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'image/jpeg'],
    [Buffer.concat([Buffer.from('RIFF'), bytes(0, 0, 0, 0), Buffer.from('WEBPVP8 ')]), 'image/webp'],
    [Buffer.from('GIF89a...'), 'image/gif'],
    [Buffer.from('%PDF-1.7\n'), 'application/pdf'],
    [
      Buffer.concat([
        bytes(0x50, 0x4b, 0x03, 0x04),
        Buffer.alloc(26),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.text'),
      ]),
      'application/vnd.oasis.opendocument.text',
    ],
    [
      Buffer.concat([
        bytes(0x50, 0x4b, 0x03, 0x04),
        Buffer.alloc(26),
        Buffer.from('[Content_Types].xml ... word/document.xml'),
      ]),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    [Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(40)]), 'application/zip'],
  ])('recognises %#', (buffer, type) => {
    expect(sniffContentType(buffer)?.contentType).toBe(type);
  });

  it('knows nothing of text, HTML, SVG or empty files', () => {
    for (const text of ['hello', '<html><script>alert(1)</script>', '<svg xmlns="http://www.w3.org/2000/svg"/>', '']) {
      expect(sniffContentType(Buffer.from(text))).toBeNull();
    }
  });

  it('labels types for download links', () => {
    expect(contentTypeLabel('application/pdf')).toBe('PDF');
    expect(contentTypeLabel('image/webp')).toBe('WebP');
  });
});

describe('file names', () => {
  it('keeps the sender’s name as display text only', () => {
    expect(displayFileName('a\u0000b\n/c.pdf')).toBe('ab/c.pdf');
    expect(displayFileName('   ')).toBe('fichier');
  });

  it('builds a download name with no path, markup or accents', () => {
    expect(urlFileName('../../etc/passwd', 'pdf')).toBe('passwd.pdf');
    expect(urlFileName('Été 2026 <b>.PNG', 'png')).toBe('ete-2026-b.png');
    expect(urlFileName('...', 'pdf')).toBe('fichier.pdf');
  });

  it('formats sizes in French and English', () => {
    expect(formatFileSize('fr', 607)).toBe('607 o');
    expect(formatFileSize('fr', 1_234_567)).toBe('1,2 Mo');
    expect(formatFileSize('en', 1_234_567)).toBe('1.2 MB');
  });
});
