import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { FILES, readZip } from '../../src/algorithms/selection/index.js';
import { createSession } from '../../src/core/auth/sessions.js';
import { ManualClock } from '../../src/core/clock.js';
import { insertMember, ownerOf } from '../support/factories/applications.js';
import { type DecisionSeason, NOTICE_MAIL, seedDecisionSeason } from '../support/factories/decisions.js';
import { STATUS_BOUNDARY_JOB } from '../support/factories/seasons.js';
import { childEnv, repoRoot } from '../support/processes.js';
import { createSignedInUser } from '../support/users.js';
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
 * Issue 13's "Done when", in Chromium through real pages and forms: a deliberation (weights, attendance, a
 * decision per application), its close and its minutes, the outbox, laureates answering in their own space,
 * a freed place offered to the waiting list, a publication under embargo, and the season's transparency page
 * whose ZIP verifies with the platform's CLI and with the standalone verifier downloaded from the page.
 */
if (!hasChromium)
  console.log('browser scenario skipped: /usr/bin/chromium is not installed (apt-get install chromium)');

const DAY = 86_400_000;
const SLUG = 'saison-decision';
type Key = keyof DecisionSeason['ids'];

/** An instant as a datetime-local value in Paris time (YYYY-MM-DDTHH:mm). */
function parisInput(instant: Date): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(instant);
  return text.replace(' ', 'T');
}

function zipOf(files: Map<string, string>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const [name, text] of files) zip.addBuffer(Buffer.from(text), `selection/${name}`);
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

describe.skipIf(!hasChromium)('a season decided, told, published and verified, in a browser', () => {
  const clock = new ManualClock(new Date('2026-11-20T09:00:00Z'));
  let running: RunningApp;
  let browser: Browser;
  let staffContext: BrowserContext;
  let staff: Page;
  let csp: string[];
  let staffId: string;
  let season: DecisionSeason;
  let dir: string;
  let board: string;
  let outbox: string;
  let embargo: Date;
  let zipPath: string;
  let verifierPath: string;

  const db = () => running.database.db;
  const url = (path: string) => `${running.baseUrl}${path}`;

  /** Clicks the button or link `selector` and waits for the page it leads to (its URL matching `expected`). */
  async function submit(page: Page, selector: string, expected: RegExp): Promise<void> {
    await Promise.all([page.waitForURL(expected), page.click(selector)]);
  }

  /** Ticks a checkbox or a radio the way a person does with DSFR markup: by clicking its label. */
  async function tick(page: Page, selector: string): Promise<void> {
    const id = await page.getAttribute(selector, 'id');
    expect(id, selector).toBeTruthy();
    if (!(await page.isChecked(selector))) await page.click(`label[for="${id}"]`);
    expect(await page.isChecked(selector), selector).toBe(true);
  }

  /** What in the page's content runs past the screen's right edge (tables scroll in their own wrapper). */
  function overflowing(page: Page): Promise<string[]> {
    return page.evaluate(() =>
      [...document.querySelectorAll('main *')]
        .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.fr-table'))
        .map((e) => `${e.tagName.toLowerCase()} ${(e.textContent ?? '').trim().slice(0, 60)}`),
    );
  }

  async function boardOrder(): Promise<Key[]> {
    const rowIds = await staff.$$eval('tr[id^="row-"]', (rows) => rows.map((r) => r.id.slice(4)));
    const byId = new Map(Object.entries(season.ids).map(([k, id]) => [id, k as Key]));
    return rowIds.map((id) => byId.get(id)!).filter(Boolean);
  }

  async function ownerAccount(key: Key): Promise<{ id: string; email: string; cookie: string }> {
    const owner = await db()
      .selectFrom('applications')
      .innerJoin('users', 'users.id', 'applications.owner_id')
      .select(['users.id', 'users.email'])
      .where('applications.id', '=', season.ids[key])
      .executeTakeFirstOrThrow();
    const { token } = await createSession(db(), clock, owner.id);
    return { id: owner.id, email: owner.email!, cookie: `acc_session=${token}` };
  }

  async function noticeMailsTo(email: string) {
    return db()
      .selectFrom('mails')
      .select(['subject', 'text_body'])
      .where('template', '=', NOTICE_MAIL)
      .where('to_address', '=', email)
      .execute();
  }

  beforeAll(async () => {
    running = await startTestServer({ clock, demo: false });
    season = await seedDecisionSeason(running.app.services, clock, { slug: SLUG });
    // The scoring fixture sets each application's owner_id only; an application made through the forms
    // also lists its owner among its members, which is whom notices are mailed to and who sees the decision.
    for (const applicationId of season.applications) {
      const ownerId = await ownerOf(db(), applicationId);
      const owner = await db().selectFrom('users').select('email').where('id', '=', ownerId).executeTakeFirstOrThrow();
      await insertMember(db(), {
        application_id: applicationId,
        email: owner.email!,
        user_id: ownerId,
        role: 'owner',
        invited_at: clock.now(),
        accepted_at: clock.now(),
      });
    }
    const member = await createSignedInUser(db(), clock, [{ role: 'staff' }], 'equipe');
    staffId = member.id;
    browser = await launchBrowser();
    staffContext = await signedInContext(browser, running.baseUrl, member.cookie);
    staff = await staffContext.newPage();
    await staff.setViewportSize({ width: 1280, height: 900 });
    csp = watchCsp(staff);
    // Forms marked data-confirm ask first (public/app.js): the staff member says yes.
    staff.on('dialog', (dialog) => void dialog.accept());
    dir = await mkdtemp(join(tmpdir(), 'decision-journey-'));
    board = `/admin/decisions/${season.seasonId}`;
    outbox = `${board}/notifications`;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('deliberates on the board: opens it, reweighs, marks attendance, decides each application', async () => {
    await staff.goto(url('/admin/decisions'));
    await submit(staff, `a[href="${board}"]`, new RegExp(`${board}$`));
    await expectAxeClean(staff, 'board (preview)', csp);
    await submit(staff, `form[action="${board}/ouvrir"] button[type="submit"]`, /\?ok=ouverte/);
    await expectAxeClean(staff, 'board (open)', csp);

    // The jury puts them in the order A…E, the panel the other way round: the panel alone reverses the
    // order, the jury alone brings it back.
    const reweigh = async (jury: string, panel: string) => {
      await staff.fill('input[name="jury_weight"]', jury);
      await staff.fill('input[name="panel_weight"]', panel);
      await submit(staff, `form[action="${board}/ponderations"] button[type="submit"]`, /\?ok=ponderations/);
      return boardOrder();
    };
    expect(await boardOrder()).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(await reweigh('0', '100')).toEqual(['E', 'D', 'C', 'B', 'A']);
    expect(await reweigh('100', '0')).toEqual(['A', 'B', 'C', 'D', 'E']);

    // Jurors 0 and 1 present (juror 0 has a conflict on B: recused there).
    for (const memberId of season.memberIds.slice(0, 2)) await tick(staff, `input[name="present_${memberId}"]`);
    await submit(staff, `form[action="${board}/presences"] button[type="submit"]`, /\?ok=presences/);
    for (const memberId of season.memberIds.slice(0, 2))
      expect(await staff.isChecked(`input[name="present_${memberId}"]`)).toBe(true);
    expect(await staff.isChecked(`input[name="present_${season.memberIds[2]}"]`)).toBe(false);

    await staff.screenshot({ path: '/tmp/decision-board-1280.png', fullPage: true });

    // Two laureates sought: A and B laureates, C and D on the waiting list, E not selected.
    const decide = async (
      key: Key,
      outcome: string,
      extra: { position?: string; reasons?: string[]; text?: string; euros?: string } = {},
    ) => {
      const form = `${board}/candidatures/${season.ids[key]}`;
      await submit(staff, `a[href^="${form}"]`, new RegExp(`${form}$`));
      await tick(staff, `input[name="outcome"][value="${outcome}"]`);
      if (extra.position) await staff.fill('input[name="waitlist_position"]', extra.position);
      for (const reason of extra.reasons ?? []) await tick(staff, `input[name="reason_${reason}"]`);
      if (extra.text) await staff.fill('textarea[name="reason_text"]', extra.text);
      if (extra.euros) await staff.fill('input[name="amount_euros"]', extra.euros);
      await submit(staff, `form[action="${form}"] button[type="submit"]`, /\?ok=decision/);
    };

    // A refusal without reasons is refused on the field, with what was typed kept.
    const eForm = `${board}/candidatures/${season.ids.E}`;
    await submit(staff, `a[href^="${eForm}"]`, new RegExp(`${eForm}$`));
    await expectAxeClean(staff, 'decision form', csp);
    await tick(staff, 'input[name="outcome"][value="not_selected"]');
    await staff.fill('textarea[name="reason_text"]', 'Projet intéressant mais hors du champ.');
    await staff.click(`form[action="${eForm}"] button[type="submit"]`);
    await staff.waitForSelector('#reasons-error');
    expect(await staff.inputValue('textarea[name="reason_text"]')).toBe('Projet intéressant mais hors du champ.');
    await expectAxeClean(staff, 'decision form (errors)', csp);
    await tick(staff, 'input[name="reason_out_of_scope"]');
    await submit(staff, `form[action="${eForm}"] button[type="submit"]`, /\?ok=decision/);

    await decide('A', 'laureate', { euros: '10000' });
    await decide('B', 'laureate', { euros: '20000' });
    await decide('C', 'waiting_list', { position: '1' });
    await decide('D', 'waiting_list', { position: '2' });
    expect(await staff.textContent('main')).not.toContain('Motifs manquants');
    await expectAxeClean(staff, 'board (decided)', csp);
  }, 180_000);

  it('closes the deliberation and offers the minutes, whose SHA-256 is in the close’s audit event', async () => {
    await staff.goto(url(board));
    await tick(staff, `form[action="${board}/cloture"] input[name="confirm"]`);
    await submit(staff, `form[action="${board}/cloture"] button[type="submit"]`, /\?ok=close/);
    await expectAxeClean(staff, 'board (closed)', csp);

    const [download] = await Promise.all([
      staff.waitForEvent('download'),
      staff.click(`a[href="${board}/proces-verbal.pdf"]`),
    ]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const event = await db()
      .selectFrom('audit_events')
      .select('summary')
      .where('action', '=', 'decisions.deliberation-closed')
      .where('subject_id', '=', season.seasonId)
      .executeTakeFirstOrThrow();
    const summary = (typeof event.summary === 'string' ? JSON.parse(event.summary) : event.summary) as {
      minutesSha256: string;
    };
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(summary.minutesSha256);
  }, 180_000);

  it('prepares the notices, edits one draft, sends them all', async () => {
    await submit(staff, `a[href="${outbox}"]`, new RegExp(`${outbox}$`));
    await expectAxeClean(staff, 'outbox (empty)', csp);
    await submit(staff, `form[action="${outbox}/preparer"] button[type="submit"]`, /\?ok=prepare/);
    await expectAxeClean(staff, 'outbox (drafts)', csp);

    const drafts = await staff.$$eval(`a[href^="${outbox}/"]`, (links) =>
      links.map((a) => a.getAttribute('href') ?? '').filter((h) => /\/notifications\/[0-9a-f-]{36}$/.test(h)),
    );
    expect(drafts.length).toBe(5);
    const draft = drafts[0];
    await submit(staff, `a[href="${draft}"]`, new RegExp(`${draft}$`));
    await expectAxeClean(staff, 'draft', csp);
    const subject = `${await staff.inputValue('input[name="subject"]')} (relu)`;
    await staff.fill('input[name="subject"]', subject);
    const body = await staff.inputValue('textarea[name="body"]');
    await staff.fill('textarea[name="body"]', `${body}\n\nRelu par l’équipe avant l’envoi.`);
    await submit(staff, `form[action="${draft}"] button[type="submit"]`, /\?ok=brouillon/);
    expect(await staff.inputValue('input[name="subject"]')).toBe(subject);
    await expectAxeClean(staff, 'draft (saved)', csp);

    await staff.goto(url(outbox));
    await submit(staff, `form[action="${outbox}/envoyer"] button[type="submit"]`, /\?ok=envoye&n=5/);
    await expectAxeClean(staff, 'outbox (sent)', csp);
    // The edited draft left as edited (its text in the mail, its subject on the notice kept in the thread).
    const edited = await db()
      .selectFrom('mails')
      .select('text_body')
      .where('template', '=', NOTICE_MAIL)
      .where('text_body', 'like', '%Relu par l’équipe avant l’envoi.%')
      .execute();
    expect(edited.length).toBeGreaterThan(0);
    const sent = await db()
      .selectFrom('decision_notices')
      .select(['subject', 'status'])
      .where('id', '=', draft.split('/').pop()!)
      .executeTakeFirstOrThrow();
    expect(sent).toEqual({ subject, status: 'sent' });
    for (const key of ['A', 'B', 'C', 'D', 'E'] as const) {
      const owner = await ownerAccount(key);
      expect((await noticeMailsTo(owner.email)).length, `notice mail to ${key}`).toBe(1);
    }
  }, 180_000);

  it('a laureate confirms in their own space, another declines', async () => {
    for (const [key, answer] of [
      ['A', 'confirmer'],
      ['B', 'renoncer'],
    ] as const) {
      const owner = await ownerAccount(key);
      const context = await signedInContext(browser, running.baseUrl, owner.cookie);
      const page = await context.newPage();
      page.on('dialog', (dialog) => void dialog.accept());
      const applicantCsp = watchCsp(page);
      const decision = `/mes-candidatures/${season.ids[key]}/decision`;
      const res = await page.goto(url(decision));
      expect(res?.status()).toBe(200);
      expect(await page.textContent('main')).toContain(season.titles[key]);
      await expectAxeClean(page, `applicant decision page (${key})`, applicantCsp);
      await submit(
        page,
        `form[action="${decision}"]:has(input[name="reponse"][value="${answer}"]) button[type="submit"]`,
        /\?ok=reponse/,
      );
      await expectAxeClean(page, `applicant decision page (${key}, answered)`, applicantCsp);
      expect(await page.$(`input[name="reponse"][value="${answer}"]`)).toBeNull();
      await context.close();
    }
    const decisions = await db()
      .selectFrom('decisions')
      .select(['application_id', 'confirmed_at', 'declined_at'])
      .where('application_id', 'in', [season.ids.A, season.ids.B])
      .execute();
    const byId = new Map(decisions.map((d) => [d.application_id, d]));
    expect(byId.get(season.ids.A)?.confirmed_at).not.toBeNull();
    expect(byId.get(season.ids.B)?.declined_at).not.toBeNull();
  }, 180_000);

  it('offers the freed place to the first on the waiting list in one action, who gets their notice', async () => {
    const c = await ownerAccount('C');
    const mailsBefore = (await noticeMailsTo(c.email)).length;
    await staff.goto(url(outbox));
    await submit(
      staff,
      `form[action="${outbox}/places"]:has(input[name="freed"][value="${season.ids.B}"]) button[type="submit"]`,
      /\?ok=place/,
    );
    await expectAxeClean(staff, 'outbox (place offered)', csp);
    const mails = await noticeMailsTo(c.email);
    expect(mails.length).toBe(mailsBefore + 1);
    // The offer shows in C's own space, with the answer to give.
    const context = await signedInContext(browser, running.baseUrl, c.cookie);
    const page = await context.newPage();
    await page.goto(url(`/mes-candidatures/${season.ids.C}/decision`));
    expect(await page.$('input[name="reponse"][value="confirmer"]')).not.toBeNull();
    await context.close();
  }, 180_000);

  it('publishes the laureates under an embargo: not on /laureats before it, there after it', async () => {
    const publication = `${board}/publication`;
    await staff.goto(url(board));
    await submit(staff, `a[href="${publication}"]`, new RegExp(`${publication}$`));
    await expectAxeClean(staff, 'publication', csp);
    embargo = new Date(clock.now().getTime() + 2 * DAY);
    embargo.setUTCSeconds(0, 0);
    await staff.fill('input[name="publish_at"]', parisInput(embargo));
    await submit(staff, 'button[name="action"][value="publish"]', /\/publication\/confirmer$/);
    await expectAxeClean(staff, 'publication (confirm)', csp);
    await submit(staff, `form[action="${publication}/publier"] button[type="submit"]`, /\/publication(\?|$)/);
    await expectAxeClean(staff, 'publication (published)', csp);

    const visitor = async (pathname: string) => {
      const context = await browser.newContext({ locale: 'fr-FR' });
      const page = await context.newPage();
      const res = await page.goto(url(pathname));
      const text = (await page.textContent('main')) ?? '';
      return { page, context, status: res?.status(), text };
    };
    const early = await visitor('/laureats');
    expect(early.status).toBe(200);
    expect(early.text).not.toContain(season.titles.A);
    await early.context.close();

    clock.set(new Date(embargo.getTime() + 60_000));
    const handler = running.app.services.jobHandlers.get(STATUS_BOUNDARY_JOB);
    expect(handler).toBeDefined();
    await handler!({}, { id: 'decision-journey', attempts: 1 });

    const late = await visitor('/laureats');
    expect(late.status).toBe(200);
    expect(late.text).toContain(season.titles.A);
    expect(late.text).not.toContain(season.titles.B);
    expect(late.text).not.toContain(season.titles.E);
    await late.context.close();
  }, 180_000);

  it('shows the season’s transparency page and downloads its ZIP and the standalone verifier', async () => {
    const context = await browser.newContext({ locale: 'fr-FR', acceptDownloads: true });
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 900 });
    const pageCsp = watchCsp(page);
    const base = `/saisons/${SLUG}/transparence`;
    const res = await page.goto(url(base));
    expect(res?.status()).toBe(200);
    await expectAxeClean(page, 'transparency page', pageCsp);
    await page.screenshot({ path: '/tmp/decision-transparency-1280.png', fullPage: true });

    const [zip] = await Promise.all([page.waitForEvent('download'), page.click(`a[href="${base}/selection.zip"]`)]);
    zipPath = join(dir, 'selection.zip');
    await zip.saveAs(zipPath);
    const [verifier] = await Promise.all([
      page.waitForEvent('download'),
      page.click('a[href="/transparence/verificateur-selection.mjs"]'),
    ]);
    verifierPath = join(dir, 'verificateur-selection.mjs');
    await verifier.saveAs(verifierPath);

    await page.setViewportSize({ width: 320, height: 800 });
    await page.screenshot({ path: '/tmp/decision-transparency-320.png', fullPage: true });
    expect(await overflowing(page), 'transparency page content wider than 320 px').toEqual([]);
    await context.close();

    // Days later: the staff member signs in again (a fresh session), and reads the closed board on a phone.
    const { token } = await createSession(db(), clock, staffId);
    await staffContext.addCookies([
      { name: 'acc_session', value: token, url: running.baseUrl, httpOnly: true, sameSite: 'Lax' },
    ]);
    await staff.goto(url(board));
    expect(new URL(staff.url()).pathname).toBe(board);
    await staff.setViewportSize({ width: 320, height: 800 });
    await staff.screenshot({ path: '/tmp/decision-board-320.png', fullPage: true });
    expect(await overflowing(staff), 'board content wider than 320 px').toEqual([]);
    await staff.setViewportSize({ width: 1280, height: 900 });
  }, 180_000);

  it('verifies the ZIP with the CLI and the standalone verifier; one byte changed in a score fails both', async () => {
    const files = await readZip(await readFile(zipPath));
    const lines = files.get(FILES.results)!.split('\n');
    const header = lines[0].split(',');
    const cells = lines[1].split(',');
    const column = header.indexOf('combined');
    const dot = cells[column].indexOf('.');
    const digit = cells[column][dot + 1];
    cells[column] =
      `${cells[column].slice(0, dot + 1)}${digit === '9' ? '8' : String(Number(digit) + 1)}${cells[column].slice(dot + 2)}`;
    lines[1] = cells.join(',');
    const tampered = join(dir, 'tampered.zip');
    await writeFile(tampered, await zipOf(new Map(files).set(FILES.results, lines.join('\n'))));

    const run = (args: string[], cwd: string) =>
      spawnSync(process.execPath, args, { cwd, env: childEnv(), encoding: 'utf8', timeout: 120_000 });
    const cli = run(['bin/accelerateur.js', 'selection', 'verify', zipPath], repoRoot);
    expect(cli.status, cli.stderr + cli.stdout).toBe(0);
    const standalone = run([verifierPath, zipPath], dir);
    expect(standalone.status, standalone.stderr + standalone.stdout).toBe(0);

    expect(run(['bin/accelerateur.js', 'selection', 'verify', tampered], repoRoot).status).toBe(1);
    expect(run([verifierPath, tampered], dir).status).toBe(1);
  }, 180_000);
});
