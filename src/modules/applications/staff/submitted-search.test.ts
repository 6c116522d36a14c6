import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formBody, formSession } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import type { FormDefinition } from '../form/model.js';
import { seedOpenSeason } from '../testing.js';

const FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
        { id: 'project_summary', kind: 'long_text', required: true, label: { fr: 'Résumé', en: 'Summary' } },
      ],
    },
  ],
};

let t: TestApp;
let staff: string;

/** GETs the page with the form, then posts the fields with its CSRF token and its idempotency key. */
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

async function draftOf(email: string): Promise<{ cookie: string; id: string }> {
  const cookie = await signedInAs(t.app, t.clock, null, email);
  const created = await postFrom(cookie, '/candidater/recherche', '/candidater/recherche', {
    track_code: 'numerique',
    applicant_kind: 'association',
  });
  expect(created.statusCode).toBe(303);
  return { cookie, id: /([0-9a-f-]{36})$/.exec(String(created.headers.location))![1]! };
}

/** The application ids a staff search lists. */
async function found(q: string): Promise<string[]> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/admin/candidatures?q=${encodeURIComponent(q)}`,
    headers: { cookie: staff },
  });
  expect(response.statusCode).toBe(200);
  return [...new Set([...response.body.matchAll(/\/admin\/candidatures\/([0-9a-f-]{36})/g)].map((m) => m[1]!))];
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'recherche', number: 7, form: FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'instruction-recherche@example.fr');
});
afterAll(() => t?.close());

describe('staff search', () => {
  it('finds a submitted application by its submitted version, not by the draft edited since, and never a draft by its words', async () => {
    const submitted = await draftOf('porteur-recherche@example.fr');
    const first = await postFrom(
      submitted.cookie,
      `/mes-candidatures/${submitted.id}`,
      `/mes-candidatures/${submitted.id}/soumettre`,
      {
        project_name: 'Coopérative énergétique',
        project_summary: 'Des panneaux solaires installés sur les écoles du quartier',
      },
    );
    expect(first.statusCode).toBe(303);
    // Edited after the submit, not submitted again: staff still instruct (and search) version 1.
    const edited = await postFrom(
      submitted.cookie,
      `/mes-candidatures/${submitted.id}`,
      `/mes-candidatures/${submitted.id}`,
      {
        project_name: 'Observatoire étoilé',
        project_summary: 'Un télescope partagé pour observer les astres',
      },
    );
    expect(edited.statusCode).toBe(303);

    const draft = await draftOf('brouillon-recherche@example.fr');
    const saved = await postFrom(draft.cookie, `/mes-candidatures/${draft.id}`, `/mes-candidatures/${draft.id}`, {
      project_name: 'Lombricomposteur collectif',
      project_summary: 'Des vers de terre pour les déchets du télescope',
    });
    expect(saved.statusCode).toBe(303);

    expect(await found('panneaux solaires')).toEqual([submitted.id]);
    expect(await found('coopérative')).toEqual([submitted.id]);
    // Words only in the draft written after the submit: the submitted application is not found.
    expect(await found('astres')).toEqual([]);
    expect(await found('observatoire')).toEqual([]);
    // A draft that was never submitted is the applicant's: its words find nothing (issue 17).
    expect(await found('lombricomposteur')).toEqual([]);
    expect(await found('télescope')).toEqual([]);

    // Submitted again: now the second version is what staff search.
    const second = await postFrom(
      submitted.cookie,
      `/mes-candidatures/${submitted.id}`,
      `/mes-candidatures/${submitted.id}/soumettre`,
      {
        project_name: 'Observatoire étoilé',
        project_summary: 'Un télescope partagé pour observer les astres',
      },
    );
    expect(second.statusCode).toBe(303);
    expect(await found('astres')).toEqual([submitted.id]);
    expect(await found('télescope')).toEqual([submitted.id]);
    expect(await found('solaires')).toEqual([]);
    const versions = await t.app.services.db
      .selectFrom('application_versions')
      .select('version')
      .where('application_id', '=', submitted.id)
      .execute();
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);
  });
});

describe('staff search folds accents (issue 17)', () => {
  it('finds accented words from a query typed without accents, and the reverse, in submitted versions', async () => {
    const accented = await draftOf('accents-porteur@example.fr');
    const submitted = await postFrom(
      accented.cookie,
      `/mes-candidatures/${accented.id}`,
      `/mes-candidatures/${accented.id}/soumettre`,
      {
        project_name: 'Ressourcerie de déguisements',
        project_summary: 'Prêt de costumes et aide au logement étudiant à Besançon',
      },
    );
    expect(submitted.statusCode).toBe(303);
    const plain = await draftOf('accents-brouillon@example.fr');
    const saved = await postFrom(
      plain.cookie,
      `/mes-candidatures/${plain.id}`,
      `/mes-candidatures/${plain.id}/soumettre`,
      {
        project_name: 'Creche parentale',
        project_summary: 'Une creche geree par les parents pour les eleves et leurs freres',
      },
    );
    expect(saved.statusCode).toBe(303);

    // Typed without accents, found in accented text (a submitted version).
    expect(await found('deguisements')).toEqual([accented.id]);
    expect(await found('logement etudiant')).toEqual([accented.id]);
    expect(await found('besancon')).toEqual([accented.id]);
    // Typed with accents, found in text written without them.
    expect(await found('crèche')).toEqual([plain.id]);
    expect(await found('élèves gérée')).toEqual([plain.id]);
    // Accented both sides, and the French stems still apply (plural, feminine).
    expect(await found('déguisement')).toEqual([accented.id]);
    expect(await found('étudiants')).toEqual([accented.id]);
  });
});

describe('drafts in progress', () => {
  /** The count the staff list shows, for a season (or all). */
  async function shownCount(season = ''): Promise<number> {
    const response = await t.app.inject({
      method: 'GET',
      url: `/admin/candidatures${season ? `?saison=${season}` : ''}`,
      headers: { cookie: staff },
    });
    expect(response.statusCode).toBe(200);
    return Number(/(\d+) brouillons? en cours/.exec(response.body)?.[1]);
  }
  async function actualDrafts(): Promise<number> {
    const row = await t.app.services.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('state', '=', 'draft')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  it('counts exactly the applications still in draft as they are created, submitted, withdrawn and seeded', async () => {
    const before = await actualDrafts();
    expect(await shownCount()).toBe(before);
    const a = await draftOf('compte-a@example.fr');
    const b = await draftOf('compte-b@example.fr');
    await draftOf('compte-c@example.fr');
    expect(await shownCount()).toBe(before + 3);
    expect(await shownCount('recherche')).toBe(before + 3);

    const submitted = await postFrom(a.cookie, `/mes-candidatures/${a.id}`, `/mes-candidatures/${a.id}/soumettre`, {
      project_name: 'Compté',
      project_summary: 'Soumis',
    });
    expect(submitted.statusCode).toBe(303);
    const withdrawn = await postFrom(b.cookie, `/mes-candidatures/${b.id}`, `/mes-candidatures/${b.id}/retirer`, {});
    expect(withdrawn.statusCode).toBe(303);
    expect(await shownCount()).toBe(before + 1);
    expect(await actualDrafts()).toBe(before + 1);

    const { seedApplicationsCommand } = await import('../seed-command.js');
    expect(await seedApplicationsCommand.run(['recherche', '50'], t.app.services)).toBe(0);
    // One in five synthetic applications is a draft.
    expect(await shownCount()).toBe(before + 1 + 10);
    expect(await actualDrafts()).toBe(before + 1 + 10);
    // Synthetic applications past the draft have their submitted version.
    const versions = await t.app.services.db
      .selectFrom('applications')
      .innerJoin('application_versions as v', (join) =>
        join.onRef('v.application_id', '=', 'applications.id').onRef('v.version', '=', 'applications.current_version'),
      )
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('applications.title', 'like', '% %')
      .where('applications.state', '!=', 'draft')
      .executeTakeFirstOrThrow();
    expect(Number(versions.n)).toBeGreaterThanOrEqual(40);
  });
});
