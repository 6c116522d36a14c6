import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.js';
import { formSession, submitForm } from '../support/forms.js';
import { createSignedInUser } from '../support/users.js';
import { expectAxeClean, hasChromium, launchBrowser, type RunningApp, startTestServer } from './browser-support.js';

/** Registering to a full event in Chromium: by email, confirmed from the mail, waiting list, then the freed place accepted. */
describe.skipIf(!hasChromium)('registering to a full event, in a browser', () => {
  let running: RunningApp;
  let browser: Browser;
  let page: Page;
  let eventId: string;
  const db = () => running.app.services.db;
  const linkIn = async (email: string, template: string) => {
    const mail = await db()
      .selectFrom('mails')
      .select('text_body')
      .where('to_address', '=', email)
      .where('template', '=', template)
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    return /https?:\/\/\S+\/evenements\/inscriptions\/[A-Za-z0-9_-]{43}/.exec(mail.text_body)![0];
  };
  const token = (link: string) => link.split('/').pop()!;

  beforeAll(async () => {
    const clock = new ManualClock(new Date('2026-06-01T08:00:00Z'));
    running = await startTestServer({ clock });
    browser = await launchBrowser();
    page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
    // Staff create an event of one place; somebody takes it.
    const staff = await createSignedInUser(db(), clock, [{ role: 'staff' }], 'equipe');
    const session = await formSession(running.app, staff.cookie, '/admin/evenements/nouveau');
    const created = await submitForm(running.app, session, '/admin/evenements/nouveau', {
      title: 'Atelier complet',
      kind: 'in_person',
      place: 'Paris',
      starts_at: '2026-07-01T14:00',
      ends_at: '2026-07-01T16:00',
      capacity: '1',
      offer_hours: '48',
      published: 'on',
      version: '0',
    });
    eventId = /([0-9a-f-]{36})/.exec(String(created.headers.location))![1];
    const visitor = await formSession(running.app, 'v=1', '/connexion');
    await submitForm(running.app, visitor, `/evenements/${eventId}/inscription`, {
      name: 'Première Personne',
      email: 'premiere@example.org',
    });
    const first = token(await linkIn('premiere@example.org', 'events.confirm-email'));
    await submitForm(running.app, visitor, `/evenements/inscriptions/${first}/confirmer`, {});
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('registers by email, lands on the waiting list, then accepts the place freed by a cancellation', async () => {
    await page.goto(`${running.baseUrl}/evenements/${eventId}`);
    await expectAxeClean(page, 'event page');
    await page.fill('input[name="name"]', 'Camille Visiteuse');
    await page.fill('input[name="email"]', 'camille@example.org');
    await page.click('form[action$="/inscription"] button[type="submit"]');
    expect(await page.locator('h1').textContent()).toBe('Vérifiez votre messagerie');

    // The mail's link, then the confirmation: the event is full, so the waiting list.
    await page.goto(await linkIn('camille@example.org', 'events.confirm-email'));
    await page.click('button:has-text("Confirmer mon inscription")');
    expect(await page.locator('main').textContent()).toContain('liste d’attente, en position 1');
    await expectAxeClean(page, 'registration page');

    // The first person cancels from their mail's link: the place is offered to Camille.
    const first = token(await linkIn('premiere@example.org', 'events.registered'));
    const session = await formSession(running.app, 'v=1', '/connexion');
    const cancelled = await submitForm(running.app, session, `/evenements/inscriptions/${first}/annuler`, {});
    expect(cancelled.statusCode).toBe(200);

    await page.goto(await linkIn('camille@example.org', 'events.place-offered'));
    await page.click('button:has-text("Accepter la place")');
    expect(await page.locator('main').textContent()).toContain('Votre inscription est confirmée.');
    expect(await page.locator('main').textContent()).toContain('Vous êtes inscrit·e.');
  });
});
