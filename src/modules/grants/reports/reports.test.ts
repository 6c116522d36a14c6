import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { formSession, multipartBody, submitForm, TINY_PNG } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { sendReportReminders } from './jobs.js';
import { lateReports, reportDueOn, toDay } from './queries.js';
import { insertEnvelope, insertGrant } from './testing.js';

const teamUrl = (id: string) => `/espace-laureat/${id}/subvention/compte-rendu`;
const staffUrl = (id: string) => `/admin/subventions/laureats/${id}/compte-rendu`;

/** The financial report through HTTP: the team's form, the staff's review, the rights, the reminders. */
describe('financial report', () => {
  let t: TestApp;
  let laureates: SeededLaureate[];
  let finance: SignedInUser;
  let financeOtherTrack: SignedInUser;
  let staff: SignedInUser;
  const grants: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-07-01T10:00:00Z');
    const db = t.app.services.db;
    const seeded = await seedConfirmedLaureates(db, t.clock, {
      slug: 'saison-comptes-rendus',
      number: 51,
      laureates: [
        { title: 'Météo libre', track: 'numerique' },
        { title: 'Jardins partagés', track: 'autres' },
        { title: 'Rappels', track: 'numerique' },
        { title: 'Sans subvention', track: 'numerique' },
      ],
    });
    laureates = seeded.laureates;
    const now = t.clock.now();
    const envelope = await insertEnvelope(db, { seasonId: seeded.seasonId, now });
    for (const [i, l] of laureates.slice(0, 3).entries())
      grants.push(
        await insertGrant(db, {
          envelopeId: envelope,
          applicationId: l.applicationId,
          seasonId: seeded.seasonId,
          reference: `AIC-TEST-${i}`,
          actionEndsOn: i === 2 ? '2026-08-31' : '2026-06-30',
          signedOn: '2026-02-01',
          now,
        }),
      );
    // Finance people are staff too (tracks come from the staff grant: core's staffTracks).
    finance = await createSignedInUser(db, t.clock, [{ role: 'finance' }, { role: 'staff' }], 'finance');
    financeOtherTrack = await createSignedInUser(
      db,
      t.clock,
      [
        { role: 'finance', track: 'autres' },
        { role: 'staff', track: 'autres' },
      ],
      'finance-autres',
    );
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const status = async (grantId: string) =>
    await t.app.services.db
      .selectFrom('grant_financial_reports')
      .select(['status', 'version', 'due_on', 'file_id'])
      .where('grant_id', '=', grantId)
      .executeTakeFirstOrThrow();
  const mailsTo = async (email: string, template: string) =>
    (
      await t.app.services.db
        .selectFrom('mails')
        .select('id')
        .where('to_address', '=', email)
        .where('template', '=', template)
        .execute()
    ).length;

  it('computes the due day six months after the action, clamped to the month', () => {
    expect(reportDueOn('2026-06-30')).toBe('2026-12-30');
    expect(reportDueOn('2026-08-31')).toBe('2027-02-28');
    expect(reportDueOn('2027-08-31')).toBe('2028-02-29');
  });

  it('keeps a report to its team: another laureate’s team gets 404, plain staff 403, finance of another track 404', async () => {
    const a = laureates[0]!;
    const b = laureates[1]!;
    expect((await get(teamUrl(a.applicationId), b.owner.cookie)).statusCode).toBe(404);
    expect((await get(`${teamUrl(a.applicationId)}/fichier`, b.owner.cookie)).statusCode).toBe(404);
    const session = await formSession(t.app, b.owner.cookie, teamUrl(b.applicationId));
    const post = await submitForm(t.app, session, teamUrl(a.applicationId), { action: 'save', version: '1' });
    expect(post.statusCode).toBe(404);
    expect((await get(staffUrl(a.applicationId), staff.cookie)).statusCode).toBe(403);
    expect((await get(staffUrl(a.applicationId), financeOtherTrack.cookie)).statusCode).toBe(404);
    expect((await get(staffUrl(b.applicationId), financeOtherTrack.cookie)).statusCode).toBe(200);
    expect((await get(teamUrl(laureates[3]!.applicationId), laureates[3]!.owner.cookie)).body).toContain(
      'Aucune subvention signée',
    );
  });

  it('goes draft → submit → return (comment required) → resubmit → approve, with the gap rule and the mails', async () => {
    const a = laureates[0]!;
    const page = await get(teamUrl(a.applicationId), a.coApplicant.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('30 décembre 2026');
    expect((await status(grants[0]!)).status).toBe('draft');

    let session = await formSession(t.app, a.owner.cookie, teamUrl(a.applicationId));
    const amounts = {
      forecast_60: '10 000',
      actual_60: '12 000,50',
      'forecast_74-aic': '30 000',
      'actual_74-aic': '30 000',
      comment: 'Action menée comme prévu.',
    };
    const saved = await submitForm(t.app, session, teamUrl(a.applicationId), {
      ...amounts,
      action: 'save',
      version: '1',
    });
    expect(saved.statusCode).toBe(303);
    expect((await status(grants[0]!)).status).toBe('draft');

    // 20 % over on line 60: submitting asks for an explanation, and keeps what was typed.
    session = await formSession(t.app, a.owner.cookie, teamUrl(a.applicationId));
    expect(session.html).toContain('value="12000,50"');
    expect(session.html).toContain('+20,0 %');
    const refused = await submitForm(t.app, session, teamUrl(a.applicationId), {
      ...amounts,
      action: 'submit',
      version: '2',
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="explanation_60-error"');
    expect(refused.body).toContain('value="12 000,50"');
    expect((await status(grants[0]!)).status).toBe('draft');

    const submitted = await submitForm(t.app, session, teamUrl(a.applicationId), {
      ...amounts,
      explanation_60: 'Achat de capteurs plus cher que prévu.',
      action: 'submit',
      version: '2',
    });
    expect(submitted.statusCode).toBe(303);
    expect((await status(grants[0]!)).status).toBe('submitted');
    expect(await mailsTo(finance.email, 'grants.report-submitted')).toBe(1);
    // The finance member limited to the other track is not told.
    expect(await mailsTo(financeOtherTrack.email, 'grants.report-submitted')).toBe(0);

    // Submitted: the team can no longer change it.
    const again = await submitForm(t.app, session, teamUrl(a.applicationId), {
      ...amounts,
      action: 'save',
      version: '3',
    });
    expect(again.statusCode).toBe(409);

    let review = await formSession(t.app, finance.cookie, staffUrl(a.applicationId));
    expect(review.html).toContain('Achat de capteurs plus cher que prévu.');
    const noComment = await submitForm(t.app, review, staffUrl(a.applicationId), { decision: 'return', version: '3' });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('id="review_comment-error"');
    const returned = await submitForm(t.app, review, staffUrl(a.applicationId), {
      decision: 'return',
      review_comment: 'Joignez les factures des capteurs.',
      version: '3',
    });
    expect(returned.statusCode).toBe(303);
    expect((await status(grants[0]!)).status).toBe('returned');
    expect(await mailsTo(a.owner.email, 'grants.report-returned')).toBe(1);
    expect(await mailsTo(a.coApplicant.email, 'grants.report-returned')).toBe(1);

    session = await formSession(t.app, a.owner.cookie, teamUrl(a.applicationId));
    expect(session.html).toContain('Joignez les factures des capteurs.');
    const pdf = Buffer.from('%PDF-1.4\n% factures\n');
    const body = multipartBody(
      {
        _csrf: session.csrf,
        ...amounts,
        explanation_60: 'Achat de capteurs plus cher que prévu.',
        action: 'submit',
        version: '4',
      },
      { field: 'report_file', name: 'factures.pdf', type: 'application/pdf', data: pdf },
    );
    const resubmitted = await t.app.inject({
      method: 'POST',
      url: `${teamUrl(a.applicationId)}`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(resubmitted.statusCode).toBe(303);
    expect((await status(grants[0]!)).status).toBe('submitted');
    const download = await get(`${staffUrl(a.applicationId)}/fichier`, finance.cookie);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-disposition']).toContain('attachment');
    expect(download.rawPayload.equals(pdf)).toBe(true);
    expect((await get(`${teamUrl(a.applicationId)}/fichier`, a.coApplicant.cookie)).statusCode).toBe(200);

    review = await formSession(t.app, finance.cookie, staffUrl(a.applicationId));
    const approved = await submitForm(t.app, review, staffUrl(a.applicationId), { decision: 'approve', version: '5' });
    expect(approved.statusCode).toBe(303);
    expect((await status(grants[0]!)).status).toBe('approved');
    expect(await mailsTo(a.owner.email, 'grants.report-approved')).toBe(1);
    // Approved: nothing more to review.
    const twice = await submitForm(t.app, review, staffUrl(a.applicationId), { decision: 'approve', version: '6' });
    expect(twice.statusCode).toBe(409);
  });

  it('answers hostile input with field messages and the input kept, never a 500', async () => {
    const b = laureates[1]!;
    const session = await formSession(t.app, b.owner.cookie, teamUrl(b.applicationId));
    const hostile = await submitForm(t.app, session, teamUrl(b.applicationId), {
      forecast_60: 'abc',
      actual_60: '-5',
      forecast_61: '99999999999999',
      actual_61: '1 000 000 000',
      explanation_62: 'x'.repeat(3000),
      comment: 'nul \u0000 byte <script>alert(1)</script>',
      action: 'save',
      version: '1',
    });
    expect(hostile.statusCode).toBe(400);
    for (const field of ['forecast_60', 'actual_60', 'forecast_61', 'actual_61', 'explanation_62', 'comment'])
      expect(hostile.body, field).toContain(`id="${field}-error"`);
    expect(hostile.body).toContain('value="abc"');
    expect(hostile.body).toContain('value="-5"');
    expect(hostile.body).not.toContain('<script>alert(1)</script>');
    expect(hostile.body).toContain('nul  byte &lt;script>');
    // A stale version is refused without losing the input.
    const stale = await submitForm(t.app, session, teamUrl(b.applicationId), {
      forecast_60: '100',
      action: 'save',
      version: '0',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('value="100"');
    // A file that is not a PDF or a spreadsheet is refused, nothing stored.
    const png = multipartBody(
      { _csrf: session.csrf, action: 'submit', version: '1' },
      { field: 'report_file', name: 'photo.png', type: 'image/png', data: TINY_PNG },
    );
    const refused = await t.app.inject({
      method: 'POST',
      url: `${teamUrl(b.applicationId)}`,
      headers: { cookie: session.cookie, 'content-type': png.contentType },
      payload: png.payload,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('id="report_file-error"');
    expect((await status(grants[1]!)).file_id).toBeNull();
    // An empty report cannot be submitted.
    const empty = await submitForm(t.app, session, teamUrl(b.applicationId), { action: 'submit', version: '1' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('id="report_file-error"');
  });

  it('reminds the team 30 and 7 days before the due day and the day after, once each', async () => {
    const c = laureates[2]!;
    const db = t.app.services.db;
    const mails = () => mailsTo(c.owner.email, 'grants.report-reminder');
    // Due 2027-02-28 (action ends 2026-08-31). Far from it: nothing.
    t.clock.set('2026-12-01T08:00:00Z');
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(0);
    expect(toDay((await status(grants[2]!)).due_on)).toBe('2027-02-28');
    t.clock.set('2027-01-29T08:00:00Z'); // 30 days before
    await sendReportReminders(t.app.services);
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(1);
    t.clock.set('2027-02-10T08:00:00Z'); // 18 days before: the 30-day one is sent already
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(1);
    t.clock.set('2027-02-21T08:00:00Z'); // 7 days before
    await sendReportReminders(t.app.services);
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(2);
    t.clock.set('2027-02-28T08:00:00Z'); // the due day: not late yet
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(2);
    expect((await lateReports(db, '2027-02-28')).some((r) => r.applicationId === c.applicationId)).toBe(false);
    t.clock.set('2027-03-01T08:00:00Z'); // the day after
    await sendReportReminders(t.app.services);
    await sendReportReminders(t.app.services);
    expect(await mails()).toBe(3);
    expect((await lateReports(db, '2027-03-01')).some((r) => r.applicationId === c.applicationId)).toBe(true);
    // The approved report of the first laureate is never late, nor reminded.
    expect((await lateReports(db, '2027-03-01')).some((r) => r.applicationId === laureates[0]!.applicationId)).toBe(
      false,
    );
    expect(await mailsTo(laureates[0]!.owner.email, 'grants.report-reminder')).toBe(0);
    t.clock.set('2026-07-01T10:00:00Z');
  });
});
