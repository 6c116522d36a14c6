import type { FastifyRequest } from 'fastify';
import type { FormReader } from '../../core/http/forms.js';
import { isUuid } from '../../core/ids.js';
import type { Services } from '../../core/services.js';
import { type JuryMember, loadMember, type MemberProfile, parseTopics } from './jury.js';
import { juryMessages as m } from './messages.js';
import { staffApplications } from './policy.js';

/** Reads the member profile fields; errors go on the form. */
export function readProfile(form: FormReader): MemberProfile {
  const expertise = form.text('expertise', { max: 5000 });
  const topics = parseTopics(form.text('topics', { max: 1000 }));
  const load = (field: string) => {
    const raw = form.text(field, { required: true, max: 4 });
    const n = Number(raw);
    if (raw !== '' && (!/^\d+$/.test(raw) || n > 500)) form.fail(field, m.loadRange);
    return Number.isInteger(n) ? n : 0;
  };
  const minLoad = load('min_load');
  const maxLoad = load('max_load');
  if (form.ok && maxLoad < minLoad) form.fail('max_load', m.loadOrder);
  const siren = readSiren(form);
  return { expertise, topics, minLoad, maxLoad, siren };
}

export function readSiren(form: FormReader): string {
  const raw = form.text('siren', { max: 20 });
  const siren = raw.replace(/\s/g, '');
  if (siren && !/^\d{9}$/.test(siren)) form.fail('siren', m.sirenInvalid);
  return siren;
}

/** The member's profile as form values, for the edit page. */
export function profileValues(member: JuryMember): Record<string, string> {
  return {
    expertise: member.expertise,
    topics: member.topics.join(', '),
    min_load: String(member.minLoad),
    max_load: String(member.maxLoad),
    siren: member.siren,
  };
}

/**
 * An application of the season with the jury (on the staff member's tracks), and an active member,
 * chosen in a form. The ids come from a form body, not the URL, so they are checked here.
 */
export async function readPair(
  services: Services,
  request: FastifyRequest,
  form: FormReader,
  seasonId: string,
): Promise<{ applicationId: string; memberId: string }> {
  const applicationId = form.text('application_id', { required: true, max: 40 });
  const memberId = form.text('member_id', { required: true, max: 40 });
  if (applicationId && (await staffApplications(services, request, seasonId, [applicationId])).length === 0)
    form.fail('application_id', m.chooseOne);
  if (memberId && !(isUuid(memberId) && (await loadMember(services.db, seasonId, memberId))?.removedAt === null))
    form.fail('member_id', m.chooseOne);
  return { applicationId, memberId };
}
