import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createSignedInUser,
  rolesOf,
  type SignedInUser,
  signedInAs,
  userIdByEmail,
} from '../../../../test/support/factories/accounts.js';
import { formSession, postForm, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSession } from '../../../core/auth/sessions.js';
import { syncPartnerRole } from '../membership.js';
import { insertAdministration, insertCommons, insertUseCase, VALID_SIRETS } from '../testing.js';
import { INVITATION_DAYS } from './invite-member.js';

let t: TestApp;
let member: SignedInUser;
let stranger: SignedInUser;
let staff: SignedInUser;
let administrationId: string;

const db = () => t.database.db;
const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
const MEMBERS = '/cooperation/administrations/prefecture-du-finistere/membres';

/** The invitation link of the latest invitation mail sent to this address. */
async function invitationLink(email: string): Promise<string> {
  const mail = await db()
    .selectFrom('mails')
    .select('text_body')
    .where('to_address', '=', email)
    .where('template', '=', 'commons.administration-invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow();
  const match = /https?:\/\/[^/\s]+(\/cooperation\/invitations\/[A-Za-z0-9_-]+)/.exec(mail.text_body);
  return match![1];
}

async function membership(userId: string) {
  return db()
    .selectFrom('commons_administration_members')
    .selectAll()
    .where('administration_id', '=', administrationId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

async function invite(email: string, cookie = member.cookie) {
  return postForm(t.app, cookie, MEMBERS, `${MEMBERS}/inviter`, { email });
}

beforeAll(async () => {
  t = await createTestApp();
  member = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'claire');
  stranger = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'stranger');
  staff = await createSignedInUser(db(), t.clock, [{ role: 'staff' }], 'staff');
  administrationId = await insertAdministration(db(), t.clock.now(), {
    name: 'Préfecture du Finistère',
    siret: VALID_SIRETS[0],
    territory: 'D29',
    members: [member.id],
  });
});

afterAll(async () => {
  await t?.close();
});

describe('inviting a colleague', () => {
  it('mails a single-use link valid 14 days, keeping only the token’s hash, never twice while pending', async () => {
    const sent = await invite('Colleague@Finistere.example');
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`${MEMBERS}?ok=invitation`);
    const link = await invitationLink('colleague@finistere.example');
    const token = link.split('/').at(-1)!;
    const row = await db()
      .selectFrom('commons_invitations')
      .selectAll()
      .where('email', '=', 'colleague@finistere.example')
      .executeTakeFirstOrThrow();
    expect(row.token_hash).not.toContain(token);
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(
      INVITATION_DAYS * 24 * 3600_000,
    );
    const mail = await db()
      .selectFrom('mails')
      .select(['subject', 'text_body'])
      .where('to_address', '=', 'colleague@finistere.example')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe('Invitation à rejoindre Préfecture du Finistère');
    expect(mail.text_body).toContain('claire Test vous invite');
    const again = await invite('colleague@finistere.example');
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('déjà en attente');
    const self = await invite(member.email);
    expect(self.statusCode).toBe(409);
    expect(self.body).toContain('déjà membre');
    const bad = await invite('pas une adresse');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('value="pas une adresse"');
    const page = await get(MEMBERS, member.cookie);
    expect(page.body).toContain('colleague@finistere.example');
    const actions = await db()
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', administrationId)
      .execute();
    expect(actions.map((a) => a.action)).toContain('commons.member-invited');
    expect(JSON.stringify(actions)).not.toContain('colleague@');
  });

  it('sends a visitor to sign in first, and back to the invitation', async () => {
    const link = await invitationLink('colleague@finistere.example');
    const anonymous = await get(link);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe(`/connexion?retour=${encodeURIComponent(link)}`);
  });

  it('refuses another account than the address invited', async () => {
    const link = await invitationLink('colleague@finistere.example');
    const shown = await get(link, stranger.cookie);
    expect(shown.statusCode).toBe(403);
    expect(shown.body).toContain('envoyée à une autre adresse');
    expect(shown.body).toContain('c•••@finistere.example');
    expect(shown.body).not.toContain('colleague@finistere.example');
    const session = await formSession(t.app, stranger.cookie, '/compte');
    const refused = await submitForm(t.app, session, link, {});
    expect(refused.statusCode).toBe(403);
    expect(await membership(stranger.id)).toBeUndefined();
  });

  it('lets the invited account accept once: it joins (by invitation) and becomes a partner; the link is then used', async () => {
    const link = await invitationLink('colleague@finistere.example');
    const colleague = await signedInAs(t.app, t.clock, 'applicant', 'colleague@finistere.example');
    const page = await get(link, colleague);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Accepter l’invitation');
    expect(page.body).toContain('Invitation envoyée par claire Test');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    const session = await formSession(t.app, colleague, link);
    const accepted = await submitForm(t.app, session, link, {});
    expect(accepted.statusCode).toBe(303);
    expect(accepted.headers.location).toBe('/cooperation/administrations/prefecture-du-finistere?ok=bienvenue');
    const welcome = await get(accepted.headers.location as string, colleague);
    expect(welcome.body).toContain('Bienvenue');
    const colleagueId = (
      await db()
        .selectFrom('commons_invitations')
        .select('accepted_by')
        .where('email', '=', 'colleague@finistere.example')
        .executeTakeFirstOrThrow()
    ).accepted_by!;
    expect(await membership(colleagueId)).toMatchObject({ joined_via: 'invitation', invited_by: member.id });
    expect(await rolesOf(db(), colleagueId)).toContain('partner');
    const twice = await submitForm(t.app, session, link, {});
    expect(twice.statusCode).toBe(303);
    const reused = await get(link, stranger.cookie);
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('déjà servi');
    const members = await get(MEMBERS, member.cookie);
    expect(members.body).not.toContain('Invitations en attente');
  });

  it('refuses an expired link, and a withdrawn one is gone', async () => {
    await invite('late@finistere.example');
    const late = await invitationLink('late@finistere.example');
    await signedInAs(t.app, t.clock, null, 'late@finistere.example');
    const before = t.clock.now();
    t.clock.advance((INVITATION_DAYS * 24 + 1) * 3600_000);
    try {
      // A new session: the first one ended long ago.
      const cookie = await sessionOf('late@finistere.example');
      const expired = await get(late, cookie);
      expect(expired.statusCode).toBe(410);
      expect(expired.body).toContain('a expiré');
      const session = await formSession(t.app, cookie, '/compte');
      const refused = await submitForm(t.app, session, late, {});
      expect(refused.statusCode).toBe(410);
    } finally {
      t.clock.set(before);
    }
    await invite('withdrawn@finistere.example');
    const withdrawnLink = await invitationLink('withdrawn@finistere.example');
    const row = await db()
      .selectFrom('commons_invitations')
      .select('id')
      .where('email', '=', 'withdrawn@finistere.example')
      .executeTakeFirstOrThrow();
    const withdrawn = await postForm(t.app, member.cookie, MEMBERS, `${MEMBERS}/invitations/${row.id}/retirer`, {});
    expect(withdrawn.headers.location).toBe(`${MEMBERS}?ok=retiree`);
    const cookie = await signedInAs(t.app, t.clock, null, 'withdrawn@finistere.example');
    expect((await get(withdrawnLink, cookie)).statusCode).toBe(404);
    expect((await get('/cooperation/invitations/not-a-real-token-but-long-enough', cookie)).statusCode).toBe(404);
    expect((await get('/cooperation/invitations/%00', cookie)).statusCode).toBeLessThan(500);
  });

  it('limits how many invitations a member sends in a day', async () => {
    for (let i = 0; i < 30; i++) {
      const response = await invite(`bulk${i}@finistere.example`);
      if (response.statusCode === 429) break;
    }
    const over = await invite('one-too-many@finistere.example');
    expect(over.statusCode).toBe(429);
    expect(over.body).toContain('beaucoup d’invitations');
    const byStaff = await invite('staff-invite@finistere.example', staff.cookie);
    expect(byStaff.statusCode).toBe(303);
  });
});

/** A new session for the account with this address. */
async function sessionOf(email: string): Promise<string> {
  const { token } = await createSession(db(), t.clock, await userIdByEmail(db(), email));
  return `acc_session=${token}`;
}

describe('leaving', () => {
  it('removes the membership and referent roles, remembers the departure, and takes the partner role back', async () => {
    const leaver = await createSignedInUser(db(), t.clock, [{ role: 'applicant' }], 'leaver');
    await db()
      .insertInto('commons_administration_members')
      .values({
        administration_id: administrationId,
        user_id: leaver.id,
        service_id: null,
        joined_via: 'staff',
        joined_at: t.clock.now(),
        invited_by: null,
      })
      .execute();
    await syncPartnerRole(t.app.services, { id: null, label: 'test' }, leaver.id);
    expect(await rolesOf(db(), leaver.id)).toContain('partner');
    const commons = await insertCommons(db(), t.clock.now(), { name: 'Démarches simplifiées' });
    const useCase = await insertUseCase(db(), t.clock.now(), {
      administrationId,
      commonsId: commons,
      title: 'Formulaires en ligne',
      referents: [leaver.id],
    });
    const notMember = await postForm(t.app, stranger.cookie, '/compte', `${MEMBERS}/quitter`, {});
    expect(notMember.statusCode).toBe(404);
    const staffLeave = await postForm(t.app, staff.cookie, MEMBERS, `${MEMBERS}/quitter`, {});
    expect(staffLeave.statusCode).toBe(404);
    const left = await postForm(t.app, leaver.cookie, MEMBERS, `${MEMBERS}/quitter`, {});
    expect(left.statusCode).toBe(303);
    expect(left.headers.location).toBe('/cooperation/administrations/prefecture-du-finistere?ok=quittee');
    expect(await membership(leaver.id)).toBeUndefined();
    expect(await rolesOf(db(), leaver.id)).not.toContain('partner');
    const referents = await db()
      .selectFrom('commons_referents')
      .select('user_id')
      .where('use_case_id', '=', useCase)
      .execute();
    expect(referents).toEqual([]);
    const departure = await db()
      .selectFrom('commons_administration_departures')
      .selectAll()
      .where('user_id', '=', leaver.id)
      .executeTakeFirstOrThrow();
    expect(departure.reason).toBe('left');
    expect((await get(MEMBERS, leaver.cookie)).statusCode).toBe(404);
    const events = await db()
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', administrationId)
      .where('action', '=', 'commons.member-left')
      .execute();
    expect(events).toHaveLength(1);
  });

  it('keeps the partner role of someone still member of another administration', async () => {
    const twoHats = await createSignedInUser(db(), t.clock, [{ role: 'partner' }], 'two-hats');
    await insertAdministration(db(), t.clock.now(), {
      name: 'Autre administration',
      siret: VALID_SIRETS[1],
      members: [twoHats.id],
    });
    await db()
      .insertInto('commons_administration_members')
      .values({
        administration_id: administrationId,
        user_id: twoHats.id,
        service_id: null,
        joined_via: 'staff',
        joined_at: t.clock.now(),
        invited_by: null,
      })
      .execute();
    const left = await postForm(t.app, twoHats.cookie, MEMBERS, `${MEMBERS}/quitter`, {});
    expect(left.statusCode).toBe(303);
    expect(await rolesOf(db(), twoHats.id)).toContain('partner');
  });
});
