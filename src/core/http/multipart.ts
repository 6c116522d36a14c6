import { Busboy, type BusboyHeaders, type BusboyInstance } from '@fastify/busboy';
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';
import { badCharactersError, hasBadCharacters, withoutBadCharacters } from './input-rules.js';

/**
 * Reading a multipart form without trusting it. The body is read only here, in the handler, after
 * the session, the CSRF token and the object-level rights were checked (the multipart content type
 * parser of app.ts reads nothing). File parts stream: each is kept only within its limit and the
 * quota left, checked while the bytes arrive; a refused part is never buffered, and once a request
 * is refused no later file is kept either, since a refused request stores nothing. The body is
 * read up to `bodyBytes`, and up to `afterRefusalBytes` past a refusal (the fields after a refused
 * file still come back, the rest of a huge file does not): then reading stops, and the connection
 * is closed after the answer (the onSend hook of app.ts), so the rest is never read.
 */

/** The quota a request may still fill: files and bytes. */
export interface UploadQuota {
  files: number;
  bytes: number;
}

export interface UploadRules {
  /** Most bytes a file sent in this field may have; 0 when the field takes no file. */
  maxFileBytes(field: string): number;
  /** The quota left before this request's files, given the fields read so far (e.g. removals). */
  quota(fields: Record<string, unknown>): UploadQuota;
  /** Most bytes of body read, files included; past it reading stops. */
  bodyBytes: number;
  /**
   * Most bytes read past a refusal: enough for the typed fields that follow a refused file, not
   * for the rest of a file sent to fill the server. Past it reading stops.
   */
  afterRefusalBytes: number;
}

export type UploadRefusal =
  | { reason: 'not_a_file_field'; field: string; name: string }
  | { reason: 'too_large'; field: string; name: string; maxBytes: number }
  | { reason: 'quota_files'; field: string; name: string }
  | { reason: 'quota_bytes'; field: string; name: string }
  | { reason: 'body_too_large' };

export interface ReadFile {
  field: string;
  /** The sender's file name: display text only. */
  name: string;
  data: Buffer;
}

export interface MultipartForm {
  fields: Record<string, unknown>;
  files: ReadFile[];
  /** The first reason the request's files were refused, or null. */
  refusal: UploadRefusal | null;
  /** False when reading stopped at a limit: the fields after that point never came. */
  complete: boolean;
}

/** Fields keep their order; a repeated name becomes a list, as @fastify/formbody gives it. */
function addField(fields: Record<string, unknown>, name: string, value: string): void {
  const previous = fields[name];
  if (previous === undefined) fields[name] = value;
  else if (Array.isArray(previous)) previous.push(value);
  else fields[name] = [previous, value];
}

/** A multipart form with no file kept at all: what a request that may not upload sends (its file bytes are skipped). */
export const NO_FILES: Pick<UploadRules, 'maxFileBytes' | 'quota'> = {
  maxFileBytes: () => 0,
  quota: () => ({ files: 0, bytes: 0 }),
};

export function readMultipartForm(request: FastifyRequest, rules: UploadRules): Promise<MultipartForm> {
  const raw = request.raw;
  const fields: Record<string, unknown> = {};
  const files: ReadFile[] = [];
  let refusal: UploadRefusal | null = null;
  let keptBytes = 0;
  let bodyRead = 0;
  let readLimit = rules.bodyBytes;
  let complete = true;
  return new Promise<MultipartForm>((resolve, reject) => {
    let settled = false;
    let busboy: BusboyInstance;
    const finish = (error?: Error) => {
      if (settled) return;
      settled = true;
      raw.removeListener('data', count);
      raw.removeListener('error', finish);
      raw.removeListener('aborted', aborted);
      if (error) reject(error);
      else resolve({ fields, files, refusal, complete });
    };
    const aborted = () => finish(new HttpError(400, 'request aborted', 'aborted'));
    const count = (chunk: Buffer) => {
      bodyRead += chunk.length;
      if (bodyRead <= readLimit) return;
      // Stop reading here: what was read is kept, the rest never will be (the connection closes).
      raw.unpipe(busboy);
      raw.pause();
      refusal ??= { reason: 'body_too_large' };
      complete = false;
      finish();
    };
    try {
      busboy = new Busboy({
        headers: raw.headers as BusboyHeaders,
        preservePath: true,
        // Files are limited below, part by part; these bound what busboy itself keeps.
        limits: { fieldSize: 1024 * 1024, fields: 500, parts: 1000, headerPairs: 100 },
      });
    } catch (error) {
      reject(
        new HttpError(400, error instanceof Error ? error.message : 'malformed multipart form', 'malformed_multipart'),
      );
      return;
    }
    // The platform's input rule (input-rules.ts) holds here too: a name, value or file name with a NUL, a
    // lone surrogate or bad UTF-8 stops the read with a 400 naming the field.
    const breaksRule = (field: string, ...texts: (string | undefined)[]): boolean => {
      if (!texts.some((text) => text !== undefined && hasBadCharacters(text))) return false;
      raw.unpipe(busboy);
      raw.pause();
      complete = false;
      finish(badCharactersError(withoutBadCharacters(field)));
      return true;
    };
    busboy.on('field', (name: string, value: string) => {
      if (!breaksRule(name, name, value)) addField(fields, name, value);
    });
    busboy.on(
      'file',
      (field: string, stream: NodeJS.ReadableStream & { resume(): void }, filename: string | undefined) => {
        if (breaksRule(field, field, filename)) return stream.resume();
        const name = filename ?? '';
        const chunks: Buffer[] = [];
        let size = 0;
        let limit = -1;
        let refused = refusal !== null;
        const refuse = (why: UploadRefusal) => {
          if (!refusal) readLimit = Math.min(readLimit, bodyRead + rules.afterRefusalBytes);
          refusal ??= why;
          refused = true;
          chunks.length = 0;
        };
        stream.on('data', (chunk: Buffer) => {
          if (refused) return;
          if (limit < 0) {
            // The first byte of a file: is it wanted, and how much of it may be kept?
            const fileMax = rules.maxFileBytes(field);
            const left = rules.quota(fields);
            if (fileMax <= 0) return refuse({ reason: 'not_a_file_field', field, name });
            if (files.length + 1 > left.files) return refuse({ reason: 'quota_files', field, name });
            limit = Math.min(fileMax, left.bytes - keptBytes);
          }
          size += chunk.length;
          if (size > limit) {
            const fileMax = rules.maxFileBytes(field);
            return refuse(
              size > fileMax
                ? { reason: 'too_large', field, name, maxBytes: fileMax }
                : { reason: 'quota_bytes', field, name },
            );
          }
          chunks.push(chunk);
        });
        stream.on('end', () => {
          // An empty file input still sends a part with no name and no bytes: nothing was chosen.
          if (refused || (size === 0 && !name)) return;
          keptBytes += size;
          files.push({ field, name, data: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
        });
      },
    );
    busboy.on('finish', () => finish());
    busboy.on('error', (error: Error) =>
      finish(new HttpError(400, error.message || 'malformed multipart form', 'malformed_multipart')),
    );
    raw.on('data', count);
    raw.on('error', finish);
    raw.on('aborted', aborted);
    raw.pipe(busboy);
  });
}
