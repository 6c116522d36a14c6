import type { FastifyReply, FastifyRequest } from 'fastify';
import { sniffContentType } from '../../../core/files/sniff.js';
import { readStoredFile, urlFileName } from '../../../core/files/store-file.js';
import type { FormReader } from '../../../core/http/forms.js';
import { notFound } from '../../../core/http/replies.js';
import { type Locale, type Message, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import type { ValueState } from '../tables.js';
import { type FileProblem, MAX_EVIDENCE_BYTES, MAX_PHOTO_BYTES } from './files.js';
import { MAX_TARGETS } from './forms.js';
import { reportingMessages as m } from './messages.js';
import { figureToInput } from './numbers.js';
import type { Indicator, ReportedValue } from './queries.js';
import { stateLabel } from './views/common.js';

/** Sends an evidence file as a download no browser renders or sniffs. */
export async function sendEvidence(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  fileId: string,
): Promise<FastifyReply> {
  const file = await readStoredFile(services.db, services.config.filesDir, fileId);
  if (!file) return notFound(request, reply);
  const extension = sniffContentType(file.data)?.extension;
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${urlFileName(file.originalName, extension)}"`)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', 'private, no-store')
    .send(file.data);
}

/** Sends a testimony's photo inline (only JPEG, PNG or WebP were ever accepted). */
export async function sendPhoto(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  fileId: string,
  cache: 'public' | 'private',
): Promise<FastifyReply> {
  const file = await readStoredFile(services.db, services.config.filesDir, fileId);
  if (!file || !['image/jpeg', 'image/png', 'image/webp'].includes(file.contentType)) return notFound(request, reply);
  return reply
    .status(200)
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "sandbox; default-src 'none'")
    .header('cache-control', cache === 'public' ? 'public, max-age=300' : 'private, no-store')
    .send(file.data);
}

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} Mo`;

/** A refused file as its field's error; returns the status to answer (413 for a size, 400 else). */
export function failFile(
  form: FormReader,
  field: string,
  problem: FileProblem | 'too_large',
  kind: 'evidence' | 'photo',
): number {
  const max = megabytes(kind === 'photo' ? MAX_PHOTO_BYTES : MAX_EVIDENCE_BYTES);
  if (problem === 'too_large') {
    form.fail(field, m.fileTooLarge, { max });
    return 413;
  }
  form.fail(field, problem === 'empty' ? m.fileEmpty : kind === 'photo' ? m.photoType : m.evidenceType);
  return 400;
}

/** The notice of an illegal transition (409): the value's state now. */
export function illegalNotice(locale: Locale, state: ValueState) {
  return { kind: 'error' as const, title: t(locale, m.illegal, { state: stateLabel(locale, state) }) };
}

export function noticeOf(locale: Locale, ok: string | undefined, notices: Record<string, Message>) {
  const message = ok ? notices[ok] : undefined;
  return message ? { kind: 'success' as const, title: t(locale, message) } : undefined;
}

/** An indicator's fields as its edit form shows them. */
export function indicatorFormValues(locale: Locale, indicator: Indicator): Record<string, string> {
  const values: Record<string, string> = {
    version: String(indicator.version),
    name: indicator.name,
    name_en: indicator.nameEn,
    description: indicator.description,
    unit: indicator.unit,
    unit_en: indicator.unitEn,
    direction: indicator.direction,
    baseline_value: figureToInput(locale, indicator.baselineValue),
    baseline_date: indicator.baselineDate ?? '',
    iris_id: indicator.irisId ?? '',
    lever: indicator.lever ?? '',
    is_public: indicator.isPublic ? 'on' : '',
    position: String(indicator.position),
  };
  indicator.targets.slice(0, MAX_TARGETS).forEach((target, i) => {
    values[`target_value_${i}`] = figureToInput(locale, target.value);
    values[`target_date_${i}`] = target.date;
  });
  return values;
}

/** A value's fields as its edit form shows them. */
export function valueFormValues(locale: Locale, value: ReportedValue): Record<string, string> {
  return {
    version: String(value.version),
    period_start: value.periodStart,
    period_end: value.periodEnd,
    value: figureToInput(locale, value.value),
    source: value.source,
    comment: value.comment,
  };
}
