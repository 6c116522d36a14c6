import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdempotentForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { seedOpenSeason } from '../testing.js';
import { newApplication, PROJECT_NAME_FORM } from '../ux-testing.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'saison-lu', number: 8, form: PROJECT_NAME_FORM });
});
afterAll(() => t?.close());

const get = (cookie: string, url: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
/** The list row of one application (its table row on the staff list, its list item on "mes candidatures"). */
function rowOf(html: string, id: string): string {
  const at = html.indexOf(`candidatures/${id}"`);
  expect(at).toBeGreaterThan(-1);
  const end = html.indexOf(html.includes('<tr>', at) ? '</tr>' : '</li>', at);
  return html.slice(at, end);
}

describe('unread messages', () => {
  it('marks for each staff member the applications with applicant messages they have not read, until they open the thread', async () => {
    const owner = await signedInAs(t.app, t.clock, null, 'porteuse-lu@example.fr');
    const alice = await signedInAs(t.app, t.clock, 'staff', 'alice-lu@example.fr');
    const bob = await signedInAs(t.app, t.clock, 'staff', 'bob-lu@example.fr');
    const id = await newApplication(t, owner, 'saison-lu', { project_name: 'Fil de discussion' });
    const quiet = await newApplication(t, owner, 'saison-lu', { project_name: 'Sans message' });

    expect(rowOf((await get(alice, '/admin/candidatures')).body, id)).not.toContain('Message non lu');
    t.clock.advance(60_000);
    const sent = await postIdempotentForm(t.app, owner, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/messages`, {
      body: 'Une question sur le budget',
    });
    expect(sent.statusCode).toBe(303);

    for (const staff of [alice, bob]) {
      const list = (await get(staff, '/admin/candidatures')).body;
      expect(rowOf(list, id)).toContain('Message non lu');
      expect(rowOf(list, quiet)).not.toContain('Message non lu');
    }
    // Alice opens the application: the message is marked new once, then read for her only.
    const page = await get(alice, `/admin/candidatures/${id}`);
    expect(page.body).toContain('fr-badge--new');
    expect(page.body).toContain('Une question sur le budget');
    expect((await get(alice, `/admin/candidatures/${id}`)).body).not.toContain('fr-badge--new');
    expect(rowOf((await get(alice, '/admin/candidatures')).body, id)).not.toContain('Message non lu');
    expect(rowOf((await get(bob, '/admin/candidatures')).body, id)).toContain('Message non lu');

    // A later applicant message is new again for Alice.
    t.clock.advance(60_000);
    await postIdempotentForm(t.app, owner, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/messages`, {
      body: 'Et une précision',
    });
    expect(rowOf((await get(alice, '/admin/candidatures')).body, id)).toContain('Message non lu');
  });

  it('marks on "mes candidatures" the staff messages the applicant has not read, and not their own', async () => {
    const owner = await signedInAs(t.app, t.clock, null, 'porteur-lu@example.fr');
    const staff = await signedInAs(t.app, t.clock, 'staff', 'claire-lu@example.fr');
    const id = await newApplication(t, owner, 'saison-lu', { project_name: 'Réponse attendue' });
    t.clock.advance(60_000);
    expect(
      (
        await postIdempotentForm(t.app, owner, `/mes-candidatures/${id}`, `/mes-candidatures/${id}/messages`, {
          body: 'Mon propre message',
        })
      ).statusCode,
    ).toBe(303);
    expect(rowOf((await get(owner, '/mes-candidatures')).body, id)).not.toContain('Message non lu');

    t.clock.advance(60_000);
    const sent = await postIdempotentForm(
      t.app,
      staff,
      `/admin/candidatures/${id}`,
      `/admin/candidatures/${id}/messages`,
      { body: 'Pouvez-vous préciser ?' },
    );
    expect(sent.statusCode).toBe(303);
    expect(rowOf((await get(owner, '/mes-candidatures')).body, id)).toContain('Message non lu');
    const page = (await get(owner, `/mes-candidatures/${id}`)).body;
    expect(page).toContain('fr-badge--new');
    expect(page.indexOf('fr-badge--new')).toBeLessThan(page.indexOf('Pouvez-vous préciser ?'));
    expect(page.indexOf('fr-badge--new')).toBeGreaterThan(page.indexOf('Mon propre message'));
    expect(rowOf((await get(owner, '/mes-candidatures')).body, id)).not.toContain('Message non lu');
    expect((await get(owner, `/mes-candidatures/${id}`)).body).not.toContain('fr-badge--new');
  });
});
