import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN } from '../../../test/support/factories/accounts.js';
import { DEMO_ELIGIBLE_COUNT, sessionOf, tableCounts } from '../../../test/support/factories/applications.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { loadDemo } from '../../core/boot.js';
import { DEMO_PANEL_NAME, DEMO_VOLUNTEERS } from './demo.js';

describe('citizen panel demo', () => {
  let t: TestApp;
  let panelId: string;

  beforeAll(async () => {
    t = await createTestApp();
    await loadDemo(t.app.services);
    panelId = (
      await t.database.db
        .selectFrom('panels')
        .select('id')
        .where('name', '=', DEMO_PANEL_NAME)
        .executeTakeFirstOrThrow()
    ).id;
  }, 180_000); // loads the whole demo: a hang guard, not a timing goal (90 s were passed on a shared machine)
  afterAll(() => t.close());

  it('has a panel recruiting with quotas, sixty volunteers, the eligible applications shortlisted, an analysis requested and no draw', async () => {
    const { db } = t.database;
    const panel = await db.selectFrom('panels').selectAll().where('id', '=', panelId).executeTakeFirstOrThrow();
    expect(panel.size).toBe(15);
    expect(panel.status).toBe('recruiting');
    const quotas = await db.selectFrom('panel_quotas').select('category').where('panel_id', '=', panelId).execute();
    expect(new Set(quotas.map((q) => q.category)).size).toBe(3);
    expect(await db.selectFrom('panel_volunteers').select('id').where('panel_id', '=', panelId).execute()).toHaveLength(
      DEMO_VOLUNTEERS,
    );
    expect(
      await db.selectFrom('panel_demographics').select('volunteer_id').where('panel_id', '=', panelId).execute(),
    ).toHaveLength(DEMO_VOLUNTEERS);
    expect(
      await db.selectFrom('panel_shortlist').select('application_id').where('panel_id', '=', panelId).execute(),
    ).toHaveLength(DEMO_ELIGIBLE_COUNT);
    expect(await db.selectFrom('panel_draws').select('id').where('panel_id', '=', panelId).execute()).toHaveLength(0);
    const analyses = await db
      .selectFrom('panel_analyses')
      .select(['algorithm', 'state'])
      .where('panel_id', '=', panelId)
      .execute();
    expect(analyses.map((a) => a.algorithm).sort()).toEqual(['legacy', 'leximin']);
  });

  it('changes nothing when loaded again', async () => {
    const before = await tableCounts(t.database.db);
    await loadDemo(t.app.services);
    expect(await tableCounts(t.database.db)).toEqual(before);
  });

  it('computes the analysis with the job worker, and shows it to the demo admin', async () => {
    await t.app.services.worker.drain();
    const { db } = t.database;
    const leximin = await db
      .selectFrom('panel_analyses')
      .select(['state', 'result'])
      .where('panel_id', '=', panelId)
      .where('algorithm', '=', 'leximin')
      .executeTakeFirstOrThrow();
    expect(leximin.state).toBe('done');
    expect(leximin.result!.n).toBe(DEMO_VOLUNTEERS);
    expect(leximin.result!.minProbability).toBeGreaterThan(0);
    const cookie = await sessionOf(db, t.clock, DEMO_ADMIN);
    const page = await t.app.inject({ method: 'GET', url: `/admin/panels/${panelId}`, headers: { cookie } });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(DEMO_PANEL_NAME);
    expect(page.body).toContain('LEXIMIN');
    const demographics = await t.app.inject({
      method: 'GET',
      url: `/admin/panels/${panelId}/demographie`,
      headers: { cookie },
    });
    expect(demographics.statusCode).toBe(200);
    expect(demographics.body).toContain('citoyens.demo.accelerateur.localhost');
    const publicPage = await t.app.inject({ method: 'GET', url: `/panel-citoyen/${panelId}` });
    expect(publicPage.statusCode).toBe(200);
  });
});
