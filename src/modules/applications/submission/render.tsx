import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldError } from '../../../core/http/forms.js';
import { html } from '../../../core/http/replies.js';
import { viewContext } from '../../../core/http/request-context.js';
import { formatDateTime, t } from '../../../core/i18n/i18n.js';
import type { Services } from '../../../core/services.js';
import { loadSeasons } from '../../seasons/index.js';
import { listApplicationFiles } from '../files/application-files.js';
import { fileViews } from '../files/attachments.js';
import type { AnswerMap } from '../form/model.js';
import { instructionNotice } from '../instruction/notices.js';
import { listThread } from '../instruction/queries.js';
import { readThread } from '../instruction/thread-reads.js';
import { applicationMessages as m } from '../messages.js';
import { isOwner } from '../policy.js';
import { type ApplicationRecord, listMembers, loadFormVersion } from '../queries.js';
import { changeableNow, isEditable } from '../states.js';
import { pick } from '../views/text.js';
import { callClosesAt, isOnTime } from './deadline.js';
import { ApplicationPage, type ApplicationPageProps } from './views/application-page.js';

/** What a route changes on the page: typed answers kept, errors, a notice. */
export interface PageState {
  answers?: AnswerMap;
  errors?: Record<string, FieldError>;
  notice?: ApplicationPageProps['notice'];
  idempotencyKey?: string;
  inviteError?: FieldError;
  inviteValue?: string;
}

/** The applicant's page of one application, as a route renders it after a read or a refused change. */
export async function renderApplication(
  request: FastifyRequest,
  reply: FastifyReply,
  services: Services,
  application: ApplicationRecord,
  status: number,
  state: PageState = {},
): Promise<FastifyReply> {
  const user = request.user!;
  const [form, members, closed, files, thread, [season]] = await Promise.all([
    loadFormVersion(services.db, application.formId),
    listMembers(services.db, application.id),
    callClosesAt(services.db, application.seasonId),
    listApplicationFiles(services.db, application.id),
    listThread(services.db, application.id),
    loadSeasons(services.db, { id: application.seasonId }),
  ]);
  const track = season?.tracks.find((tr) => tr.code === application.trackCode);
  // Opening the page reads the thread: the staff messages new to this person are marked, then read.
  const freshMessages = await readThread(services.db, user.id, 'applicant', application.id, thread);
  const onTime = isOnTime(services.clock.now(), closed);
  // A draft stays editable after the deadline (nothing typed is lost); a submitted one does not.
  const editable = changeableNow(application.state, onTime);
  const ctx = await viewContext(request, reply);
  return html(
    reply,
    status,
    <ApplicationPage
      ctx={ctx}
      application={application}
      trackName={track ? pick(request.locale, track.name, track.nameEn) : application.trackCode}
      definition={form?.definition ?? { sections: [] }}
      answers={state.answers ?? application.draftAnswers}
      errors={state.errors ?? {}}
      members={members}
      isOwner={isOwner(user, application)}
      closesAt={closed.closesAt}
      editable={editable}
      canSubmit={editable && onTime}
      idempotencyKey={state.idempotencyKey ?? randomUUID()}
      notice={
        state.notice ??
        (onTime || !isEditable(application.state)
          ? undefined
          : {
              kind: 'warning',
              title: t(request.locale, m.closed, { date: formatDateTime(request.locale, closed.closesAt) }),
            })
      }
      inviteError={state.inviteError}
      inviteValue={state.inviteValue}
      files={fileViews(request.locale, files, `/mes-candidatures/${application.id}/fichiers`, editable)}
      thread={thread}
      freshMessages={freshMessages}
    />,
  );
}

/** The confirmation `?ok=…` asks for after a change. */
export function noticeFor(
  request: FastifyRequest,
  ok: string | undefined,
  application: ApplicationRecord,
): PageState['notice'] {
  const locale = request.locale;
  switch (ok) {
    case 'enregistre':
      return { kind: 'success', title: t(locale, m.saved) };
    case 'soumis':
      return {
        kind: 'success',
        title: t(locale, m.submittedTitle),
        text: t(locale, m.submittedText, {
          version: application.currentVersion,
          date: application.submittedAt ? formatDateTime(locale, application.submittedAt) : '',
        }),
      };
    case 'invite':
      return { kind: 'success', title: t(locale, m.invited) };
    case 'message':
      return { kind: 'success', title: instructionNotice(locale, ok)! };
    case 'retire':
      return { kind: 'success', title: t(locale, m.withdrawn) };
    default:
      return undefined;
  }
}
