import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { DEFAULT_FORM } from '../form/default-form.js';
import { seedOpenSeason } from '../testing.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'saison-plan', number: 12, form: DEFAULT_FORM });
});
afterAll(() => t?.close());

describe('public outline of the application form', () => {
  it('shows, without signing in, every section and question with its kind, requirement, limits and condition', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/candidater/saison-plan/questions' });
    expect(page.statusCode).toBe(200);
    for (const section of DEFAULT_FORM.sections) expect(page.body).toContain(section.title.fr.replace(/’/g, '’'));
    for (const question of DEFAULT_FORM.sections.flatMap((s) => s.questions))
      expect(page.body).toContain(question.label.fr);
    expect(page.body).toContain('Numéro SIRET');
    expect(page.body).toContain(
      'À remplir seulement si « Vous candidatez en tant que » vaut : Entreprise, Administration.',
    );
    expect(page.body).toContain('obligatoire');
    expect(page.body).toContain('Dépôt des candidatures jusqu’au 31 mars 2026 à 23:59');
    expect(page.body).toContain('href="/candidater/saison-plan"');
    const english = await t.app.inject({
      method: 'GET',
      url: '/candidater/saison-plan/questions',
      headers: { 'accept-language': 'en' },
    });
    expect(english.statusCode).toBe(200);
  });

  it('stops offering to apply after the deadline, and answers 404 for an unknown season', async () => {
    t.clock.set('2026-03-31T22:00:00Z');
    const closed = await t.app.inject({ method: 'GET', url: '/candidater/saison-plan/questions' });
    expect(closed.statusCode).toBe(200);
    expect(closed.body).not.toContain('href="/candidater/saison-plan"');
    expect((await t.app.inject({ method: 'GET', url: '/candidater/inconnue/questions' })).statusCode).toBe(404);
  });
});
