import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postIdempotentForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { signedInAs } from '../../../../test/support/users.js';
import { STAFF_PAGE_SIZE } from '../queries.js';
import { seedOpenSeason } from '../testing.js';
import { newApplication, PROJECT_NAME_FORM } from '../ux-testing.js';

let t: TestApp;
let staff: string;
const numerique: string[] = [];
const autres: string[] = [];
// More than one page of the staff list, so "every result" means more than the ticked page.
const COUNT = STAFF_PAGE_SIZE + 3;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  await seedOpenSeason(t.app.services.db, { slug: 'saison-lot', number: 11, form: PROJECT_NAME_FORM });
  staff = await signedInAs(t.app, t.clock, 'staff', 'lot-tous@example.fr');
  // One applicant per project, as in a real call (an account may own at most a few applications a season).
  const owner = (n: string) => signedInAs(t.app, t.clock, null, `porteur-lot-${n}@example.fr`);
  for (let i = 0; i < COUNT; i++) {
    t.clock.advance(1_000);
    numerique.push(
      await newApplication(t, await owner(`n${i}`), 'saison-lot', { project_name: `Projet numérique ${i}` }),
    );
  }
  for (let i = 0; i < 2; i++)
    autres.push(
      await newApplication(
        t,
        await owner(`a${i}`),
        'saison-lot',
        { project_name: `Autre commun ${i}` },
        { track: 'autres' },
      ),
    );
}, 300_000);
afterAll(() => t?.close());

const states = async (ids: string[]) =>
  (await t.app.services.db.selectFrom('applications').select('state').where('id', 'in', ids).execute()).map(
    (row) => row.state,
  );

describe('batch action on every result of a filter', () => {
  it('links from the list, confirms with the count, refuses without the box ticked or when the count changed, then acts on every page', async () => {
    const list = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures?parcours=numerique',
      headers: { cookie: staff },
    });
    expect(list.body).toContain('href="/admin/candidatures/lot/tous?parcours=numerique"');
    expect(list.body.match(/name="ids"/g)).toHaveLength(STAFF_PAGE_SIZE);

    const confirm = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/lot/tous?parcours=numerique',
      headers: { cookie: staff },
    });
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain(`${COUNT} candidatures correspondent à ce filtre.`);
    expect(confirm.body).toContain('parcours = numerique');
    expect(confirm.body).toContain(`name="count" value="${COUNT}"`);
    const page = '/admin/candidatures/lot/tous?parcours=numerique';

    const unticked = await postIdempotentForm(t.app, staff, page, page, {
      action: 'instruction',
      count: String(COUNT),
    });
    expect(unticked.statusCode).toBe(400);
    expect(unticked.body).toContain('Cochez la case pour confirmer.');
    expect(unticked.body).toContain('<option value="instruction" selected');
    expect(await states(numerique)).not.toContain('in_instruction');

    const stale = await postIdempotentForm(t.app, staff, page, page, {
      action: 'instruction',
      count: String(COUNT - 1),
      confirm: 'oui',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain(`(${COUNT} maintenant)`);
    expect(await states(numerique)).not.toContain('in_instruction');

    const done = await postIdempotentForm(t.app, staff, page, page, {
      action: 'instruction',
      count: String(COUNT),
      confirm: 'oui',
    });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain(`${COUNT} candidatures traitées`);
    expect(done.body).toContain('0 candidature refusée');
    expect(new Set(await states(numerique))).toEqual(new Set(['in_instruction']));
    expect(await states(autres)).toEqual(['submitted', 'submitted']);

    // Again: the same rules refuse each one, and the report says why for each.
    const again = await postIdempotentForm(t.app, staff, page, page, {
      action: 'instruction',
      count: String(COUNT),
      confirm: 'oui',
    });
    expect(again.body).toContain(`${COUNT} candidatures refusées`);
    expect(again.body).toContain('Projet numérique 0 : action impossible depuis l’état « En instruction »');
  }, 120_000);

  it('keeps to the staff member’s track, and sends one message to every result', async () => {
    const limited = await signedInAs(t.app, t.clock, 'staff', 'lot-ditp@example.fr', 'autres');
    const confirm = await t.app.inject({
      method: 'GET',
      url: '/admin/candidatures/lot/tous',
      headers: { cookie: limited },
    });
    expect(confirm.body).toContain('2 candidatures correspondent à ce filtre.');
    expect(confirm.body).toContain('Je confirme appliquer cette action aux 2 candidatures de ce filtre');
    const page = '/admin/candidatures/lot/tous';
    const noBody = await postIdempotentForm(t.app, limited, page, page, {
      action: 'message',
      count: '2',
      confirm: 'oui',
    });
    expect(noBody.statusCode).toBe(400);
    expect(noBody.body).toContain('Écrivez le message à envoyer.');
    const sent = await postIdempotentForm(t.app, limited, page, page, {
      action: 'message',
      body: 'Rappel : pièces à fournir',
      count: '2',
      confirm: 'oui',
    });
    expect(sent.body).toContain('2 candidatures traitées');
    const messages = await t.app.services.db
      .selectFrom('application_messages')
      .select('application_id')
      .where('body', '=', 'Rappel : pièces à fournir')
      .execute();
    expect(messages.map((m) => m.application_id).sort()).toEqual([...autres].sort());
  });
});
