import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditPage,
  launchBrowser,
  type RunningApp,
  reusedTab,
  runsPageAudits,
  signedInContext,
  startTestServer,
} from '../../../test/browser/browser-support.js';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../test/support/factories/laureates.js';
import { insertPlanWithMilestones } from '../../../test/support/factories/support-milestones.js';
import { createSignedInUser } from '../../../test/support/users.js';
import type { Actor } from '../../core/audit/audit.js';
import { ManualClock } from '../../core/clock.js';
import { commitGrant } from './commit-grant.js';
import { generateConvention } from './generate-convention.js';
import { openProcedure } from './open-procedure.js';
import { tranchesOf } from './queries.js';
import { recordPayment } from './record-payment.js';
import { saveEnvelope } from './save-envelope.js';
import { saveGrant } from './save-grant.js';

/** The grants' pages, with data and with errors: axe finds nothing, the CSP blocks nothing, no sideways scroll at 320 px. */
describe.skipIf(!runsPageAudits)('accessibility of the grants pages (axe-core in Chromium)', () => {
  let running: RunningApp;
  let browser: Browser;
  let staff: BrowserContext;
  let team: BrowserContext;
  let seasonId: string;
  let laureates: SeededLaureate[];
  let envelopeId: string;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-03-01T10:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    const { services } = running.app;
    const finance = await createSignedInUser(services.db, clock, [{ role: 'finance' }, { role: 'staff' }], 'finance');
    const actor: Actor = { id: finance.id, label: `user:${finance.id}` };
    const seeded = await seedConfirmedLaureates(services.db, clock, {
      slug: 'saison-a11y-subventions',
      number: 93,
      laureates: [{ title: 'Projet Accessible', amountCents: 3_000_000 }, { title: 'Projet Brouillon' }],
    });
    seasonId = seeded.seasonId;
    laureates = seeded.laureates;
    const envelope = await saveEnvelope(services, actor, {
      seasonId,
      trackCode: '',
      label: 'Enveloppe saison 93',
      amountCents: 50_000_000,
      payerName: 'Direction interministérielle du numérique',
      payerSiret: '13002526500013',
      budgetLine: 'P129',
      scheme: 'Accélérateur d’initiatives citoyennes',
    });
    if (!envelope.ok) throw new Error('envelope');
    envelopeId = envelope.id;
    const { milestoneIds } = await insertPlanWithMilestones(services.db, {
      applicationId: laureates[0].applicationId,
      seasonId,
      trackCode: 'numerique',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      milestones: [{ title: 'Prototype', dueOn: '2026-05-01' }],
    });
    const saved = await saveGrant(services, actor, {
      applicationId: laureates[0].applicationId,
      seasonId,
      reason: '',
      grant: {
        envelopeId,
        reference: 'AIC-A11Y-1',
        amountCents: 3_000_000,
        purpose: 'Déployer le service dans trois départements',
        nature: 'cash',
        paymentTerms: 'staggered',
        paymentTermsText: '',
        beneficiaryName: 'Association Projet Accessible',
        beneficiarySiret: null,
        beneficiaryRna: 'W751234560',
        actionStartsOn: '2026-01-01',
        actionEndsOn: '2026-12-31',
        shareOfCostsBp: 8000,
        euNotified: false,
        raeId: null,
        tranches: [
          { amountCents: 2_000_000, plannedOn: '2026-02-01', condition: 'none', milestoneId: null, conditionText: '' },
          {
            amountCents: 1_000_000,
            plannedOn: '2026-06-01',
            condition: 'milestone',
            milestoneId: milestoneIds[0],
            conditionText: 'Prototype validé',
          },
        ],
      },
    });
    if (!saved.ok) throw new Error('grant');
    await commitGrant(services, actor, { grantId: saved.id });
    await generateConvention(services, actor, { grantId: saved.id, locale: 'fr' });
    const [first] = await tranchesOf(services.db, saved.id);
    await recordPayment(services, actor, {
      grantId: saved.id,
      trancheId: first.id,
      paidOn: '2026-02-15',
      amountCents: 2_000_000,
      reference: 'MANDAT-2026-001',
    });
    await openProcedure(services, actor, {
      grantId: saved.id,
      kind: 'reduce',
      reasons: 'Une partie des dépenses n’est pas justifiée.',
      answerDueOn: '2026-03-20',
      proposedCents: 2_500_000,
    });
    staff = await signedInContext(browser, running.baseUrl, finance.cookie);
    team = await signedInContext(browser, running.baseUrl, laureates[0].owner.cookie);
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  async function check(context: BrowserContext, label: string, visit: (page: Page) => Promise<unknown>): Promise<void> {
    for (const width of [1280, 320]) {
      await auditPage(context, `${label} (${width} px)`, async (page) => {
        await page.setViewportSize({ width, height: 900 });
        await visit(page);
      });
      const { page } = await reusedTab(context);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${label} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
    }
  }

  it('has no violation on the envelopes, the season’s grants, the grant pages, the template and the team’s page', async () => {
    const base = running.baseUrl;
    await check(staff, 'envelopes', (page) => page.goto(`${base}/admin/subventions/enveloppes?saison=${seasonId}`));
    await check(staff, 'envelope form with errors', async (page) => {
      await page.goto(`${base}/admin/subventions/enveloppes/nouvelle?saison=${seasonId}`);
      await page.fill('#label', 'Enveloppe complémentaire');
      await page.fill('#amount', 'abc');
      await page.fill('#payer_name', 'DINUM');
      await page.fill('#payer_siret', '13002526500014');
      await page.fill('#budget_line', 'P129');
      await page.click('form[action="/admin/subventions/enveloppes"] button[type="submit"]');
      await page.waitForLoadState('load');
      expect(await page.locator('#amount-error').count()).toBe(1);
      expect(await page.locator('#payer_siret-error').count()).toBe(1);
    });
    await check(staff, 'season grants', (page) => page.goto(`${base}/admin/subventions/saisons/${seasonId}`));
    await check(staff, 'grant page', (page) =>
      page.goto(`${base}/admin/subventions/laureats/${laureates[0].applicationId}`),
    );
    await check(staff, 'draft grant with errors', async (page) => {
      await page.goto(`${base}/admin/subventions/laureats/${laureates[1].applicationId}`);
      await page.fill('#reference', 'AIC-A11Y-2');
      await page.fill('#amount', '-3');
      await page.fill('#action_starts_on', '2026-01-01');
      await page.fill('#action_ends_on', '2026-12-31');
      await page.click(
        `form[action="/admin/subventions/laureats/${laureates[1].applicationId}"] button[type="submit"]`,
      );
      await page.waitForLoadState('load');
      expect(await page.locator('#amount-error').count()).toBe(1);
    });
    await check(staff, 'convention template', (page) =>
      page.goto(`${base}/admin/subventions/saisons/${seasonId}/convention`),
    );
    await check(team, 'team grant page', (page) =>
      page.goto(`${base}/espace-laureat/${laureates[0].applicationId}/subvention`),
    );
  }, 240_000);
});
