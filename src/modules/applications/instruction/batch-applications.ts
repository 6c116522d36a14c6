import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { changeState } from '../change-state.js';
import { tracksCover } from '../policy.js';
import { loadApplication } from '../queries.js';
import type { ApplicationState } from '../states.js';
import { postMessage } from './post-message.js';

export const BATCH_ACTIONS = ['instruction', 'eligible', 'message'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

const TARGET: Record<Exclude<BatchAction, 'message'>, ApplicationState> = {
  instruction: 'in_instruction',
  eligible: 'eligible',
};

export type BatchRefusal = 'not_found' | 'not_allowed' | 'reason_required';

export interface BatchOutcome {
  done: { id: string; title: string }[];
  refused: { id: string; title: string; problem: BatchRefusal; state?: ApplicationState }[];
}

export interface BatchInput {
  action: BatchAction;
  ids: string[];
  body: string;
  user: { id: string; name: string };
  /** Staff limited to some tracks act only on those tracks (undefined = all). */
  tracks?: string[];
}

/**
 * Applies one action to many applications, each in its own audited transaction and through the
 * same state rules as one by one: one refusal never stops the others, and each is reported.
 */
export async function batchApplications(services: Services, actor: Actor, input: BatchInput): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { done: [], refused: [] };
  for (const id of [...new Set(input.ids)]) {
    const application = await loadApplication(services.db, id);
    if (!application || !tracksCover(input.tracks, application)) {
      outcome.refused.push({ id, title: '', problem: 'not_found' });
      continue;
    }
    const title = application.title;
    if (input.action === 'message') {
      await postMessage(services, actor, {
        application,
        authorId: input.user.id,
        authorName: input.user.name,
        fromStaff: true,
        body: input.body,
      });
      outcome.done.push({ id, title });
      continue;
    }
    const result = await changeState(services, actor, {
      applicationId: id,
      to: TARGET[input.action],
      by: 'staff',
      reason: '',
      actorUserId: input.user.id,
      tracks: input.tracks,
    });
    if (result.ok) outcome.done.push({ id, title });
    else outcome.refused.push({ id, title, problem: result.problem, state: result.state });
  }
  return outcome;
}
