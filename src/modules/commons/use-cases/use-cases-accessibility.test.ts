import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  runsPageAudits,
  signedInContext,
  startTestServer,
} from '../../../../test/browser/browser-support.js';
import { createSignedInUser } from '../../../../test/support/users.js';
import { ManualClock } from '../../../core/clock.js';
import { insertNeed, insertUseCase } from '../testing.js';
import { seedSpace } from './testing.js';

/** The pages of use cases, needs and offers and their moderation, with forms holding errors: axe finds nothing. */
describe.skipIf(!runsPageAudits)('accessibility of the use cases and needs pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let anonymous: BrowserContext;
  let member: BrowserContext;
  let maintainer: BrowserContext;
  let staff: BrowserContext;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-05-04T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { db } = running.app.services;
    const agent = await createSignedInUser(db, clock, [{ role: 'partner' }], 'agent');
    const keeper = await createSignedInUser(db, clock, [{ role: 'partner' }], 'mainteneur');
    const admin = await createSignedInUser(db, clock, [{ role: 'admin' }], 'admin');
    const space = await seedSpace(db, clock, { membersA: [agent.id], membersB: [], maintainers: [keeper.id] });
    const now = clock.now();
    ids.useCase = await insertUseCase(db, now, {
      administrationId: space.administrationA,
      commonsId: space.umap,
      title: 'Carte des équipements sportifs',
      status: 'production',
      referents: [agent.id],
    });
    await db
      .insertInto('commons_contributions')
      .values({
        use_case_id: ids.useCase,
        kind: 'funding',
        description: 'Financement de l’export',
        amount_cents: 1_500_000,
        occurred_on: '2026-02-01',
        created_at: now,
      })
      .execute();
    ids.abandoned = await insertUseCase(db, now, {
      administrationId: space.administrationB,
      commonsId: space.openFoodFacts,
      title: 'Menus des cantines',
      status: 'abandoned',
      visibility: 'members',
    });
    ids.need = await insertNeed(db, now, {
      side: 'administration',
      ownerId: space.administrationA,
      title: 'Informer des coupures d’eau',
      lever: 'experimentations',
    });
    ids.offer = await insertNeed(db, now, {
      side: 'commons',
      ownerId: space.umap,
      title: 'Hébergement d’instances',
      kind: 'offer',
      category: 'hosting',
    });
    await db
      .updateTable('commons_needs')
      .set({ closed_at: now, outcome: 'met', outcome_note: 'Trois communes hébergées.' })
      .where('id', '=', ids.offer)
      .execute();
    await db
      .updateTable('commons_use_cases')
      .set({ hidden: true, hidden_reason: 'Doublon' })
      .where('id', '=', ids.abandoned)
      .execute();
    anonymous = await browser.newContext({ locale: 'fr-FR' });
    member = await signedInContext(browser, running.baseUrl, agent.cookie);
    maintainer = await signedInContext(browser, running.baseUrl, keeper.cookie);
    staff = await signedInContext(browser, running.baseUrl, admin.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  const open =
    (url: string, status = 200) =>
    async (page: Page) => {
      const response = await page.goto(`${running.baseUrl}${url}`);
      expect(response?.status(), url).toBe(status);
    };

  /** Opens a form, clears a required field and sends it: the page comes back with its errors. */
  const withErrors = (url: string, clear: string, submit: string) => async (page: Page) => {
    await page.goto(`${running.baseUrl}${url}`);
    if (clear) await page.fill(clear, '');
    await page.evaluate(() => {
      for (const field of document.querySelectorAll('[required]')) field.removeAttribute('required');
    });
    await page.click(submit);
    await page.waitForLoadState('load');
    expect(await page.locator('.fr-error-text').count(), url).toBeGreaterThan(0);
  };

  it('public lists and pages, with filters and feeds', async () => {
    await auditPage(anonymous, 'use cases', open('/cooperation/cas-d-usage?statut=production&territoire=R53&q=carte'));
    await auditPage(anonymous, 'use case', open(`/cooperation/cas-d-usage/${ids.useCase}`));
    await auditPage(anonymous, 'needs', open('/cooperation/besoins?etat=tous'));
    await auditPage(anonymous, 'need', open(`/cooperation/besoins/${ids.need}`));
    await auditPage(anonymous, 'closed offer', open(`/cooperation/besoins/${ids.offer}`));
  }, 180_000);

  it('members’ forms, also with errors', async () => {
    await auditPage(member, 'use case as member', open(`/cooperation/cas-d-usage/${ids.useCase}`));
    await auditPage(member, 'new use case', open('/cooperation/cas-d-usage/nouveau'));
    await auditPage(
      member,
      'new use case with errors',
      withErrors('/cooperation/cas-d-usage/nouveau', '#title', 'form[action$="/nouveau"] button[type="submit"]'),
    );
    await auditPage(member, 'edit use case', open(`/cooperation/cas-d-usage/${ids.useCase}/modifier`));
    await auditPage(
      member,
      'edit use case with a contribution error',
      withErrors(
        `/cooperation/cas-d-usage/${ids.useCase}/modifier`,
        '#contribution_description',
        'form[action$="/contributions"] button[type="submit"]',
      ),
    );
    await auditPage(member, 'referent', open(`/cooperation/cas-d-usage/${ids.useCase}/referent`));
    await auditPage(member, 'referent with an error', async (page) => {
      await page.goto(`${running.baseUrl}/cooperation/cas-d-usage/${ids.useCase}/referent`);
      await page.locator('#engagement').uncheck({ force: true });
      await page.click('main form button[type="submit"]:not([value])');
      await page.waitForLoadState('load');
      expect(await page.locator('#engagement-error').count()).toBe(1);
    });
    await auditPage(member, 'new need', open('/cooperation/besoins/nouveau?cote=administration'));
    await auditPage(
      member,
      'new need with errors',
      withErrors('/cooperation/besoins/nouveau?cote=administration', '#title', 'main form button[type="submit"]'),
    );
    await auditPage(member, 'need as author', open(`/cooperation/besoins/${ids.need}`));
    await auditPage(member, 'edit need', open(`/cooperation/besoins/${ids.need}/modifier`));
    await auditPage(member, 'close need', open(`/cooperation/besoins/${ids.need}/cloture`));
    await auditPage(
      member,
      'close need with errors',
      withErrors(`/cooperation/besoins/${ids.need}/cloture`, '', 'main form button[type="submit"]'),
    );
    await auditPage(maintainer, 'new commons offer', open('/cooperation/besoins/nouveau?cote=commun'));
    await auditPage(maintainer, 'closed offer as author', open(`/cooperation/besoins/${ids.offer}`));
  }, 240_000);

  it('staff moderation, also with an error, and a hidden use case', async () => {
    await auditPage(staff, 'moderation', open('/admin/cooperation/publications'));
    await auditPage(staff, 'moderation with an error', async (page) => {
      await page.goto(`${running.baseUrl}/admin/cooperation/publications`);
      await page.evaluate(() => {
        for (const field of document.querySelectorAll('[required]')) field.removeAttribute('required');
      });
      await page.locator('table form button[type="submit"]').first().click();
      await page.waitForLoadState('load');
      expect(await page.locator('.fr-error-text').count()).toBe(1);
    });
    await auditPage(staff, 'hidden use case', open(`/cooperation/cas-d-usage/${ids.abandoned}`));
  }, 180_000);
});
