import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { createSession } from '../../../core/auth/sessions.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';
import { MAX_APPLICATIONS_PER_SEASON, MAX_CO_APPLICANTS, MAX_INVITATIONS_PER_DAY } from './limits.js';

/** Issue 11, item 11: no account can make the platform send unlimited mails, nor mail text of its choosing to others. */
const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
      ],
    },
  ],
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.database.db, { slug: 'saison-7', number: 7, form: FORM });
});
afterAll(async () => {
  await t?.close();
});

async function postFrom(cookie: string, pageUrl: string, url: string, fields: Record<string, string>) {
  const session = await formSession(t.app, cookie, pageUrl);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)?.[1] ?? '';
  const body = formBody({ idempotency_key: key, ...fields, _csrf: session.csrf });
  return t.app.inject({
    method: 'POST',
    url,
    payload: body.payload,
    headers: { ...body.headers, cookie: session.cookie },
  });
}

const create = (cookie: string, track = 'numerique') =>
  postFrom(cookie, '/candidater/saison-7', '/candidater/saison-7', {
    track_code: track,
    applicant_kind: 'association',
  });

async function draftOf(cookie: string): Promise<string> {
  const response = await create(cookie);
  expect(response.statusCode).toBe(303);
  return /([0-9a-f-]{36})$/.exec(response.headers.location as string)![1];
}

const invite = (cookie: string, id: string, email: string) =>
  postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/membres`, { email });

async function invitationMails(): Promise<number> {
  const row = await t.database.db
    .selectFrom('mails')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('template', '=', 'applications.invited')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('limits on what an account can make the platform mail', () => {
  it(`refuses a ${MAX_APPLICATIONS_PER_SEASON + 1}th application in one season with a clear message, keeping the choices`, async () => {
    const cookie = await signedInAs(t.app, t.clock, null, 'prolifique@example.fr');
    for (let i = 0; i < MAX_APPLICATIONS_PER_SEASON; i++) expect((await create(cookie)).statusCode).toBe(303);
    const refused = await create(cookie, 'autres');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(`Vous avez déjà ${MAX_APPLICATIONS_PER_SEASON} candidatures pour cette saison`);
    expect(refused.body).toMatch(/value="autres"[^>]*selected|selected[^>]*value="autres"/);
    const { n } = await t.database.db
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.owner_id')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('users.email', '=', 'prolifique@example.fr')
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(MAX_APPLICATIONS_PER_SEASON);
  });

  it(`limits co-applicants to ${MAX_CO_APPLICANTS} per application`, async () => {
    const cookie = await signedInAs(t.app, t.clock, null, 'equipe-nombreuse@example.fr');
    const id = await draftOf(cookie);
    for (let i = 0; i < MAX_CO_APPLICANTS; i++)
      expect((await invite(cookie, id, `membre${i}@example.fr`)).statusCode).toBe(303);
    const refused = await invite(cookie, id, 'un-de-trop@example.fr');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(`Une candidature compte au plus ${MAX_CO_APPLICANTS} co-porteurs`);
    expect(refused.body).toContain('value="un-de-trop@example.fr"');
    expect(
      await t.database.db.selectFrom('mails').select('id').where('to_address', '=', 'un-de-trop@example.fr').execute(),
    ).toHaveLength(0);
  });

  it(`limits invitations to ${MAX_INVITATIONS_PER_DAY} per account per 24 hours, across applications`, async () => {
    const cookie = await signedInAs(t.app, t.clock, null, 'inviteur@example.fr');
    const before = await invitationMails();
    let sent = 0;
    for (let a = 0; sent < MAX_INVITATIONS_PER_DAY; a++) {
      const id = await draftOf(cookie);
      for (let i = 0; i < MAX_CO_APPLICANTS && sent < MAX_INVITATIONS_PER_DAY; i++, sent++) {
        expect((await invite(cookie, id, `cible${a}-${i}@example.fr`)).statusCode).toBe(303);
      }
    }
    const id = await draftOf(cookie);
    const refused = await invite(cookie, id, 'cible-de-trop@example.fr');
    expect(refused.statusCode).toBe(429);
    expect(refused.body).toContain(`${MAX_INVITATIONS_PER_DAY} invitations en 24 heures`);
    expect(refused.body).toContain('value="cible-de-trop@example.fr"');
    expect(await invitationMails()).toBe(before + MAX_INVITATIONS_PER_DAY);
    // A day later (a new session: sessions last 12 hours at most), the same invitation goes out.
    t.clock.advance(24 * 3600_000 + 1000);
    const user = await t.database.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'inviteur@example.fr')
      .executeTakeFirstOrThrow();
    const later = `acc_session=${(await createSession(t.database.db, t.clock, user.id)).token}`;
    expect((await invite(later, id, 'cible-de-trop@example.fr')).statusCode).toBe(303);
    t.clock.set('2026-03-01T10:00:00Z');
  });

  it('sends in an invitation only platform text and the inviter’s verified address, never text the inviter typed', async () => {
    const cookie = await signedInAs(t.app, t.clock, null, 'auteur@example.fr');
    // What a spammer would type: a name and a title carrying an advert and a link.
    await t.database.db
      .updateTable('users')
      .set({ given_name: 'PROMO -90% sur', family_name: 'https://spam.example/achat' })
      .where('email', '=', 'auteur@example.fr')
      .execute();
    const id = await draftOf(cookie);
    await t.database.db
      .updateTable('applications')
      .set({ title: 'Gagnez 1000 € https://spam.example/gain' })
      .where('id', '=', id)
      .execute();
    expect((await invite(cookie, id, 'destinataire@example.fr')).statusCode).toBe(303);
    const mail = await t.database.db
      .selectFrom('mails')
      .selectAll()
      .where('to_address', '=', 'destinataire@example.fr')
      .executeTakeFirstOrThrow();
    for (const part of [mail.subject, mail.text_body, mail.html_body]) {
      expect(part).not.toContain('spam.example');
      expect(part).not.toContain('PROMO');
      expect(part).not.toContain('Gagnez');
    }
    expect(mail.text_body).toContain('auteur@example.fr');
    expect(mail.text_body).toContain('Saison 7');
  });

  it('shows a title in a mail only as one clipped, quoted line', async () => {
    const cookie = await signedInAs(t.app, t.clock, null, 'titre-long@example.fr');
    const id = await draftOf(cookie);
    const title = `Achetez maintenant ${'vraiment '.repeat(15)}fin`;
    const sent = await postFrom(cookie, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/soumettre`, {
      project_name: title,
    });
    expect(sent.statusCode).toBe(303);
    const mail = await t.database.db
      .selectFrom('mails')
      .selectAll()
      .where('to_address', '=', 'titre-long@example.fr')
      .executeTakeFirstOrThrow();
    expect(mail.subject).not.toContain('fin');
    expect(mail.subject.length).toBeLessThanOrEqual('Candidature reçue : '.length + 80);
    expect(mail.text_body).toContain('« Achetez maintenant vraiment');
    expect(mail.text_body).toContain('… »');
  });
});
