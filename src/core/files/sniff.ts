/**
 * What a file really is, read from its first bytes. The name and the type a browser announces are
 * chosen by the sender and prove nothing; the magic bytes are what other programs will trust.
 */
export interface SniffedType {
  contentType: string;
  /** Usual extension, without the dot, used to build a download name. */
  extension: string;
}

function startsWith(buffer: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (buffer.length < offset + bytes.length) return false;
  return bytes.every((b, i) => buffer[offset + i] === b);
}

function ascii(buffer: Uint8Array, start: number, end: number): string {
  return Buffer.from(buffer.subarray(start, Math.min(end, buffer.length))).toString('latin1');
}

/** ZIP containers: OpenDocument declares its type in a first stored entry; Office Open XML by its folders. */
function sniffZip(buffer: Uint8Array): SniffedType {
  const head = ascii(buffer, 0, 64 * 1024);
  const odf = /^mimetype(application\/vnd\.oasis\.opendocument\.(text|spreadsheet|presentation))/.exec(
    ascii(buffer, 30, 120),
  );
  if (odf) {
    const extension = { text: 'odt', spreadsheet: 'ods', presentation: 'odp' }[
      odf[2] as 'text' | 'spreadsheet' | 'presentation'
    ];
    return { contentType: odf[1], extension };
  }
  if (head.includes('[Content_Types].xml')) {
    if (head.includes('word/'))
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        extension: 'docx',
      };
    if (head.includes('xl/'))
      return { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' };
    if (head.includes('ppt/'))
      return {
        contentType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        extension: 'pptx',
      };
  }
  return { contentType: 'application/zip', extension: 'zip' };
}

/** The content type of a file from its magic bytes, or null when it is none of the known kinds. */
export function sniffContentType(buffer: Uint8Array): SniffedType | null {
  if (startsWith(buffer, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { contentType: 'image/png', extension: 'png' };
  if (startsWith(buffer, [0xff, 0xd8, 0xff])) return { contentType: 'image/jpeg', extension: 'jpg' };
  if (startsWith(buffer, [0x52, 0x49, 0x46, 0x46]) && ascii(buffer, 8, 12) === 'WEBP')
    return { contentType: 'image/webp', extension: 'webp' };
  if (ascii(buffer, 0, 6) === 'GIF87a' || ascii(buffer, 0, 6) === 'GIF89a')
    return { contentType: 'image/gif', extension: 'gif' };
  if (ascii(buffer, 0, 5) === '%PDF-') return { contentType: 'application/pdf', extension: 'pdf' };
  if (startsWith(buffer, [0x50, 0x4b, 0x03, 0x04])) return sniffZip(buffer);
  if (startsWith(buffer, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { contentType: 'application/x-ole-storage', extension: 'bin' };
  if (startsWith(buffer, [0x1f, 0x8b])) return { contentType: 'application/gzip', extension: 'gz' };
  if (ascii(buffer, 4, 8) === 'ftyp') {
    const brand = ascii(buffer, 8, 12);
    if (brand === 'avif' || brand === 'avis') return { contentType: 'image/avif', extension: 'avif' };
    return { contentType: 'video/mp4', extension: 'mp4' };
  }
  if (ascii(buffer, 0, 4) === 'OggS') return { contentType: 'audio/ogg', extension: 'ogg' };
  if (ascii(buffer, 0, 3) === 'ID3' || startsWith(buffer, [0xff, 0xfb]))
    return { contentType: 'audio/mpeg', extension: 'mp3' };
  return null;
}

/** A short human label of a content type ("PDF", "PNG"…), for download links. */
export function contentTypeLabel(contentType: string): string {
  const labels: Record<string, string> = {
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/webp': 'WebP',
    'image/gif': 'GIF',
    'image/avif': 'AVIF',
    'application/pdf': 'PDF',
    'application/zip': 'ZIP',
    'application/vnd.oasis.opendocument.text': 'ODT',
    'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
    'application/vnd.oasis.opendocument.presentation': 'ODP',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  };
  return labels[contentType] ?? contentType.split('/').pop()!.toUpperCase();
}
