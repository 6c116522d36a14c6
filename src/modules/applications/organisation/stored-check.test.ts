import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdempotentForm } from '../../../../test/support/forms.js';
import { type ReplayServer, startReplayServer } from '../../../../test/support/replay-server.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';
import { newApplication } from '../ux-testing.js';
import { storedStatus } from './stored-check.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/company-register/', import.meta.url));
const FORM: FormDefinition = {
  sections: [
    {
      id: 'org',
      title: { fr: 'Structure', en: 'Organisation' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        { id: 'siret', kind: 'siret', required: false, label: { fr: 'SIRET', en: 'SIRET' } },
      ],
    },
  ],
};

let t: TestApp;
let replay: ReplayServer;
let staff: string;

beforeAll(async () => {
  replay = await startReplayServer(FIXTURES);
  t = await createTestApp({ companyRegisterUrl: replay.url });
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'saison-org', number: 7, form: FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'verif@example.fr');
});
afterAll(async () => {
  await t?.close();
  await replay?.close();
});

const stored = (id: string) =>
  t.app.services.db
    .selectFrom('application_organisation_checks')
    .selectAll()
    .where('application_id', '=', id)
    .executeTakeFirst();
const staffPage = (id: string) =>
  t.app.inject({ method: 'GET', url: `/admin/candidatures/${id}`, headers: { cookie: staff } });

describe('organisation check stored after submit', () => {
  it('runs in a job after the submit, stores the register answer, and the staff page never calls the register', async () => {
    const owner = await signedInAs(t.app, t.clock, null, 'cco@example.fr');
    const id = await newApplication(t, owner, 'saison-org', {
      project_name: 'Coopérative',
      siret: '882 345 671 00011',
    });
    const asked = replay.requests.length;
    const before = await staffPage(id);
    expect(before.statusCode).toBe(200);
    expect(before.body).toContain('Non vérifiée');
    expect(before.body).toContain('Aucune vérification enregistrée');
    expect(replay.requests.length).toBe(asked);
    expect(await stored(id)).toBeUndefined();

    await t.app.services.worker.drain();
    expect(await stored(id)).toMatchObject({
      status: 'verified',
      siret: '88234567100011',
      name: 'COOPERATIVE DES COMMUNS OUVERTS (CCO)',
      legal_form: '5710',
      active: true,
      is_association: false,
    });
    const after = await staffPage(id);
    expect(after.body).toContain('Vérifiée au répertoire des entreprises');
    expect(after.body).toContain('COOPERATIVE DES COMMUNS OUVERTS (CCO)');
    expect(after.body).toContain('Vérification du');
    expect(replay.requests.length).toBe(asked + 1);
  });

  it('stores a ceased company as inactive and an unknown SIRET as not found', async () => {
    const owner = await signedInAs(t.app, t.clock, null, 'ferme@example.fr');
    const closed = await newApplication(t, owner, 'saison-org', { project_name: 'Fermée', siret: '79512345400014' });
    const unknown = await newApplication(t, owner, 'saison-org', { project_name: 'Inconnue', siret: '81234567600017' });
    await t.app.services.worker.drain();
    expect(await stored(closed)).toMatchObject({ status: 'inactive', active: false });
    expect(await stored(unknown)).toMatchObject({ status: 'not_found', name: null });
    expect((await staffPage(unknown)).body).toContain('ne connaît pas ce numéro SIRET');
  });

  it('never blocks a submit when the register fails; staff see "not verified" and can check again', async () => {
    const owner = await signedInAs(t.app, t.clock, null, 'panne@example.fr');
    const id = await newApplication(t, owner, 'saison-org', { project_name: 'Panne', siret: '35412345700013' });
    expect(
      (
        await t.app.services.db
          .selectFrom('applications')
          .select('state')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).state,
    ).toBe('submitted');
    await t.app.services.worker.drain();
    const first = await stored(id);
    expect(first).toMatchObject({ status: 'unavailable' });
    const page = await staffPage(id);
    expect(page.body).toContain('Non vérifiée');
    expect(page.body).toContain('n’a pas pu être consulté');
    expect(page.body).toContain(`action="/admin/candidatures/${id}/organisation"`);

    t.clock.advance(60_000);
    const again = await postIdempotentForm(
      t.app,
      staff,
      `/admin/candidatures/${id}`,
      `/admin/candidatures/${id}/organisation`,
      {},
    );
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe(`/admin/candidatures/${id}?ok=organisation`);
    const second = await stored(id);
    expect(second?.status).toBe('unavailable');
    expect(new Date(second!.checked_at).getTime()).toBeGreaterThan(new Date(first!.checked_at).getTime());
    const audit = await t.app.services.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_id', '=', id)
      .where('action', '=', 'application.check_organisation')
      .execute();
    expect(audit).toHaveLength(2);
  });

  it('a register that is down (connection refused) still lets the applicant submit', async () => {
    const down = await createTestApp({ companyRegisterUrl: 'http://127.0.0.1:9' });
    try {
      down.clock.set('2026-03-01T10:00:00Z');
      await seedOpenSeason(down.app.services.db, { slug: 'saison-org', number: 7, form: FORM });
      const owner = await signedInAs(down.app, down.clock, null, 'down@example.fr');
      const id = await newApplication(down, owner, 'saison-org', {
        project_name: 'Hors ligne',
        siret: '88234567100011',
      });
      await down.app.services.worker.drain();
      const row = await down.app.services.db
        .selectFrom('application_organisation_checks')
        .select('status')
        .where('application_id', '=', id)
        .executeTakeFirst();
      expect(row?.status).toBe('unavailable');
    } finally {
      await down.close();
    }
  });

  it('with no register configured, the job stores nothing and staff read that the register is off', async () => {
    const off = await createTestApp();
    try {
      off.clock.set('2026-03-01T10:00:00Z');
      await seedOpenSeason(off.app.services.db, { slug: 'saison-org', number: 7, form: FORM });
      const owner = await signedInAs(off.app, off.clock, null, 'off@example.fr');
      const id = await newApplication(off, owner, 'saison-org', {
        project_name: 'Sans répertoire',
        siret: '88234567100011',
      });
      expect(
        await off.app.services.db
          .selectFrom('jobs')
          .select('id')
          .where('name', '=', 'applications.check_organisation')
          .execute(),
      ).toHaveLength(1);
      await off.app.services.worker.drain();
      expect(
        await off.app.services.db.selectFrom('application_organisation_checks').select('status').execute(),
      ).toEqual([]);
      const staffOff = await signedInAs(off.app, off.clock, 'staff', 'staff-off@example.fr');
      const page = await off.app.inject({
        method: 'GET',
        url: `/admin/candidatures/${id}`,
        headers: { cookie: staffOff },
      });
      expect(page.body).toContain('Non vérifiée');
      expect(page.body).toContain('n’est pas activée');
      // Asked explicitly, the check is stored as not configured.
      const again = await postIdempotentForm(
        off.app,
        staffOff,
        `/admin/candidatures/${id}`,
        `/admin/candidatures/${id}/organisation`,
        {},
      );
      expect(again.statusCode).toBe(303);
      expect(
        await off.app.services.db.selectFrom('application_organisation_checks').select('status').execute(),
      ).toEqual([{ status: 'not_configured' }]);
    } finally {
      await off.close();
    }
  });

  it('names each register outcome with its stored status', () => {
    expect(storedStatus({ register: { status: 'not_checked', reason: 'disabled' } })).toBe('not_configured');
    expect(storedStatus({ register: { status: 'not_checked', reason: 'invalid_siret' } })).toBe('not_checked');
    expect(storedStatus({ register: { status: 'unavailable', reason: 'timeout' } })).toBe('unavailable');
  });
});
