import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { formSession, multipartBody, postForm, TINY_PNG } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { auditedTransaction, systemActor } from '../../../core/audit/audit.js';
import { afterPublicChange } from '../../../core/cache/public-page.js';
import { confirmedLaureates } from '../../decisions/index.js';
import { publishDecidedLaureates } from '../../seasons/index.js';
import { timelineSources } from '../timeline-sources.js';
import { sendMilestoneReminders } from './jobs.js';
import {
  isMilestoneValidated,
  milestoneOfApplication,
  milestonesOfPlan,
  planOfApplication,
  planProgress,
} from './queries.js';

/** The plan and its milestones through HTTP: who sees what, the plan's rules, templates, the deliverable cycle. */
describe('support plans and milestones', () => {
  let t: TestApp;
  let seasonId: string;
  let laureates: SeededLaureate[];
  let admin: SignedInUser;
  let limited: SignedInUser;
  let A: SeededLaureate; // numerique
  let B: SeededLaureate; // autres
  let pending: SeededLaureate; // not confirmed

  const followUp = (l: SeededLaureate) => `/admin/accompagnement/laureats/${l.applicationId}`;
  const team = (l: SeededLaureate) => `/espace-laureat/${l.applicationId}`;
  const get = (url: string, cookie: string) => t.app.inject({ method: 'GET', url, headers: { cookie } });
  const db = () => t.app.services.db;

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-09-01T10:00:00Z');
    ({ seasonId, laureates } = await seedConfirmedLaureates(db(), t.clock, {
      slug: 'saison-plans',
      number: 51,
      laureates: [
        { title: 'Atelier numérique', track: 'numerique' },
        { title: 'Bourse aux outils', track: 'autres' },
        { title: 'Pas confirmé', confirmed: false },
      ],
    }));
    [A, B, pending] = laureates as [SeededLaureate, SeededLaureate, SeededLaureate];
    admin = await createSignedInUser(db(), t.clock, [{ role: 'admin' }], 'admin');
    limited = await createSignedInUser(db(), t.clock, [{ role: 'staff', track: 'autres' }], 'suivi-autres');
  }, 180_000);
  afterAll(() => t.close());

  it('shows the team its own spaces only; another laureate’s space and an unconfirmed one answer 404', async () => {
    const home = await get('/espace-laureat', A.owner.cookie);
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain(`href="${team(A)}"`);
    expect(home.body).not.toContain(team(B));
    expect((await get(team(A), A.coApplicant.cookie)).statusCode).toBe(200);
    expect((await get(team(B), A.owner.cookie)).statusCode).toBe(404);
    expect((await get(`${team(B)}/jalons`, A.owner.cookie)).statusCode).toBe(404);
    expect((await get(team(pending), pending.owner.cookie)).statusCode).toBe(404);
    const overview = await get(team(A), A.owner.cookie);
    expect(overview.body).toContain('Plan en préparation');
  });

  it('keeps a track-limited staff member to their track: 404 on the other’s follow-up, absent from the portfolio', async () => {
    expect((await get(followUp(A), limited.cookie)).statusCode).toBe(404);
    expect((await get(`${followUp(A)}/jalons`, limited.cookie)).statusCode).toBe(404);
    expect((await get(followUp(B), limited.cookie)).statusCode).toBe(200);
    const portfolio = await get(`/admin/accompagnement/saisons/${seasonId}`, limited.cookie);
    expect(portfolio.statusCode).toBe(200);
    expect(portfolio.body).toContain('Bourse aux outils');
    expect(portfolio.body).not.toContain('Atelier numérique');
    const all = await get(`/admin/accompagnement/saisons/${seasonId}`, admin.cookie);
    expect(all.body).toContain('Atelier numérique');
    expect((await get('/admin/accompagnement', limited.cookie)).body).toContain(
      `/admin/accompagnement/saisons/${seasonId}`,
    );
    // Templates are the whole season's: a limited member may read them, not change them.
    const refused = await postForm(
      t.app,
      limited.cookie,
      `/admin/accompagnement/saisons/${seasonId}/modeles`,
      `/admin/accompagnement/saisons/${seasonId}/modeles`,
      { name: 'X' },
    );
    expect(refused.statusCode).toBe(403);
  });

  it('refuses a plan shorter than 3 months or longer than 12, on the end date, keeping what was typed', async () => {
    for (const ends of ['2026-11-30', '2027-09-02']) {
      const response = await postForm(t.app, admin.cookie, followUp(B), `${followUp(B)}/plan`, {
        template: 'blank',
        starts_on: '2026-09-01',
        ends_on: ends,
      });
      expect(response.statusCode).toBe(400);
      expect(response.body).toContain('La fin doit tomber entre 3 et 12 mois après le début.');
      expect(response.body).toContain(`value="${ends}"`);
    }
    expect(await planOfApplication(db(), B.applicationId)).toBeNull();
  });

  it('applies a season template: needs, actions and milestones copied, due dates counted from the start', async () => {
    const templates = `/admin/accompagnement/saisons/${seasonId}/modeles`;
    const saved = await postForm(t.app, admin.cookie, templates, templates, {
      name: 'Parcours standard',
      goals_consolider: 'Stabiliser la gouvernance',
      action_0_text: 'Trois séances de coaching',
      action_0_lever: 'coaching',
      action_0_need: 'consolider',
      action_0_kind: 'mentor',
      action_0_name: 'Coach du programme',
      milestone_0_title: 'Feuille de route',
      milestone_0_description: 'La feuille de route à six mois',
      milestone_0_days: '30',
      milestone_0_weight: '25',
      milestone_1_title: 'Premier pilote',
      milestone_1_days: '90',
      milestone_1_weight: '75',
      milestone_2_title: '',
      milestone_2_days: '',
      milestone_2_weight: '',
    });
    expect(saved.statusCode).toBe(303);
    const list = await get(templates, admin.cookie);
    expect(list.body).toContain(' — 1 besoin, 1 action et 2 jalons');
    const templateId = /modeles\/([0-9a-f-]{36})"/.exec(list.body)![1]!;
    const created = await postForm(t.app, admin.cookie, followUp(A), `${followUp(A)}/plan`, {
      template: templateId,
      starts_on: '2026-09-01',
      ends_on: '2027-06-30',
    });
    expect(created.statusCode).toBe(303);
    const plan = (await planOfApplication(db(), A.applicationId))!;
    expect(plan.needs).toEqual([{ need: 'consolider', goals: 'Stabiliser la gouvernance' }]);
    expect(plan.actions.map((a) => [a.lever, a.action, a.responsibleKind])).toEqual([
      ['coaching', 'Trois séances de coaching', 'mentor'],
    ]);
    const milestones = await milestonesOfPlan(db(), plan.id);
    expect(milestones.map((x) => [x.title, x.dueOn, x.weight, x.state])).toEqual([
      ['Feuille de route', '2026-10-01', 25, 'upcoming'],
      ['Premier pilote', '2026-11-30', 75, 'upcoming'],
    ]);
    const overview = await get(team(A), A.owner.cookie);
    expect(overview.body).toContain('Coaching et stratégie de croissance');
    expect(overview.body).toContain('Feuille de route');
  });

  it('runs the deliverable cycle: submit, return with a required comment, resubmit, validate — and the progress moves', async () => {
    const plan = (await planOfApplication(db(), A.applicationId))!;
    const [first] = await milestonesOfPlan(db(), plan.id);
    const id = first!.id;
    const action = `${team(A)}/jalons/${id}/livrable`;
    const submit = async (fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => {
      const session = await formSession(t.app, A.owner.cookie, `${team(A)}/jalons`);
      const body = multipartBody(
        { _csrf: session.csrf, ...fields },
        file ? { field: `file-${id}`, ...file } : undefined,
      );
      return t.app.inject({
        method: 'POST',
        url: `${action}`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie: session.cookie },
      });
    };
    // A link must be https.
    const http = await submit({
      [`kind-${id}`]: 'link',
      [`url-${id}`]: 'http://example.org/x',
      [`note-${id}`]: 'Ma note',
    });
    expect(http.statusCode).toBe(400);
    expect(http.body).toContain('Saisissez une adresse commençant par https://');
    expect(http.body).toContain('Ma note');
    const script = await submit({ [`kind-${id}`]: 'link', [`url-${id}`]: 'javascript:alert(1)' });
    expect(script.statusCode).toBe(400);
    const ok = await submit({
      [`kind-${id}`]: 'link',
      [`url-${id}`]: 'https://example.org/feuille',
      [`note-${id}`]: 'Version 1',
    });
    expect(ok.statusCode).toBe(303);
    expect((await milestonesOfPlan(db(), plan.id))[0]!.state).toBe('submitted');

    const staffPage = `${followUp(A)}/jalons`;
    const review = `${staffPage}/${id}/examen`;
    const noComment = await postForm(t.app, admin.cookie, staffPage, review, {
      verdict: 'return',
      [`comment-${id}`]: '',
    });
    expect(noComment.statusCode).toBe(400);
    expect(noComment.body).toContain('le commentaire est obligatoire');
    expect((await milestonesOfPlan(db(), plan.id))[0]!.state).toBe('submitted');
    const returned = await postForm(t.app, admin.cookie, staffPage, review, {
      verdict: 'return',
      [`comment-${id}`]: 'Précisez le calendrier.',
    });
    expect(returned.statusCode).toBe(303);
    expect((await milestonesOfPlan(db(), plan.id))[0]!.state).toBe('returned');
    const returnMails = await db()
      .selectFrom('mails')
      .select(['to_address', 'text_body'])
      .where('template', '=', 'support.milestone-returned')
      .execute();
    expect(returnMails.map((x) => x.to_address).sort()).toEqual([A.owner.email, A.coApplicant.email].sort());
    expect(returnMails[0]!.text_body).toContain('Précisez le calendrier.');

    // The team sees the comment and resubmits a file: round 2.
    expect((await get(`${team(A)}/jalons`, A.owner.cookie)).body).toContain('Précisez le calendrier.');
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const again = await submit(
      { [`kind-${id}`]: 'file', [`note-${id}`]: 'Version 2' },
      { name: 'feuille.pdf', type: 'application/pdf', data: pdf },
    );
    expect(again.statusCode).toBe(303);
    const rounds = await db()
      .selectFrom('support_deliverables')
      .select(['round', 'kind', 'file_id'])
      .where('milestone_id', '=', id)
      .orderBy('round')
      .execute();
    expect(rounds.map((r) => [r.round, r.kind])).toEqual([
      [1, 'link'],
      [2, 'file'],
    ]);
    const file = await db()
      .selectFrom('files')
      .select(['purpose', 'content_type'])
      .where('id', '=', rounds[1]!.file_id!)
      .executeTakeFirstOrThrow();
    expect(file).toEqual({ purpose: 'laureate', content_type: 'application/pdf' });

    // Downloads: the team and the staff, as an attachment; another team and the other track's staff get 404.
    const deliverableId = (
      await db()
        .selectFrom('support_deliverables')
        .select('id')
        .where('milestone_id', '=', id)
        .where('round', '=', 2)
        .executeTakeFirstOrThrow()
    ).id;
    const teamFile = await get(`${team(A)}/livrables/${deliverableId}`, A.coApplicant.cookie);
    expect(teamFile.statusCode).toBe(200);
    expect(teamFile.headers['content-disposition']).toMatch(/^attachment; filename="feuille\.pdf"$/);
    expect((await get(`${followUp(A)}/livrables/${deliverableId}`, admin.cookie)).statusCode).toBe(200);
    expect((await get(`${team(B)}/livrables/${deliverableId}`, B.owner.cookie)).statusCode).toBe(404);
    expect((await get(`${followUp(A)}/livrables/${deliverableId}`, limited.cookie)).statusCode).toBe(404);

    const before = (await planProgress(db(), [A.applicationId], '2026-09-01')).get(A.applicationId)!;
    expect(before).toMatchObject({ percent: 0, toReview: 1 });
    const validated = await postForm(t.app, admin.cookie, staffPage, review, {
      verdict: 'validate',
      [`comment-${id}`]: '',
    });
    expect(validated.statusCode).toBe(303);
    const after = (await planProgress(db(), [A.applicationId], '2026-09-01')).get(A.applicationId)!;
    expect(after).toMatchObject({ percent: 25, validatedWeight: 25, totalWeight: 100, toReview: 0 });
    expect((await get(team(A), A.owner.cookie)).body).toContain('25 %');
    expect(
      await db().selectFrom('mails').select('id').where('template', '=', 'support.milestone-validated').execute(),
    ).toHaveLength(2);
    // A validated milestone takes no more deliverables.
    const late = await submit({ [`kind-${id}`]: 'link', [`url-${id}`]: 'https://example.org/v3' });
    expect(late.statusCode).toBe(409);
  });

  it('refuses hostile uploads with a 4xx and stores nothing: a file too big (the note kept), a NUL byte in a field', async () => {
    const plan = (await planOfApplication(db(), A.applicationId))!;
    const second = (await milestonesOfPlan(db(), plan.id))[1]!;
    const id = second.id;
    const send = async (fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) => {
      const session = await formSession(t.app, A.owner.cookie, `${team(A)}/jalons`);
      const body = multipartBody(
        { _csrf: session.csrf, ...fields },
        file ? { field: `file-${id}`, ...file } : undefined,
      );
      return t.app.inject({
        method: 'POST',
        url: `${team(A)}/jalons/${id}/livrable`,
        payload: body.payload,
        headers: { 'content-type': body.contentType, cookie: session.cookie },
      });
    };
    const files = async () =>
      Number(
        (
          await db()
            .selectFrom('files')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await files();
    const big = Buffer.concat([TINY_PNG, Buffer.alloc(21 * 1024 * 1024)]);
    const tooBig: LightMyRequestResponse = await send(
      { [`kind-${id}`]: 'file', [`note-${id}`]: 'Gardez cette note' },
      { name: 'gros.png', type: 'image/png', data: big },
    );
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.body).toContain('Ce fichier dépasse 20 Mo.');
    const html = await send(
      { [`kind-${id}`]: 'file', [`note-${id}`]: 'Une page' },
      { name: 'page.html', type: 'text/html', data: Buffer.from('<script>alert(1)</script>') },
    );
    expect(html.statusCode).toBe(400);
    expect(html.body).toContain('Ce type de fichier n’est pas accepté');
    expect(html.body).toContain('Une page');
    const nul = await send({
      [`kind-${id}`]: 'link',
      [`url-${id}`]: 'https://example.org/a',
      [`note-${id}`]: 'avant\u0000après',
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('caractères non autorisés');
    expect(await files()).toBe(before);
    expect((await milestonesOfPlan(db(), plan.id))[1]!.state).toBe('upcoming');
  }, 60_000);

  it('shows the progress on the public laureate page only when staff toggle it', async () => {
    const [laureate] = await confirmedLaureates(db(), { applicationIds: [A.applicationId] });
    const now = t.clock.now();
    await auditedTransaction(db(), systemActor, now, (trx, audit) =>
      publishDecidedLaureates(trx, audit, t.app.services, {
        seasonId,
        visibleFrom: new Date(now.getTime() - 86_400_000),
        laureates: [
          {
            applicationRef: laureate!.publicRef,
            trackCode: 'numerique',
            name: 'Atelier numérique',
            organisation: 'Association',
            summary: 'Résumé',
            summaryEn: 'Summary',
            website: '',
          },
        ],
      }),
    );
    afterPublicChange(t.app.services);
    const anonymous = () => t.app.inject({ method: 'GET', url: '/laureats' });
    expect((await anonymous()).body).not.toContain('Avancement du plan d’accompagnement');
    const page = await formSession(t.app, admin.cookie, followUp(A));
    const values = Object.fromEntries(
      [...page.html.matchAll(/<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)].map((x) => [x[1]!, x[2]!]),
    );
    const plan = (await planOfApplication(db(), A.applicationId))!;
    const save = (extra: Record<string, string>) =>
      postForm(t.app, admin.cookie, followUp(A), followUp(A), {
        version: String(values.version ?? plan.version),
        starts_on: plan.startsOn,
        ends_on: plan.endsOn,
        hours: '12,5',
        status: 'active',
        goals_consolider: 'Stabiliser la gouvernance',
        action_0_text: 'Trois séances de coaching',
        action_0_lever: 'coaching',
        action_0_need: 'consolider',
        action_0_kind: 'mentor',
        action_0_name: 'Coach du programme',
        action_0_status: 'in_progress',
        ...extra,
      });
    expect((await save({ progress_public: 'on' })).statusCode).toBe(303);
    const shown = await anonymous();
    expect(shown.body).toContain('Avancement du plan d’accompagnement : 25 %');
    const saved = (await planOfApplication(db(), A.applicationId))!;
    expect(saved).toMatchObject({ allocatedMinutes: 750, status: 'active', progressPublic: true });
    // A stale form (the version it was read at) is refused.
    expect((await save({ progress_public: '' })).statusCode).toBe(409);
    const fresh = await postForm(t.app, admin.cookie, followUp(A), followUp(A), {
      version: String(saved.version),
      starts_on: saved.startsOn,
      ends_on: saved.endsOn,
      status: 'active',
    });
    expect(fresh.statusCode).toBe(303);
    expect((await anonymous()).body).not.toContain('Avancement du plan d’accompagnement');
  });

  it('reminds the team 7 days and 1 day before a due date, once each', async () => {
    const plan = (await planOfApplication(db(), A.applicationId))!;
    const pilot = (await milestonesOfPlan(db(), plan.id)).find((x) => x.title === 'Premier pilote')!;
    const count = async () =>
      (await db().selectFrom('mails').select('id').where('template', '=', 'support.milestone-reminder').execute())
        .length;
    t.clock.set('2026-11-23T08:00:00Z'); // 7 days before 2026-11-30
    expect(await sendMilestoneReminders(t.app.services)).toBe(1);
    expect(await sendMilestoneReminders(t.app.services)).toBe(0);
    expect(await count()).toBe(2); // owner and co-applicant
    t.clock.set('2026-11-29T08:00:00Z');
    expect(await sendMilestoneReminders(t.app.services)).toBe(1);
    expect(await sendMilestoneReminders(t.app.services)).toBe(0);
    expect(await count()).toBe(4);
    expect(pilot.state).toBe('upcoming');
  });

  it('answers other modules: a milestone belongs to its laureate only, its validation, the timeline and what is late', async () => {
    const plan = (await planOfApplication(db(), A.applicationId))!;
    const [first, second] = await milestonesOfPlan(db(), plan.id);
    expect(await milestoneOfApplication(db(), A.applicationId, first!.id)).toMatchObject({ id: first!.id });
    expect(await milestoneOfApplication(db(), B.applicationId, first!.id)).toBeNull();
    expect(await isMilestoneValidated(db(), first!.id)).toBe(true);
    expect(await isMilestoneValidated(db(), second!.id)).toBe(false);
    const source = timelineSources().find((x) => x.name === 'milestones')!;
    const entries = await source.entries(db(), A.applicationId);
    expect(entries.map((e) => e.title.fr)).toEqual(
      expect.arrayContaining([
        'Échéance du jalon « {title} »',
        'Livrable remis pour « {title} » (version {round})',
        'Jalon « {title} » validé',
      ]),
    );
    expect(entries.every((e) => e.kind === 'milestone' && e.teamHref?.startsWith(team(A)))).toBe(true);
    expect(await source.entries(db(), B.applicationId)).toEqual([]);
    const late = await source.late!(db(), '2026-12-15');
    expect(late.map((x) => [x.applicationId, x.title])).toEqual([[A.applicationId, 'Premier pilote']]);
  });
});
