import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { type SeededLaureate, seedConfirmedLaureates } from '../support/factories/laureates.js';
import { INTRODUCTION_MAIL } from '../support/factories/support.js';
import { createSignedInUser, type SignedInUser } from '../support/users.js';
import {
  expectAxeClean,
  hasChromium,
  launchBrowser,
  type RunningApp,
  signedInContext,
  startTestServer,
  watchCsp,
} from './browser-support.js';

/**
 * Issue 14's "browser tests for the team's and the staff's main journeys", in Chromium through real pages and
 * forms: staff build a laureate's support plan (from a season template) and its milestones, review the team's
 * deliverables (returned, then validated), record a coaching session and introduce the team to an administration
 * contact; the team hands in a file then a link, asks for an introduction and writes in its timeline; finance
 * staff create an envelope, the grant with two tranches, commit it, generate and sign the convention, pay the
 * first tranche; the team sees its grant and the open-data file lists it.
 */
if (!hasChromium)
  console.log('browser scenario skipped: /usr/bin/chromium is not installed (apt-get install chromium)');

const TODAY = '2026-12-07';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const SCDL_COLUMNS = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'referenceDecision',
  'nomBeneficiaire',
  'idBeneficiaire',
  'rnaBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'idRAE',
  'notificationUE',
  'pourcentageSubvention',
  'dispositifAide',
];

/** One CSV line split on its commas, quotes honoured. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}

describe.skipIf(!hasChromium)('a laureate supported and granted, staff, team and finance, in a browser', () => {
  const clock = new ManualClock(new Date(`${TODAY}T09:00:00Z`));
  let running: RunningApp;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let staff: Page;
  let team: Page;
  let finance: Page;
  /** Content-Security-Policy reports of each person's page (none expected). */
  const csp = new Map<Page, string[]>();
  let laureate: SeededLaureate;
  let other: SeededLaureate;
  let seasonId: string;
  let follow: string;
  let space: string;
  let milestoneIds: string[] = [];

  const db = () => running.database.db;
  const url = (path: string) => `${running.baseUrl}${path}`;

  async function pageFor(user: SignedInUser): Promise<Page> {
    const context = await signedInContext(browser, running.baseUrl, user.cookie);
    contexts.push(context);
    context.setDefaultTimeout(8_000);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    page.on('dialog', (dialog) => void dialog.accept());
    csp.set(page, watchCsp(page));
    return page;
  }

  /** Clicks and waits for the page it leads to (its URL matching `expected`). */
  async function go(page: Page, click: () => Promise<void>, expected: RegExp): Promise<void> {
    try {
      await Promise.all([page.waitForURL(expected), click()]);
    } catch (error) {
      // What the page says went wrong (a form back with its errors), to read in the failure.
      const said = await page
        .locator('.fr-error-text, .fr-alert')
        .allInnerTexts()
        .catch(() => []);
      throw new Error(`${page.url()} did not lead to ${expected}: ${said.join(' | ')}`, { cause: error });
    }
  }

  const button = (page: Page, name: string | RegExp, scope = 'main') =>
    page
      .locator(scope)
      .getByRole('button', { name, exact: typeof name === 'string' })
      .first();

  /** Ticks a checkbox or a radio the way a person does with DSFR markup: by clicking its label. */
  async function tick(page: Page, selector: string): Promise<void> {
    const id = await page.getAttribute(selector, 'id');
    expect(id, selector).toBeTruthy();
    if (!(await page.isChecked(selector))) await page.click(`label[for="${id}"]`);
    expect(await page.isChecked(selector), selector).toBe(true);
  }

  const main = async (page: Page) => (await page.locator('main').textContent()) ?? '';

  /** The milestone's card on the milestones page. */
  const card = (page: Page, id: string) => page.locator(`section[aria-labelledby="ms-${id}"]`);

  beforeAll(async () => {
    running = await startTestServer({ clock, demo: false });
    const seeded = await seedConfirmedLaureates(db(), clock, {
      slug: 'saison-accompagnement',
      number: 7,
      laureates: [{ title: 'Carte des communs', amountCents: 3_000_000 }, { title: 'Autre projet' }],
    });
    seasonId = seeded.seasonId;
    [laureate, other] = seeded.laureates;
    follow = `/admin/accompagnement/laureats/${laureate.applicationId}`;
    space = `/espace-laureat/${laureate.applicationId}`;
    const staffUser = await createSignedInUser(db(), clock, [{ role: 'staff' }], 'accompagnement');
    const financeUser = await createSignedInUser(db(), clock, [{ role: 'finance' }, { role: 'staff' }], 'finances');
    browser = await launchBrowser();
    staff = await pageFor(staffUser);
    team = await pageFor(laureate.owner);
    finance = await pageFor(financeUser);
  }, 120_000);

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await running?.close();
  });

  it('staff: from the portfolio to the follow-up, a plan from a season template, two weighted milestones', async () => {
    await staff.goto(url('/admin/accompagnement'));
    const portfolio = `/admin/accompagnement/saisons/${seasonId}`;
    await expectAxeClean(staff, 'seasons of the support', csp.get(staff));
    await go(staff, () => staff.locator(`main a[href="${portfolio}"]`).first().click(), new RegExp(`${portfolio}$`));
    expect(await main(staff)).toContain('Carte des communs');
    await expectAxeClean(staff, 'portfolio', csp.get(staff));

    // A template first, at the season's templates page: goals for a need and an action on a lever.
    await go(staff, () => staff.locator(`main a[href$="/saisons/${seasonId}/modeles"]`).first().click(), /modeles/);
    await staff.fill('input[name="name"]', 'Parcours déployer');
    await staff.fill('textarea[name="goals_deployer"]', 'Déployer dans trois administrations.');
    await staff.fill('[name="action_0_text"]', 'Ouvrir l’accès aux données des subventions');
    await staff.selectOption('select[name="action_0_lever"]', 'donnees-outils');
    await staff.selectOption('select[name="action_0_need"]', 'deployer');
    await staff.selectOption('select[name="action_0_kind"]', { index: 1 });
    await staff.fill('input[name="action_0_name"]', 'Camille Martin');
    await go(staff, () => button(staff, 'Enregistrer').click(), /ok=enregistre/);
    expect(await main(staff)).toContain('Parcours déployer');

    // Back to the portfolio, then the laureate's follow-up: no plan yet, created from the template.
    await staff.goto(url(portfolio));
    await go(staff, () => staff.locator(`main a[href="${follow}"]`).first().click(), new RegExp(`${follow}$`));
    await staff.selectOption('select[name="template"]', { label: 'Parcours déployer' });
    await staff.fill('input[name="starts_on"]', '2026-12-01');
    await staff.fill('input[name="ends_on"]', '2027-06-30');
    await go(staff, () => button(staff, 'Créer le plan').click(), /ok=cree/);
    const overview = await main(staff);
    expect(overview).toContain('Déployer dans trois administrations.');
    expect(overview).toContain('Ouvrir l’accès aux données des subventions');
    await expectAxeClean(staff, 'follow-up with its plan', csp.get(staff));

    // Two milestones with weights.
    await go(staff, () => staff.locator(`main a[href="${follow}/jalons"]`).first().click(), /\/jalons$/);
    for (const [title, due, weight] of [
      ['Prototype en service', '2027-02-15', '30'],
      ['Déploiement national', '2027-06-15', '70'],
    ]) {
      await staff.fill('input[name="title-new"]', title);
      await staff.fill('input[name="due-new"]', due);
      await staff.fill('input[name="weight-new"]', weight);
      await go(
        staff,
        () => button(staff, 'Ajouter', 'section[aria-labelledby="add-milestone"]').click(),
        /ok=enregistre/,
      );
    }
    milestoneIds = (
      await db().selectFrom('support_milestones').select(['id', 'title']).orderBy('due_on').execute()
    ).map((r) => r.id);
    expect(milestoneIds).toHaveLength(2);
    expect(await card(staff, milestoneIds[0]).textContent()).toMatch(/À venir[\s\S]*30/);
    expect(await card(staff, milestoneIds[1]).textContent()).toMatch(/70/);
    await expectAxeClean(staff, 'milestones (staff)', csp.get(staff));
  }, 120_000);

  it('team hands in a file, staff return it with a comment; a link, then validated: the progress moves', async () => {
    await team.goto(url('/espace-laureat'));
    await go(team, () => team.locator(`main a[href="${space}"]`).first().click(), new RegExp(`${space}$`));
    expect(await main(team)).toContain('Carte des communs');
    await expectAxeClean(team, 'laureate space (team)', csp.get(team));
    await go(team, () => team.locator(`a[href="${space}/jalons"]`).first().click(), /\/jalons$/);
    const first = milestoneIds[0];
    await card(team, first).locator('summary').click();
    await team.setInputFiles(`input[name="file-${first}"]`, {
      name: 'prototype.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await team.fill(`textarea[name="note-${first}"]`, 'Le prototype et sa documentation.');
    await go(team, () => button(team, 'Remettre', `section[aria-labelledby="ms-${first}"]`).click(), /ok=remis/);
    expect(await card(team, first).textContent()).toContain('Remis');
    expect(await card(team, first).textContent()).toContain('prototype.pdf');

    // Staff return it with a comment.
    await staff.goto(url(`${follow}/jalons`));
    await staff.fill(`textarea[name="comment-${first}"]`, 'Il manque la documentation d’installation.');
    await go(
      staff,
      () => button(staff, 'Demander de revoir', `section[aria-labelledby="ms-${first}"]`).click(),
      /ok=examine/,
    );
    expect(await card(staff, first).textContent()).toContain('À revoir');

    // The team sees it to revise, with the comment, and hands in a link.
    await team.reload();
    const returned = await card(team, first).textContent();
    expect(returned).toContain('À revoir');
    expect(returned).toContain('Il manque la documentation d’installation.');
    const before = await team.locator('#milestones-progress').textContent();
    await card(team, first).locator('summary').click();
    await tick(team, `input[name="kind-${first}"][value="link"]`);
    await team.fill(`input[name="url-${first}"]`, 'https://forge.example.org/carte-des-communs');
    await go(team, () => button(team, 'Remettre', `section[aria-labelledby="ms-${first}"]`).click(), /ok=remis/);
    expect(await card(team, first).textContent()).toContain('Remis');

    // Staff validate it; the progress shown changes (30 of 100).
    await staff.reload();
    await go(
      staff,
      () => button(staff, 'Valider le jalon', `section[aria-labelledby="ms-${first}"]`).click(),
      /ok=examine/,
    );
    expect(await card(staff, first).textContent()).toContain('Validé');
    await team.reload();
    expect(await card(team, first).textContent()).toContain('Validé');
    const after = await team.locator('#milestones-progress').textContent();
    expect(after).not.toEqual(before);
    expect(after).toContain('30');
    await expectAxeClean(team, 'milestones (team)', csp.get(team));
  }, 120_000);

  it('staff record a coaching session with an action item', async () => {
    await staff.goto(url(`${follow}/seances`));
    await go(staff, () => staff.locator(`main a[href="${follow}/seances/nouvelle"]`).first().click(), /nouvelle$/);
    await staff.fill('input[name="held_on"]', '2026-12-04');
    await staff.fill('input[name="held_time"]', '10:00');
    await staff.fill('input[name="duration"]', '90');
    await staff.fill('textarea[name="topics"]', 'Stratégie de déploiement');
    await staff.fill('textarea[name="notes"]', 'Trois administrations pilotes identifiées.');
    await staff.fill('[name="item_text_0"]', 'Envoyer la liste des pilotes');
    await staff.fill('input[name="item_due_0"]', '2026-12-18');
    await expectAxeClean(staff, 'session form', csp.get(staff));
    await go(staff, () => button(staff, 'Enregistrer la séance').click(), /\/seances\?ok=/);
    const sessions = await main(staff);
    expect(sessions).toContain('Stratégie de déploiement');
    expect(sessions).toContain('Envoyer la liste des pilotes');
  }, 120_000);

  it('team asks for an introduction; staff create a contact, introduce (one mail), record an outcome', async () => {
    await team.goto(url(`${space}/mises-en-relation`));
    await team.selectOption('select[name="lever"]', 'donnees-outils');
    await team.fill('textarea[name="request"]', 'Nous avons besoin des données de la DGFiP sur les subventions.');
    await go(team, () => button(team, 'Envoyer la demande').click(), /ok=/);
    expect(await main(team)).toContain('En attente');

    await staff.goto(url('/admin/contacts'));
    await go(staff, () => staff.locator('main a', { hasText: 'Ajouter un contact' }).first().click(), /nouveau$/);
    await staff.fill('input[name="organisation"]', 'Direction des données');
    await staff.fill('input[name="service"]', 'Bureau des données ouvertes');
    await staff.fill('input[name="person_name"]', 'Dominique Lefèvre');
    await staff.fill('input[name="role"]', 'Cheffe de bureau');
    await staff.fill('input[name="email"]', 'dominique.lefevre@donnees.gouv.fr');
    await staff.fill('[name="topics"]', 'données ouvertes');
    await tick(staff, 'input[name="levers"][value="donnees-outils"]');
    await tick(staff, 'input[name="legal_basis"][value="interet-legitime"]');
    await staff.fill('[name="consent_note"]', 'Accord donné par courriel le 1er décembre.');
    await go(staff, () => button(staff, 'Enregistrer').click(), /contacts.*ok=/);
    expect(await main(staff)).toContain('Dominique Lefèvre');

    // The team's request waits in the laureate's introductions: staff handle it, choose the contact, send.
    await staff.goto(url(`${follow}/mises-en-relation`));
    expect(await main(staff)).toContain('Nous avons besoin des données de la DGFiP sur les subventions.');
    await go(
      staff,
      () => staff.locator('main a', { hasText: 'Traiter' }).first().click(),
      /mises-en-relation\/[0-9a-f-]+$/,
    );
    await staff.selectOption('select[name="contact"]', {
      label: 'Direction des données — Bureau des données ouvertes — Dominique Lefèvre ★',
    });
    await go(staff, () => button(staff, 'Préparer le courriel').click(), /contact=/);
    expect(await staff.inputValue('input[name="subject"]')).not.toBe('');
    await expectAxeClean(staff, 'introduction draft', csp.get(staff));
    await go(staff, () => button(staff, 'Envoyer la mise en relation').click(), /ok=presentee/);
    expect(await main(staff)).toContain('La mise en relation est envoyée.');
    const mails = await db()
      .selectFrom('mails')
      .select(['to_address', 'subject'])
      .where('template', '=', INTRODUCTION_MAIL)
      .execute();
    expect(mails).toHaveLength(1);
    expect(mails[0].to_address).toContain('dominique.lefevre@donnees.gouv.fr');
    expect(mails[0].to_address).toContain(laureate.owner.email);

    const [intro] = await db().selectFrom('support_introductions').select('id').execute();
    await staff.selectOption(`select[name="outcome-${intro.id}"]`, { label: 'Rendez-vous tenu' });
    await staff.fill(`input[name="occurred_on-${intro.id}"]`, TODAY);
    await go(staff, () => button(staff, 'Enregistrer une suite').click(), /ok=suite/);
    expect(await main(staff)).toContain('La suite est enregistrée.');
    expect(await main(staff)).toContain('Rendez-vous tenu');
  }, 120_000);

  it('team writes in its timeline; the co-applicant sees the same space; another laureate gets 404', async () => {
    await team.goto(url(`${space}/fil`));
    await team.fill('textarea[name="body"]', 'Merci pour la mise en relation, rendez-vous pris.');
    await go(team, () => button(team, 'Envoyer le message').click(), /ok=/);
    const timeline = await main(team);
    expect(timeline).toContain('Merci pour la mise en relation, rendez-vous pris.');
    expect(timeline).toContain('Direction des données');
    await expectAxeClean(team, 'timeline (team)', csp.get(team));

    const coApplicant = await pageFor(laureate.coApplicant);
    await coApplicant.goto(url(`${space}/fil`));
    expect(await main(coApplicant)).toContain('Merci pour la mise en relation, rendez-vous pris.');
    const stranger = await pageFor(other.owner);
    const response = await stranger.goto(url(space));
    expect(response?.status()).toBe(404);
  }, 120_000);

  it('finance: an envelope, the grant with two tranches, committed, convention generated and signed, paid', async () => {
    await finance.goto(url(`/admin/subventions/enveloppes/nouvelle?saison=${seasonId}`));
    await finance.selectOption('select[name="track_code"]', 'numerique');
    await finance.fill('input[name="label"]', 'Enveloppe numérique');
    await finance.fill('input[name="amount"]', '100000');
    await finance.fill('input[name="payer_name"]', 'Direction interministérielle du numérique');
    await finance.fill('input[name="payer_siret"]', '13002526500013');
    await finance.fill('input[name="budget_line"]', 'Programme 352');
    await go(finance, () => button(finance, 'Enregistrer').click(), /ok=enveloppe/);
    expect(await main(finance)).toContain('Enveloppe numérique');

    const grant = `/admin/subventions/laureats/${laureate.applicationId}`;
    await finance.goto(url(grant));
    expect(await finance.inputValue('input[name="amount"]')).toMatch(/^30\s?000/);
    expect(await finance.inputValue('input[name="beneficiary_rna"]')).toBe('W751234560');
    await finance.fill('input[name="reference"]', 'ACC-7-001');
    await tick(finance, 'input[name="payment_terms"][value="staggered"]');
    await finance.fill('input[name="t1_amount"]', '10000');
    await finance.fill('input[name="t1_planned_on"]', '2026-12-07');
    await finance.fill('input[name="t2_amount"]', '20000');
    await finance.fill('input[name="t2_planned_on"]', '2027-06-30');
    await finance.selectOption('select[name="t2_condition"]', 'milestone');
    await finance.selectOption('select[name="t2_milestone"]', milestoneIds[1]);
    await go(finance, () => button(finance, 'Enregistrer le brouillon').click(), /ok=enregistree/);
    await go(finance, () => button(finance, 'Engager la subvention').click(), /ok=engagee/);
    expect(await main(finance)).toContain('Engagée');
    await expectAxeClean(finance, 'grant (committed)', csp.get(finance));

    await go(finance, () => button(finance, 'Générer la convention').click(), /ok=convention/);
    const [download] = await Promise.all([
      finance.waitForEvent('download'),
      finance.locator(`a[href="${grant}/convention.pdf"]`).first().click(),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // Above 23 000 €, the signatures are refused without the signed document.
    expect(await main(finance)).toContain('Au-delà de 23 000 €, la convention est obligatoire');
    await finance.fill('input[name="signed_by_beneficiary_on"]', '2026-12-05');
    await finance.fill('input[name="signed_by_payer_on"]', '2026-12-06');
    await Promise.all([finance.waitForNavigation(), button(finance, 'Enregistrer les signatures').click()]);
    expect(await main(finance)).toContain('Au-delà de 23 000 €, joignez la convention signée.');
    await finance.setInputFiles('input[name="signed_file"]', {
      name: 'convention-signee.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    });
    await finance.fill('input[name="signed_by_beneficiary_on"]', '2026-12-05');
    await finance.fill('input[name="signed_by_payer_on"]', '2026-12-06');
    await go(finance, () => button(finance, 'Enregistrer les signatures').click(), /ok=signee/);
    expect(await main(finance)).toContain('Signée');

    // Only the first tranche is payable: the second waits for its milestone.
    const payable = await finance.locator('select[name="tranche_id"] option:not([value=""])').allTextContents();
    expect(payable).toHaveLength(1);
    expect(payable[0]).toMatch(/1 – 10\s000/);
    await finance.selectOption('select[name="tranche_id"]', { label: payable[0] });
    await finance.fill('input[name="paid_on"]', TODAY);
    await finance.fill('input[name="payment_amount"]', '10000');
    await finance.fill('input[name="payment_reference"]', 'VIR-2026-0042');
    await go(finance, () => button(finance, 'Enregistrer un versement').click(), /ok=versement/);
    expect(await main(finance)).toContain('VIR-2026-0042');
    await expectAxeClean(finance, 'grant (paid)', csp.get(finance));
  }, 120_000);

  it('the team sees its grant, tranches and payment; the SCDL file has its row with the 16 columns', async () => {
    await team.goto(url(space));
    await go(team, () => team.locator(`a[href="${space}/subvention"]`).first().click(), /subvention$/);
    const seen = await main(team);
    expect(seen).toMatch(/Montant : 30\s000\s€/);
    // The first tranche paid, the second waiting for its milestone, and the payment received.
    expect(seen).toMatch(/10\s000\s€/);
    expect(seen).toMatch(/20\s000\s€/);
    expect(seen).toContain('Jalon « Déploiement national »');
    expect(seen).toContain('Attend la validation du jalon');
    expect(seen).toContain('VIR-2026-0042');
    expect(seen).not.toContain('Aucun versement pour l’instant.');
    await expectAxeClean(team, 'grant (team)', csp.get(team));

    const response = await team.request.get(url('/donnees/subventions.csv'));
    expect(response.status()).toBe(200);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(csvCells(lines[0])).toEqual(SCDL_COLUMNS);
    const row = lines
      .slice(1)
      .map(csvCells)
      .find((cells) => cells[3] === 'ACC-7-001');
    expect(row).toBeDefined();
    expect(row).toHaveLength(16);
    const cell = Object.fromEntries(SCDL_COLUMNS.map((c, i) => [c, row![i]]));
    expect(cell.idAttribuant).toBe('13002526500013');
    expect(cell.dateConvention).toBe('2026-12-06');
    expect(cell.rnaBeneficiaire).toBe('W751234560');
    expect(Number(cell.montant)).toBe(30000);
    expect(cell.conditionsVersement).toBe('échelonné');
  }, 120_000);
});
