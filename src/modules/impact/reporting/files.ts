import { sniffContentType } from '../../../core/files/sniff.js';

export const MAX_EVIDENCE_BYTES = 10 * 1024 * 1024;
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** What may justify a value, read from its bytes: documents, spreadsheets, images. Never HTML or SVG. */
const EVIDENCE_TYPES: readonly string[] = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/webp',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** A testimony's photo: shown on public pages, so only the three image types every browser reads. */
const PHOTO_TYPES: readonly string[] = ['image/jpeg', 'image/png', 'image/webp'];

export type FileProblem = 'empty' | 'too_large' | 'type';
export type FileCheck = { ok: true; contentType: string } | { ok: false; problem: FileProblem };

function check(data: Buffer, max: number, types: readonly string[]): FileCheck {
  if (data.length === 0) return { ok: false, problem: 'empty' };
  if (data.length > max) return { ok: false, problem: 'too_large' };
  const sniffed = sniffContentType(data);
  if (!sniffed || !types.includes(sniffed.contentType)) return { ok: false, problem: 'type' };
  return { ok: true, contentType: sniffed.contentType };
}

/** Whether a file's bytes (never its name) may be a value's evidence. */
export const checkEvidence = (data: Buffer): FileCheck => check(data, MAX_EVIDENCE_BYTES, EVIDENCE_TYPES);
/** Whether a file's bytes may be a testimony's photo. */
export const checkPhoto = (data: Buffer): FileCheck => check(data, MAX_PHOTO_BYTES, PHOTO_TYPES);
