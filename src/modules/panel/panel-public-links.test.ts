import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_FORM, seedOpenSeason } from '../../../test/support/factories/applications.js';
import { formSession, submitForm } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { signedInAs } from '../../../test/support/users.js';
import { systemActor } from '../../core/audit/audit.js';
import { createPanel, saveQuotas, setPanelStatus } from './manage-panel.js';
import { genderQuotas } from './testing.js';

/**
 * Issue 17: the panel's call for volunteers and its draws are reachable from the public pages — an open call on
 * the home page and its season's page, published draws on the season's page and on /panel-citoyen (in the site map).
 */

let t: TestApp;
let staff: string;
let seasonSlug: string;
let seasonId: string;
let callPanel: string;
let drawnPanel: string;

const QUOTAS = [...genderQuotas(1, 2)];

async function panelFor(seasonId: string, name: string): Promise<string> {
  return createPanel(t.app.services, systemActor, {
    seasonId,
    name,
    nameEn: '',
    size: 3,
    recruitUntil: new Date('2026-04-30T21:59:59Z'),
    endsAt: new Date('2026-06-30T21:59:59Z'),
    retentionDays: 30,
    onePerHousehold: false,
    criteria: [{ code: 'impact', label: 'Impact', labelEn: 'Impact' }],
    opinionWeight: 30,
  });
}

const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).body;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set('2026-03-01T10:00:00Z');
  staff = await signedInAs(t.app, t.clock, 'staff', 'staff@example.fr');
  const season = await seedOpenSeason(t.app.services.db, { slug: 'saison-liens', number: 4, form: DEFAULT_FORM });
  seasonSlug = 'saison-liens';
  seasonId = season.id;
  callPanel = await panelFor(season.id, 'Panel de printemps');
  await saveQuotas(t.app.services, systemActor, callPanel, QUOTAS);
  // A panel whose draw is already published (the draw itself is tested in panel.test.ts).
  drawnPanel = await panelFor(season.id, 'Panel tiré');
  await t.app.services.db.updateTable('panels').set({ status: 'closed' }).where('id', '=', drawnPanel).execute();
  await t.app.services.db
    .insertInto('panel_draws')
    .values({
      panel_id: drawnPanel,
      kind: 'initial',
      state: 'drawn',
      files: 'null',
      pool_volunteers: '{}',
      selected: '[]',
      declined: '[]',
      error: 'null',
      created_at: new Date('2026-02-20T10:00:00Z'),
      drawn_at: new Date('2026-02-21T10:00:00Z'),
    })
    .execute();
});
afterAll(() => t.close());

describe('public links to the citizen panel', () => {
  it('announces an open call on the home page and its season page once staff open it, and no more once the draw is committed', async () => {
    // Read (and cached for anonymous visitors) while the panel is still being set up: nothing announced.
    expect(await get('/')).not.toContain(`/panel-citoyen/${callPanel}`);
    expect(await get(`/saisons/${seasonSlug}`)).not.toContain(`/panel-citoyen/${callPanel}"`);

    const page = `/admin/panels/${callPanel}`;
    const opened = await submitForm(t.app, await formSession(t.app, staff, page), `${page}/statut`, {
      status: 'recruiting',
    });
    expect(opened.statusCode).toBe(303);

    const home = await get('/');
    expect(home).toContain(`href="/panel-citoyen/${callPanel}"`);
    expect(home).toContain('Panel citoyen « Panel de printemps » : appel à volontaires ouvert');
    expect(home).toContain('Devenir volontaire');
    const season = await get(`/saisons/${seasonSlug}`);
    expect(season).toContain(`href="/panel-citoyen/${callPanel}"`);
    // The published draw of the season's other panel is listed with its transparency page.
    expect(season).toContain(`href="/panel-citoyen/${drawnPanel}/transparence"`);
    expect(season).toContain('Tirage au sort du panel citoyen « Panel tiré »');

    // The commitment closes the call: the pages stop announcing it.
    const committed = await submitForm(t.app, await formSession(t.app, staff, page), `${page}/engagement`, {});
    expect(committed.statusCode).toBe(303);
    expect(await get('/')).not.toContain(`href="/panel-citoyen/${callPanel}"`);
    expect(await get(`/saisons/${seasonSlug}`)).not.toContain(`href="/panel-citoyen/${callPanel}"`);
  });

  it('lists the calls and the published draws on /panel-citoyen, linked from the site map', async () => {
    expect(await get('/plan-du-site')).toContain('href="/panel-citoyen"');
    const list = await t.app.inject({ method: 'GET', url: '/panel-citoyen' });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain(`href="/panel-citoyen/${drawnPanel}/transparence"`);
    expect(list.body).toContain('tiré au sort le 21 février 2026');
    // A panel in set-up is listed nowhere.
    const hidden = await panelFor(seasonId, 'Panel caché');
    expect((await get('/panel-citoyen')).includes(hidden)).toBe(false);
  });

  it('asks each category by its question and offers the values by their labels, in the reader’s language', async () => {
    const id = await panelFor(seasonId, 'Panel des questions');
    await saveQuotas(t.app.services, systemActor, id, [
      ...QUOTAS,
      {
        ...QUOTAS[0],
        category: 'territoire',
        categoryLabel: 'Votre commune',
        categoryLabelEn: '',
        feature: 'rural',
        label: 'Commune rurale',
        labelEn: 'Rural municipality',
      },
      {
        ...QUOTAS[0],
        category: 'territoire',
        categoryLabel: 'Votre commune',
        categoryLabelEn: '',
        feature: 'urbain',
        label: 'Commune urbaine',
        labelEn: '',
      },
    ]);
    expect(await setPanelStatus(t.app.services, systemActor, id, 'recruiting')).toBe('ok');
    const legends = (html: string) =>
      [...html.matchAll(/<legend[^>]*>\s*<span>([^<]*)<\/span>/g)].map((match) => match[1]);
    const fr = await get(`/panel-citoyen/${id}`);
    expect(legends(fr)).toEqual(expect.arrayContaining(['Vous êtes', 'Votre commune']));
    expect(fr).not.toMatch(/<span>(genre|territoire)<\/span>/);
    expect(fr).toContain('Commune rurale');
    const en = (await t.app.inject({ method: 'GET', url: `/panel-citoyen/${id}`, headers: { cookie: 'lang=en' } }))
      .body;
    // English falls back to French where staff left it empty.
    expect(legends(en)).toEqual(expect.arrayContaining(['You are', 'Votre commune']));
    expect(en).toContain('Woman');
    expect(en).toContain('Rural municipality');
    expect(en).toContain('Commune urbaine');
  });
});
