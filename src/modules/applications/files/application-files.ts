import type { FastifyRequest } from 'fastify';
import type { Transaction } from 'kysely';
import type { Actor, AuditRecorder } from '../../../core/audit/audit.js';
import { auditedTransaction } from '../../../core/audit/audit.js';
import type { CurrentUser } from '../../../core/auth/permissions.js';
import type { DB } from '../../../core/db/schema.js';
import type { WriteBatch } from '../../../core/db/write-batch.js';
import { createAntivirus, downloadAllowed } from '../../../core/files/antivirus.js';
import { contentTypeLabel, sniffContentType } from '../../../core/files/sniff.js';
import { displayFileName, formatFileSize, prepareFile, readStoredFile } from '../../../core/files/store-file.js';
import type { FieldError } from '../../../core/http/forms.js';
import { NO_FILES, readMultipartForm, type UploadRefusal, type UploadRules } from '../../../core/http/multipart.js';
import type { Locale, Message } from '../../../core/i18n/i18n.js';
import { enqueueJob } from '../../../core/jobs/queue.js';
import type { Services } from '../../../core/services.js';
import type { AnswerMap, FormDefinition, Question } from '../form/model.js';
import { type ApplicationRecord, type HeldFile, lockApplicationForChange, parseJson } from '../queries.js';
import { changeableNow } from '../states.js';
import { callClosing, isOnTime } from '../submission/deadline.js';
import type { FileScanStatus } from '../tables.js';
import { fileMessages as fm } from './messages.js';

/** Per-application quota: enough for a full dossier, small enough that one applicant cannot fill the disk. */
export const MAX_FILES_PER_APPLICATION = 20;
export const MAX_BYTES_PER_APPLICATION = 50 * 1024 * 1024;
/** Hard cap while reading one uploaded file (the question's own limit is checked after). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
export const SCAN_FILE_JOB = 'applications.scan_file';

export interface UploadedPart {
  /** The form field the file came in: a file question's path (`attachments` or `team[0][cv]`). */
  path: string;
  /** The sender's file name: display text only. */
  name: string;
  data: Buffer;
}

export interface Submission {
  body: Record<string, unknown>;
  uploads: UploadedPart[];
  /** Why the files were refused while they were read (then none is kept), or null. */
  refusal: UploadRefusal | null;
  /** False when reading stopped at a limit: the fields after it never came, so they must not replace the draft's. */
  complete?: boolean;
}

/** Room for the typed fields of the biggest form, beside its files. */
const FIELDS_BYTES = 2 * 1024 * 1024;
/** Enough for a full quota, one file over its limit and the fields; past it nothing is worth reading. */
export const MAX_FORM_BYTES = MAX_BYTES_PER_APPLICATION + MAX_UPLOAD_BYTES + FIELDS_BYTES;

/**
 * What one posted form may upload, decided before any byte of it is read: the person may change the
 * application's files (`editable`), each file question's own size limit, and the application's quota
 * left (the files it holds, less those this form removes before sending its files).
 */
export function uploadRules(definition: FormDefinition, held: readonly HeldFile[], editable: boolean): UploadRules {
  return {
    maxFileBytes: (field) => {
      const question = editable ? fileQuestionAt(definition, field) : null;
      return question?.file ? Math.min(question.file.maxBytes, MAX_UPLOAD_BYTES) : 0;
    },
    quota: (fields) => {
      const removed = new Set(list(fields.remove_files));
      const kept = held.filter((file) => !removed.has(file.fileId));
      return {
        files: MAX_FILES_PER_APPLICATION - kept.length,
        bytes: MAX_BYTES_PER_APPLICATION - kept.reduce((sum, file) => sum + file.size, 0),
      };
    },
    bodyBytes: MAX_FORM_BYTES,
    afterRefusalBytes: FIELDS_BYTES,
  };
}

/** What a person who may not upload (signed out) may still send: the typed fields, no file kept. */
export const FIELDS_ONLY: UploadRules = { ...NO_FILES, bodyBytes: FIELDS_BYTES, afterRefusalBytes: FIELDS_BYTES };

/**
 * The posted form, urlencoded (autosave, old pages) or multipart (the page's form, with files),
 * read within `rules`, decided before the body is read. A refused file is read no further but the
 * fields after it still are: what was typed must come back even when the file is refused.
 */
export async function readSubmission(request: FastifyRequest, rules: UploadRules): Promise<Submission> {
  if (!request.isMultipart()) {
    const body = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    return { body, uploads: [], refusal: null, complete: true };
  }
  const form = await readMultipartForm(request, rules);
  return {
    body: form.fields,
    uploads: form.files.map((file) => ({ path: file.field, name: file.name, data: file.data })),
    refusal: form.refusal,
    complete: form.complete,
  };
}

const PATH = /^([a-z0-9_]{1,40})(?:\[(\d{1,3})\]\[([a-z0-9_]{1,40})\])?$/;

/** The file question a field path names (top level or child of a repeatable block), or null. */
export function fileQuestionAt(definition: FormDefinition, path: string): Question | null {
  const match = PATH.exec(path);
  if (!match) return null;
  const top = definition.sections.flatMap((s) => s.questions).find((q) => q.id === match[1]);
  if (!top) return null;
  if (match[3] === undefined) return top.kind === 'file' ? top : null;
  if (top.kind !== 'repeatable') return null;
  const index = Number(match[2]);
  if (index >= (top.maxItems ?? 50)) return null;
  const child = (top.children ?? []).find((q) => q.id === match[3]);
  return child?.kind === 'file' ? child : null;
}

function idsOf(value: unknown): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const ids = (value as { fileIds?: unknown }).fileIds;
  return Array.isArray(ids) ? ids.filter((id): id is string => typeof id === 'string') : [];
}

/** Adds file ids to the answer at a path, creating the repeatable row when needed. */
function appendFileIds(answers: AnswerMap, path: string, ids: string[]): void {
  const match = PATH.exec(path)!;
  if (match[3] === undefined) {
    answers[match[1]!] = { fileIds: [...idsOf(answers[match[1]!]), ...ids] };
    return;
  }
  const rows = Array.isArray(answers[match[1]!]) ? (answers[match[1]!] as AnswerMap[]) : [];
  const index = Number(match[2]);
  while (rows.length <= index) rows.push({});
  const row = rows[index] && typeof rows[index] === 'object' ? rows[index]! : {};
  row[match[3]!] = { fileIds: [...idsOf(row[match[3]!]), ...ids] };
  rows[index] = row;
  answers[match[1]!] = rows;
}

/** Keeps in every file answer only the ids this application really holds (a posted id proves nothing). */
function keepOwnFileIds(definition: FormDefinition, answers: AnswerMap, own: Set<string>): void {
  for (const question of definition.sections.flatMap((s) => s.questions)) {
    const value = answers[question.id];
    if (question.kind === 'file' && value !== undefined)
      answers[question.id] = { fileIds: idsOf(value).filter((id) => own.has(id)) };
    if (question.kind === 'repeatable' && Array.isArray(value)) {
      for (const row of value as AnswerMap[]) {
        if (!row || typeof row !== 'object') continue;
        for (const child of question.children ?? []) {
          if (child.kind === 'file' && row[child.id] !== undefined)
            row[child.id] = { fileIds: idsOf(row[child.id]).filter((id) => own.has(id)) };
        }
      }
    }
  }
}

/** The answers with, in every file answer, only the ids among the files the application holds. */
export function keepHeldFileIds(definition: FormDefinition, typed: AnswerMap, held: readonly HeldFile[]): AnswerMap {
  const answers: AnswerMap = structuredClone(typed);
  keepOwnFileIds(definition, answers, new Set(held.map((file) => file.fileId)));
  return answers;
}

function list(raw: unknown): string[] {
  return (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
}

export interface AttachResult {
  answers: AnswerMap;
  errors: Record<string, FieldError>;
  /** 413 when a refusal was about size, else 400; null when every upload was accepted. */
  status: 400 | 413 | null;
}

/** A limit as the question's hint states it (binary megabytes), so the error and the hint agree. */
function sizeText(bytes: number): string {
  if (bytes < 1024 * 1024) return `${formatFileSize('fr', bytes)} / ${formatFileSize('en', bytes)}`;
  const mega = Math.round((bytes / (1024 * 1024)) * 10) / 10;
  return `${String(mega).replace('.', ',')} Mo / ${mega} MB`;
}

/** Whether a posted form changes the application's files at all (most autosaves and submits do not). */
export function changesFiles(submission: Submission): boolean {
  return submission.uploads.length > 0 || list(submission.body.remove_files).length > 0 || submission.refusal !== null;
}

/**
 * Applies the removals and stores the uploads of one posted form, in one transaction with the
 * application locked (so two tabs cannot both pass the quota). Refused files become field errors;
 * the typed answers are returned in every case.
 */
export async function attachFiles(
  services: Services,
  actor: Actor,
  user: CurrentUser,
  application: ApplicationRecord,
  definition: FormDefinition,
  typed: AnswerMap,
  submission: Submission,
  arrivedAt: Date,
): Promise<AttachResult> {
  if (!changesFiles(submission)) {
    // Nothing to store (every autosave): only check the posted ids, without a lock.
    const answers: AnswerMap = structuredClone(typed);
    const held = await services.db
      .selectFrom('application_files')
      .select('file_id')
      .where('application_id', '=', application.id)
      .where('removed_at', 'is', null)
      .execute();
    keepOwnFileIds(definition, answers, new Set(held.map((row) => row.file_id)));
    return { answers, errors: {}, status: null };
  }
  return auditedTransaction(services.db, actor, services.clock.now(), async (trx, audit, atCommit) => {
    // The same locked read as a submit: the application, its deadline and the files it holds.
    const locked = await lockApplicationForChange(trx, application.id, user, null);
    const editable = Boolean(
      locked?.isMember &&
        locked.season &&
        changeableNow(locked.application.state, isOnTime(arrivedAt, callClosing(locked.season.closesAt))),
    );
    const attached = await attachInTransaction(trx, audit, atCommit, {
      services,
      userId: user.id,
      applicationId: application.id,
      definition,
      typed,
      submission,
      editable,
      held: locked?.held ?? [],
    });
    // A change of files updates the application's row, which tells a submit waiting for the lock to
    // read the files again (lockApplicationForChange). A submit's own writes update the row already.
    if (editable)
      atCommit.add(
        trx.updateTable('applications').set({ updated_at: services.clock.now() }).where('id', '=', application.id),
      );
    return attached;
  });
}

export interface AttachContext {
  services: Services;
  userId: string;
  applicationId: string;
  definition: FormDefinition;
  typed: AnswerMap;
  submission: Submission;
  /** Whether the application may change now (its state, and the deadline unless it is a draft). */
  editable: boolean;
  /** The files it holds, read with the application locked. */
  held: readonly HeldFile[];
}

/**
 * The file part of a posted form, in the caller's transaction with the application locked: applies
 * the removals, then checks and stores each upload (by its content, against the question's types
 * and size and the application's quota). Each accepted file gets its scan row and, when an
 * antivirus is configured, its scan job. Refused files become field errors. The accepted files' rows
 * go with the writes the transaction sends before COMMIT (nothing in it reads them back).
 */
export async function attachInTransaction(
  trx: Transaction<DB>,
  audit: AuditRecorder,
  atCommit: WriteBatch,
  ctx: AttachContext,
): Promise<AttachResult> {
  const { services, applicationId, definition, submission } = ctx;
  const answers: AnswerMap = structuredClone(ctx.typed);
  const heldIds = new Set(ctx.held.map((row) => row.fileId));
  if (!ctx.editable) {
    keepOwnFileIds(definition, answers, heldIds);
    return { answers, errors: {}, status: null };
  }
  const removals = [...new Set(list(submission.body.remove_files))].filter((fileId) => heldIds.has(fileId));
  const checked = checkUploads(definition, ctx.held, removals, submission);
  if (checked.status) {
    // A refused form stores nothing and removes nothing: no file row, no bytes, no version.
    keepOwnFileIds(definition, answers, heldIds);
    checked.errors.remove_files ??= { message: fm.nothingStored };
    return { answers, errors: checked.errors, status: checked.status };
  }
  const now = services.clock.now();
  const own = new Set(heldIds);
  for (const fileId of removals) {
    own.delete(fileId);
    await removeFile(trx, applicationId, fileId, now);
    await audit({
      action: 'application.remove_file',
      subjectType: 'application',
      subjectId: applicationId,
      summary: { fileId },
    });
  }
  keepOwnFileIds(definition, answers, own);
  const scanning = createAntivirus(services.config).enabled;
  for (const { upload, contentType } of checked.accepted) {
    const file = await prepareFile(services.config.filesDir, {
      data: upload.data,
      originalName: upload.name,
      ownerId: ctx.userId,
      contentType,
      purpose: 'application',
    });
    const stored = file.info;
    atCommit.add(trx.insertInto('files').values(file.values));
    atCommit.add(
      trx.insertInto('application_files').values({
        file_id: stored.id,
        application_id: applicationId,
        question_path: upload.path,
        uploaded_by: ctx.userId,
        scan_status: scanning ? 'pending' : 'not_scanned',
        created_at: now,
      }),
    );
    if (scanning) await enqueueJob(atCommit, SCAN_FILE_JOB, { fileId: stored.id }, { runAt: now, maxAttempts: 5 });
    appendFileIds(answers, upload.path, [stored.id]);
    await audit({
      action: 'application.attach_file',
      subjectType: 'application',
      subjectId: applicationId,
      summary: {
        fileId: stored.id,
        path: upload.path,
        contentType: stored.contentType,
        size: stored.size,
        sha256: stored.sha256,
      },
    });
  }
  return { answers, errors: {}, status: null };
}

interface CheckedUploads {
  accepted: { upload: UploadedPart; contentType: string }[];
  errors: Record<string, FieldError>;
  status: AttachResult['status'];
}

/** The field error a refusal met while reading the form becomes. */
function refusalError(refusal: UploadRefusal): { path: string; error: FieldError; status: 400 | 413 } {
  switch (refusal.reason) {
    case 'not_a_file_field':
      return {
        path: PATH.test(refusal.field) ? refusal.field : 'remove_files',
        error: { message: fm.notAFileQuestion },
        status: 400,
      };
    case 'too_large':
      return {
        path: refusal.field,
        error: {
          message: fm.tooLarge,
          params: { name: displayFileName(refusal.name), size: sizeText(refusal.maxBytes) },
        },
        status: 413,
      };
    case 'quota_files':
      return {
        path: refusal.field,
        error: { message: fm.quotaFiles, params: { n: MAX_FILES_PER_APPLICATION } },
        status: 413,
      };
    case 'quota_bytes':
      return {
        path: refusal.field,
        error: { message: fm.quotaBytes, params: { size: sizeText(MAX_BYTES_PER_APPLICATION) } },
        status: 413,
      };
    case 'body_too_large':
      return {
        path: 'remove_files',
        error: { message: fm.requestTooLarge, params: { size: sizeText(MAX_FORM_BYTES) } },
        status: 413,
      };
  }
}

/**
 * Checks every upload of a form, with the application locked, before anything is stored: by its
 * content against the question's types and size, and the application's quota after the removals.
 * The refusal met while reading comes first. Nothing here writes.
 */
function checkUploads(
  definition: FormDefinition,
  held: readonly HeldFile[],
  removals: readonly string[],
  submission: Submission,
): CheckedUploads {
  const errors: Record<string, FieldError> = {};
  let status: AttachResult['status'] = null;
  const refuse = (path: string, error: FieldError, code: 400 | 413) => {
    errors[path] ??= error;
    status = status === 413 ? 413 : code;
  };
  if (submission.refusal) {
    const { path, error, status: code } = refusalError(submission.refusal);
    refuse(path, error, code);
  }
  const kept = held.filter((row) => !removals.includes(row.fileId));
  let count = kept.length;
  let bytes = kept.reduce((sum, row) => sum + row.size, 0);
  const accepted: CheckedUploads['accepted'] = [];
  for (const upload of submission.uploads) {
    const question = fileQuestionAt(definition, upload.path);
    const name = displayFileName(upload.name);
    if (!question?.file) {
      refuse(PATH.test(upload.path) ? upload.path : 'remove_files', { message: fm.notAFileQuestion }, 400);
      continue;
    }
    const types = question.file.contentTypes.map(contentTypeLabel).join(', ');
    if (upload.data.length > Math.min(question.file.maxBytes, MAX_UPLOAD_BYTES)) {
      refuse(upload.path, { message: fm.tooLarge, params: { name, size: sizeText(question.file.maxBytes) } }, 413);
      continue;
    }
    const sniffed = sniffContentType(upload.data);
    if (!sniffed) {
      refuse(upload.path, { message: fm.unknownType, params: { name, types } }, 400);
      continue;
    }
    if (!question.file.contentTypes.includes(sniffed.contentType)) {
      refuse(
        upload.path,
        { message: fm.wrongType, params: { name, type: contentTypeLabel(sniffed.contentType), types } },
        400,
      );
      continue;
    }
    if (count + 1 > MAX_FILES_PER_APPLICATION) {
      refuse(upload.path, { message: fm.quotaFiles, params: { n: MAX_FILES_PER_APPLICATION } }, 413);
      continue;
    }
    if (bytes + upload.data.length > MAX_BYTES_PER_APPLICATION) {
      refuse(upload.path, { message: fm.quotaBytes, params: { size: sizeText(MAX_BYTES_PER_APPLICATION) } }, 413);
      continue;
    }
    count++;
    bytes += upload.data.length;
    accepted.push({ upload, contentType: sniffed.contentType });
  }
  return { accepted, errors, status };
}

/**
 * Takes a file off the draft. A file a submitted version refers to is kept (that version must stay
 * readable) and only marked removed; any other is deleted with its bytes.
 */
async function removeFile(trx: Transaction<DB>, applicationId: string, fileId: string, now: Date): Promise<void> {
  const versions = await trx
    .selectFrom('application_versions')
    .select('answers')
    .where('application_id', '=', applicationId)
    .execute();
  const referenced = versions.some((v) => JSON.stringify(v.answers).includes(fileId));
  if (referenced)
    await trx.updateTable('application_files').set({ removed_at: now }).where('file_id', '=', fileId).execute();
  else await trx.deleteFrom('files').where('id', '=', fileId).execute();
}

export interface ApplicationFileRow {
  fileId: string;
  name: string;
  contentType: string;
  size: number;
  questionPath: string;
  status: FileScanStatus;
  removed: boolean;
  createdAt: Date;
  sha256: string;
}

export async function listApplicationFiles(db: Services['db'], applicationId: string): Promise<ApplicationFileRow[]> {
  const rows = await db
    .selectFrom('application_files')
    .innerJoin('files', 'files.id', 'application_files.file_id')
    .select([
      'application_files.file_id',
      'files.original_name',
      'files.content_type',
      'files.size',
      'files.sha256',
      'application_files.question_path',
      'application_files.scan_status',
      'application_files.removed_at',
      'application_files.created_at',
    ])
    .where('application_files.application_id', '=', applicationId)
    .orderBy('application_files.created_at')
    .execute();
  return rows.map((row) => ({
    fileId: row.file_id,
    name: row.original_name,
    contentType: row.content_type,
    size: row.size,
    questionPath: row.question_path,
    status: row.scan_status,
    removed: row.removed_at !== null,
    createdAt: new Date(row.created_at),
    sha256: row.sha256,
  }));
}

/** Every file id an answer map holds, top level and in repeatable rows (read structurally, never throws). */
export function fileIdsInAnswers(answers: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > 3 || !answers || typeof answers !== 'object') return into;
  for (const value of Array.isArray(answers) ? answers : Object.values(answers)) {
    if (!value || typeof value !== 'object') continue;
    const ids = Array.isArray(value) ? undefined : (value as { fileIds?: unknown }).fileIds;
    if (Array.isArray(ids)) {
      for (const id of ids) if (typeof id === 'string') into.add(id);
    } else {
      fileIdsInAnswers(value, into, depth + 1);
    }
  }
  return into;
}

/**
 * The files each application's submitted versions answer with, by application id. Staff read only these: a
 * draft is the applicant's until submitted, so a file attached to a draft (never submitted, or a later draft
 * of a submitted application) is not theirs to open.
 */
export async function submittedFileIds(
  db: Services['db'],
  applicationIds: readonly string[],
): Promise<Map<string, Set<string>>> {
  const result = new Map<string, Set<string>>(applicationIds.map((id) => [id, new Set<string>()]));
  if (applicationIds.length === 0) return result;
  const rows = await db
    .selectFrom('application_versions')
    .select(['application_id', 'answers'])
    .where('application_id', 'in', [...new Set(applicationIds)])
    .execute();
  for (const row of rows) fileIdsInAnswers(parseJson<unknown>(row.answers, {}), result.get(row.application_id));
  return result;
}

export function scanStatusLabel(locale: Locale, status: FileScanStatus): string {
  const message = fm[`status_${status}`];
  return locale === 'en' ? message.en : message.fr;
}

/** Staff may download once the antivirus said clean, or at any time when scanning is off. */
export function staffMayDownload(services: Services, status: FileScanStatus): boolean {
  return downloadAllowed(createAntivirus(services.config).enabled, status === 'clean' ? { status: 'clean' } : null);
}

/**
 * Why a file may not be downloaded yet (the same rule for staff and for the applicants): the scan
 * is pending, the antivirus flagged it, or its scan failed. Null when it may be downloaded.
 */
export function downloadRefusal(services: Services, status: FileScanStatus): { title: Message; text: Message } | null {
  if (staffMayDownload(services, status)) return null;
  if (status === 'pending') return { title: fm.pendingTitle, text: fm.pendingText };
  if (status === 'infected') return { title: fm.infectedTitle, text: fm.infectedText };
  return { title: fm.blockedTitle, text: fm.blockedText };
}

/** The durable scan of one uploaded file; a failed scan is retried by the worker, then left as 'error'. */
export function scanFileJob(services: Services) {
  return async (payload: Record<string, unknown>, job: { attempts: number }): Promise<void> => {
    const fileId = typeof payload.fileId === 'string' ? payload.fileId : '';
    // Deleting a file deletes its application_files row with it: a file gone was removed before its scan.
    const file = await readStoredFile(services.db, services.config.filesDir, fileId);
    if (!file) return;
    const result = await createAntivirus(services.config).scan(file.data);
    const detail = result.status === 'infected' ? result.signature : result.status === 'error' ? result.reason : '';
    await services.db
      .updateTable('application_files')
      .set({ scan_status: result.status, scan_detail: detail.slice(0, 500), scanned_at: services.clock.now() })
      .where('file_id', '=', fileId)
      .execute();
    if (result.status === 'error' && job.attempts < 5) throw new Error(`antivirus scan failed: ${detail}`);
  };
}
