import type { Actor } from '../../../core/audit/audit.js';
import type { Services } from '../../../core/services.js';
import { type ChangeStateResult, changeState } from '../change-state.js';

/** The applicant withdraws their application (from any state the state machine allows). */
export async function withdrawApplication(
  services: Services,
  actor: Actor,
  applicationId: string,
  userId: string,
): Promise<ChangeStateResult> {
  return changeState(services, actor, {
    applicationId,
    to: 'withdrawn',
    by: 'applicant',
    reason: '',
    actorUserId: userId,
  });
}
