import type { FastifyRequest } from 'fastify';
import { HttpError } from '../../../core/http/errors.js';
import { FormReader, formMessages } from '../../../core/http/forms.js';
import { BAD_CHARACTERS } from '../../../core/http/input-rules.js';
import { readMultipartForm } from '../../../core/http/multipart.js';

const FIELDS_BYTES = 256 * 1024;

/** A form that may carry one file (evidence or photo), read once the route checked who sends it. */
export interface UploadedForm {
  form: FormReader;
  file?: { data: Buffer; name: string };
  /** The file was over its limit (or the body too large): refused while streaming, never kept. */
  tooLarge: boolean;
}

/**
 * Reads a multipart form (one file in `fileField`, at most `maxBytes`) or a plain urlencoded one. A text field
 * with a NUL byte or a lone surrogate stops the read: the form comes back with that field in error.
 */
export async function readUploadForm(
  request: FastifyRequest,
  fileField: string,
  maxBytes: number,
): Promise<UploadedForm> {
  const fields: Record<string, unknown> = {};
  let file: UploadedForm['file'];
  let tooLarge = false;
  let badField: string | null = null;
  if (request.isMultipart()) {
    try {
      const read = await readMultipartForm(request, {
        maxFileBytes: (field) => (field === fileField ? maxBytes : 0),
        quota: () => ({ files: 1, bytes: maxBytes }),
        bodyBytes: maxBytes + FIELDS_BYTES,
        afterRefusalBytes: FIELDS_BYTES,
      });
      for (const [name, value] of Object.entries(read.fields)) fields[name] = value;
      const sent = read.files.find((f) => f.field === fileField && f.data.length > 0);
      if (sent) file = { data: sent.data, name: sent.name };
      tooLarge = read.refusal !== null;
    } catch (error) {
      if (!(error instanceof HttpError) || error.code !== BAD_CHARACTERS) throw error;
      badField = error.message;
    }
  } else if (request.body && typeof request.body === 'object') {
    Object.assign(fields, request.body);
  }
  const form = new FormReader(fields);
  if (badField) {
    form.values[badField] = '';
    form.fail(badField, formMessages.badCharacters);
  }
  return { form, file, tooLarge };
}
