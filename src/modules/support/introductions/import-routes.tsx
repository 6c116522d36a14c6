import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../core/http/forms.js';
import { readMultipartForm } from '../../../core/http/multipart.js';
import { html } from '../../../core/http/replies.js';
import { actorOf, viewContext } from '../../../core/http/request-context.js';
import type { App } from '../../../core/http/route-schemas.js';
import type { Services } from '../../../core/services.js';
import { listOf } from './contact-input.js';
import { CONTACTS } from './contact-routes.js';
import { type DuplicateMode, importContacts, MAX_IMPORT_BYTES, planImport } from './import-contacts.js';
import { introductionMessages as m } from './messages.js';
import { CONTACTS_PATH } from './views/contacts.js';
import { IMPORT_PATH, ImportPage, ImportPreviewPage } from './views/import.js';

const modeOf = (value: unknown): DuplicateMode => (value === 'update' ? 'update' : 'skip');
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * The directory's CSV import: upload, a preview with the errors of each line, then the valid lines imported in
 * one transaction. Between the preview and the confirmation the file is nowhere but in the page (base64 in a
 * hidden field): a cancelled import leaves nothing behind, not even the personal data it held.
 */
export async function importRoutes(app: App, services: Services): Promise<void> {
  async function renderUpload(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    mode: DuplicateMode,
    fileError?: FieldError,
  ) {
    const ctx = await viewContext(request, reply);
    return html(reply, status, <ImportPage ctx={ctx} mode={mode} fileError={fileError} />);
  }

  app.get(IMPORT_PATH, { config: CONTACTS }, async (request, reply) => renderUpload(request, reply, 200, 'skip'));

  app.post(IMPORT_PATH, { config: CONTACTS }, async (request, reply) => {
    if (!request.isMultipart()) return renderUpload(request, reply, 400, 'skip', { message: m.fileRequired });
    const form = await readMultipartForm(request, {
      maxFileBytes: (field) => (field === 'file' ? MAX_IMPORT_BYTES : 0),
      quota: () => ({ files: 1, bytes: MAX_IMPORT_BYTES }),
      bodyBytes: MAX_IMPORT_BYTES + 64 * 1024,
      afterRefusalBytes: 64 * 1024,
    });
    const mode = modeOf(form.fields.mode);
    if (form.refusal && form.refusal.reason !== 'not_a_file_field')
      return renderUpload(request, reply, 413, mode, { message: m.fileTooLarge });
    const file = form.files.find((f) => f.field === 'file');
    if (!file || file.data.length === 0) return renderUpload(request, reply, 400, mode, { message: m.fileRequired });
    const plan = await planImport(services.db, file.data, mode);
    // A problem of the whole file (encoding, header, size) comes back on the upload form.
    const whole = plan.errors.find((e) => e.line === 0);
    if (whole && plan.total === 0) return renderUpload(request, reply, 400, mode, whole.error);
    const ctx = await viewContext(request, reply);
    return html(
      reply,
      200,
      <ImportPreviewPage ctx={ctx} plan={plan} mode={mode} data={file.data.toString('base64')} />,
    );
  });

  app.post(`${IMPORT_PATH}/confirmer`, { config: CONTACTS }, async (request, reply) => {
    const mode = modeOf(listOf(request.body, 'mode')[0]);
    const data = listOf(request.body, 'data')[0] ?? '';
    if (!data || data.length > (MAX_IMPORT_BYTES * 4) / 3 + 8 || !BASE64.test(data))
      return renderUpload(request, reply, 400, mode, { message: m.payloadBroken });
    const result = await importContacts(services, actorOf(request), Buffer.from(data, 'base64'), mode);
    if (!result.ok) {
      const whole = result.plan.errors.find((e) => e.line === 0);
      return renderUpload(request, reply, 400, mode, whole?.error ?? { message: m.nothingToImport });
    }
    return reply.redirect(
      `${CONTACTS_PATH}?ok=import&n=${result.created}&u=${result.updated}&s=${result.skipped}`,
      303,
    );
  });
}
