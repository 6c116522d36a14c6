import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../test/support/factories/laureates.js';
import { insertPlanWithMilestones, setMilestoneState } from '../../../test/support/factories/support-milestones.js';
import { formSession, multipartBody, submitForm, TINY_PNG } from '../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../test/support/users.js';
import type { Actor } from '../../core/audit/audit.js';
import { answerProcedure } from './answer-procedure.js';
import { commitGrant } from './commit-grant.js';
import { decideProcedure } from './decide-procedure.js';
import { envelopeFigures } from './figures.js';
import { generateConvention } from './generate-convention.js';
import type { GrantInput } from './grant-inputs.js';
import { openProcedure } from './open-procedure.js';
import { conventionPdf, grantById, grantOfApplication, trancheStates } from './queries.js';
import { recordPayment } from './record-payment.js';
import { recordSignature } from './record-signature.js';
import { resumeGrant } from './resume-grant.js';
import { saveEnvelope } from './save-envelope.js';
import { saveGrant } from './save-grant.js';
import { grantsTimelineSource } from './timeline.js';

const PAYER_SIRET = '13002526500013';

describe('grants: envelopes, grants, tranches, payments, conventions, procedures', () => {
  let t: TestApp;
  let finance: SignedInUser;
  let staff: SignedInUser;
  let financeAutres: SignedInUser;
  let actor: Actor;
  let seasonId: string;
  let laureates: SeededLaureate[];
  let envelopeId: string;
  let counter = 0;

  const services = () => t.app.services;

  async function envelope(amountCents: number, trackCode = ''): Promise<string> {
    const saved = await saveEnvelope(services(), actor, {
      seasonId,
      trackCode,
      label: `Enveloppe ${++counter}`,
      amountCents,
      payerName: 'Direction interministérielle du numérique',
      payerSiret: PAYER_SIRET,
      budgetLine: 'P129',
      scheme: 'Accélérateur d’initiatives citoyennes',
    });
    if (!saved.ok) throw new Error('envelope refused');
    return saved.id;
  }

  function grantInput(envelope: string, amountCents: number, overrides: Partial<GrantInput> = {}): GrantInput {
    return {
      envelopeId: envelope,
      reference: `AIC-T-${++counter}`,
      amountCents,
      purpose: 'Accélérer le projet',
      nature: 'cash',
      paymentTerms: 'staggered',
      paymentTermsText: '',
      beneficiaryName: 'Association test',
      beneficiarySiret: null,
      beneficiaryRna: 'W751234567',
      actionStartsOn: '2026-01-01',
      actionEndsOn: '2026-12-31',
      shareOfCostsBp: 5000,
      euNotified: false,
      raeId: null,
      tranches: [{ amountCents, plannedOn: '2026-02-01', condition: 'none', milestoneId: null, conditionText: '' }],
      ...overrides,
    };
  }

  async function committedGrant(applicationId: string, input: GrantInput): Promise<string> {
    const saved = await saveGrant(services(), actor, { applicationId, seasonId, grant: input, reason: '' });
    if (!saved.ok) throw new Error(`grant refused: ${saved.message.en}`);
    const committed = await commitGrant(services(), actor, { grantId: saved.id });
    if (!committed.ok) throw new Error(`commit refused: ${committed.message.en}`);
    return saved.id;
  }

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-03-01T10:00:00Z');
    const { db } = t.app.services;
    finance = await createSignedInUser(db, t.clock, [{ role: 'finance' }, { role: 'staff' }], 'finance');
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
    financeAutres = await createSignedInUser(
      db,
      t.clock,
      [{ role: 'finance' }, { role: 'staff', track: 'autres' }],
      'finautres',
    );
    actor = { id: finance.id, label: `user:${finance.id}` };
    const seeded = await seedConfirmedLaureates(db, t.clock, {
      slug: 'saison-subventions',
      number: 41,
      laureates: [
        { title: 'Projet Alpha', amountCents: 3_000_000 },
        { title: 'Projet Bêta', amountCents: 1_000_000 },
        { title: 'Projet Gamma', track: 'autres' },
        { title: 'Projet Delta' },
        { title: 'Projet Epsilon' },
        { title: 'Projet Zêta' },
        { title: 'Projet Êta' },
      ],
    });
    seasonId = seeded.seasonId;
    laureates = seeded.laureates;
    envelopeId = await envelope(100_000_000);
  }, 120_000);
  afterAll(() => t?.close());

  it('refuses every grants route to staff without grants.manage (403)', async () => {
    const id = laureates[0].applicationId;
    const gets = [
      '/admin/subventions/enveloppes',
      `/admin/subventions/enveloppes/nouvelle?saison=${seasonId}`,
      `/admin/subventions/enveloppes/${envelopeId}`,
      `/admin/subventions/saisons/${seasonId}`,
      `/admin/subventions/saisons/${seasonId}/convention`,
      `/admin/subventions/laureats/${id}`,
      `/admin/subventions/laureats/${id}/convention.pdf`,
      `/admin/subventions/laureats/${id}/convention-signee`,
    ];
    const posts = [
      '/admin/subventions/enveloppes',
      `/admin/subventions/enveloppes/${envelopeId}`,
      `/admin/subventions/saisons/${seasonId}/convention`,
      `/admin/subventions/laureats/${id}`,
      `/admin/subventions/laureats/${id}/engager`,
      `/admin/subventions/laureats/${id}/versements`,
      `/admin/subventions/laureats/${id}/convention`,
      `/admin/subventions/laureats/${id}/signature`,
      `/admin/subventions/laureats/${id}/procedure`,
      `/admin/subventions/laureats/${id}/procedure/decision`,
      `/admin/subventions/laureats/${id}/reprendre`,
    ];
    for (const url of gets) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: staff.cookie } });
      expect(res.statusCode, url).toBe(403);
      const own = await t.app.inject({ method: 'GET', url, headers: { cookie: finance.cookie } });
      expect([200, 404], url).toContain(own.statusCode);
    }
    for (const url of posts) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie: staff.cookie }, payload: {} });
      expect(res.statusCode, url).toBe(403);
    }
    // The team's page is not staff's: a staff member who is not of the team gets the 404 of no space.
    const team = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention`,
      headers: { cookie: staff.cookie },
    });
    expect(team.statusCode).toBe(404);
  });

  it('keeps a track-limited finance member to their track: 404 on another track’s laureate, a filtered list', async () => {
    const other = await t.app.inject({
      method: 'GET',
      url: `/admin/subventions/laureats/${laureates[0].applicationId}`,
      headers: { cookie: financeAutres.cookie },
    });
    expect(other.statusCode).toBe(404);
    const own = await t.app.inject({
      method: 'GET',
      url: `/admin/subventions/laureats/${laureates[2].applicationId}`,
      headers: { cookie: financeAutres.cookie },
    });
    expect(own.statusCode).toBe(200);
    const list = await t.app.inject({
      method: 'GET',
      url: `/admin/subventions/saisons/${seasonId}`,
      headers: { cookie: financeAutres.cookie },
    });
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('Projet Gamma');
    expect(list.body).not.toContain('Projet Alpha');
    const envelopes = await t.app.inject({
      method: 'GET',
      url: '/admin/subventions/enveloppes',
      headers: { cookie: financeAutres.cookie },
    });
    expect(envelopes.statusCode).toBe(403);
  });

  it('creates and edits envelopes through the pages, with field messages for bad input, never below committed', async () => {
    const page = `/admin/subventions/enveloppes/nouvelle?saison=${seasonId}`;
    const session = await formSession(t.app, finance.cookie, page);
    const good = {
      season_id: seasonId,
      track_code: '',
      label: 'Enveloppe HTTP',
      amount: '50 000',
      payer_name: 'DINUM',
      payer_siret: PAYER_SIRET,
      budget_line: 'P129',
      scheme: 'Accélérateur d’initiatives citoyennes',
    };
    for (const [field, value] of [
      ['amount', 'abc'],
      ['amount', '-5'],
      ['amount', '99999999999'],
      ['payer_siret', '13002526500014'],
      ['label', 'a\u0000b'],
      ['label', 'x'.repeat(300)],
    ] as const) {
      const res = await submitForm(t.app, session, '/admin/subventions/enveloppes', { ...good, [field]: value });
      expect(res.statusCode, `${field}=${value.slice(0, 20)}`).toBe(400);
      expect(res.body).toContain('fr-error-text');
    }
    const created = await submitForm(t.app, session, '/admin/subventions/enveloppes', good);
    expect(created.statusCode).toBe(303);
    const [row] = (await envelopeFigures(services().db, { seasonId })).filter((f) => f.label === 'Enveloppe HTTP');
    expect(row).toMatchObject({ amountCents: 5_000_000, committedCents: 0, remainingCents: 5_000_000 });
    await committedGrant(laureates[3].applicationId, grantInput(row.envelopeId, 4_000_000));
    const edit = await formSession(t.app, finance.cookie, `/admin/subventions/enveloppes/${row.envelopeId}`);
    const below = await submitForm(t.app, edit, `/admin/subventions/enveloppes/${row.envelopeId}`, {
      ...good,
      version: '1',
      amount: '39 999',
    });
    expect(below.statusCode).toBe(400);
    expect(below.body).toContain('déjà engagé');
    const list = await t.app.inject({
      method: 'GET',
      url: `/admin/subventions/enveloppes?saison=${seasonId}`,
      headers: { cookie: finance.cookie },
    });
    expect(list.body).toContain('Enveloppe HTTP');
    expect(list.body).toMatch(/40\s000\s€/);
  });

  it('creates a draft through the page (prefilled), shows field messages for hostile input, then commits it', async () => {
    const id = laureates[1].applicationId;
    const url = `/admin/subventions/laureats/${id}`;
    const session = await formSession(t.app, finance.cookie, url);
    expect(session.html).toContain('Association Projet Bêta');
    expect(session.html).toContain('value="10000"');
    const good = {
      envelope_id: envelopeId,
      reference: 'AIC-HTTP-1',
      amount: '10 000',
      purpose: 'Déployer le service',
      nature: 'cash',
      payment_terms: 'unique',
      beneficiary_name: 'Association Projet Bêta',
      beneficiary_siret: '',
      beneficiary_rna: 'W751234561',
      action_starts_on: '2026-01-01',
      action_ends_on: '2026-12-31',
      share_percent: '80',
      t1_amount: '10000',
      t1_planned_on: '2026-02-01',
      t1_condition: 'none',
    };
    for (const [field, value] of [
      ['amount', 'abc'],
      ['amount', '-100'],
      ['amount', '123456789012345'],
      ['purpose', 'p'.repeat(257)],
      ['purpose', 'a\u0000b'],
      ['beneficiary_rna', 'X123'],
      ['share_percent', '150'],
      ['action_ends_on', '2025-01-01'],
      ['t1_condition', 'milestone'],
      ['nature', '<script>'],
    ] as const) {
      const res = await submitForm(t.app, session, url, { ...good, [field]: value });
      expect(res.statusCode, `${field}=${value.slice(0, 20)}`).toBe(400);
      expect(res.body).toContain('fr-error-text');
      expect(res.body).not.toContain('<script>');
    }
    const noId = await submitForm(t.app, session, url, { ...good, beneficiary_rna: '' });
    expect(noId.statusCode).toBe(400);
    expect(noId.body).toContain('SIRET ou le numéro RNA');
    const saved = await submitForm(t.app, session, url, good);
    expect(saved.statusCode).toBe(303);
    const grant = await grantOfApplication(services().db, id);
    expect(grant).toMatchObject({ status: 'draft', amountCents: 1_000_000, shareOfCostsBp: 8000 });
    // The team does not see a draft.
    const team = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention`,
      headers: { cookie: laureates[1].owner.cookie },
    });
    expect(team.statusCode).toBe(200);
    expect(team.body).toContain('pas encore engagée');
    const page = await formSession(t.app, finance.cookie, url);
    const committed = await submitForm(t.app, page, `${url}/engager`, { version: String(grant!.version) });
    expect(committed.statusCode).toBe(303);
    expect((await grantOfApplication(services().db, id))?.status).toBe('committed');
    const again = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention`,
      headers: { cookie: laureates[1].owner.cookie },
    });
    expect(again.body).toMatch(/10\s000\s€/);
    expect(again.body).toContain('/subvention/compte-rendu');
    // Another laureate's team: the 404 of a space that does not exist.
    const other = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention`,
      headers: { cookie: laureates[0].owner.cookie },
    });
    expect(other.statusCode).toBe(404);
  });

  it('never commits beyond the envelope: 20 parallel commits on an almost full envelope', async () => {
    const small = await envelope(1_000_000);
    await committedGrant(laureates[4].applicationId, grantInput(small, 900_000));
    // 20 drafts of 30 000 cents on one laureate (the table allows it; the use case commits each).
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const saved = await saveGrant(services(), actor, {
        applicationId: laureates[5].applicationId,
        seasonId,
        grant: grantInput(small, 30_000),
        reason: '',
      });
      if (!saved.ok) throw new Error('draft refused');
      ids.push(saved.id);
      // saveGrant edits the laureate's current draft: move it aside so the next call creates another.
      await services()
        .db.updateTable('grants')
        .set({ created_at: new Date(0) })
        .where('id', '=', saved.id)
        .execute();
    }
    expect(new Set(ids).size).toBe(1);
    // One draft per call above edits the same row; create the 19 others directly as copies of it.
    const source = await services()
      .db.selectFrom('grants')
      .selectAll()
      .where('id', '=', ids[0])
      .executeTakeFirstOrThrow();
    const drafts = [ids[0]];
    for (let i = 1; i < 20; i++) {
      const { id: _id, ...rest } = source;
      const row = await services()
        .db.insertInto('grants')
        .values({ ...rest, reference: `AIC-PAR-${i}`, amount_cents: 30_000 })
        .returning('id')
        .executeTakeFirstOrThrow();
      await services()
        .db.insertInto('grant_tranches')
        .values({
          grant_id: row.id,
          position: 1,
          amount_cents: 30_000,
          planned_on: '2026-02-01',
          condition: 'none',
          milestone_id: null,
          condition_text: '',
        })
        .execute();
      drafts.push(row.id);
    }
    const results = await Promise.all(drafts.map((grantId) => commitGrant(services(), actor, { grantId })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(17);
    expect(refused[0]).toMatchObject({ status: 409 });
    const [figures] = (await envelopeFigures(services().db)).filter((f) => f.envelopeId === small);
    expect(figures.committedCents).toBe(990_000);
    expect(figures.committedCents).toBeLessThanOrEqual(figures.amountCents);
    expect(figures.remainingCents).toBe(10_000);
  }, 60_000);

  it('refuses to mark a grant above 23,000 € signed without the generated convention and the signed document', async () => {
    const id = laureates[0].applicationId;
    const grantId = await committedGrant(id, grantInput(envelopeId, 3_000_000));
    const dates = { beneficiaryOn: '2026-02-20', payerOn: '2026-02-25' };
    expect(await recordSignature(services(), actor, { grantId, ...dates })).toMatchObject({ ok: false, status: 409 });
    const generated = await generateConvention(services(), actor, { grantId, locale: 'fr' });
    expect(generated.ok).toBe(true);
    const pdf = await conventionPdf(services().db, grantId);
    expect(Buffer.from(pdf!).subarray(0, 5).toString()).toBe('%PDF-');
    const withoutFile = await recordSignature(services(), actor, { grantId, ...dates });
    expect(withoutFile).toMatchObject({ ok: false, field: 'signed_file' });
    const png = await recordSignature(services(), actor, {
      grantId,
      ...dates,
      file: { data: TINY_PNG, name: 'x.png' },
    });
    expect(png).toMatchObject({ ok: false, field: 'signed_file' });
    expect((await grantById(services().db, grantId))?.status).toBe('committed');
    // Through the page: the multipart upload of the signed PDF.
    const url = `/admin/subventions/laureats/${id}`;
    const session = await formSession(t.app, finance.cookie, url);
    const body = multipartBody(
      { _csrf: session.csrf, signed_by_beneficiary_on: '2026-02-20', signed_by_payer_on: '2026-02-25' },
      { field: 'signed_file', name: 'convention-signee.pdf', type: 'application/pdf', data: Buffer.from(pdf!) },
    );
    const signed = await t.app.inject({
      method: 'POST',
      url: `${url}/signature`,
      headers: { cookie: session.cookie, 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(signed.statusCode).toBe(303);
    expect(await grantById(services().db, grantId)).toMatchObject({ status: 'signed' });
    const team = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention/convention.pdf`,
      headers: { cookie: laureates[0].coApplicant.cookie },
    });
    expect(team.statusCode).toBe(200);
    expect(team.headers['content-type']).toContain('application/pdf');
    const signedFile = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${id}/subvention/convention-signee`,
      headers: { cookie: laureates[0].owner.cookie },
    });
    expect(signedFile.statusCode).toBe(200);
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie: finance.cookie } });
    expect(page.body).toContain('25 février 2026');
    // Below the threshold a convention is optional.
    const smallId = (await grantOfApplication(services().db, laureates[1].applicationId))!.id;
    expect(await recordSignature(services(), actor, { grantId: smallId, ...dates })).toMatchObject({
      ok: true,
      signedOn: '2026-02-25',
    });
  });

  it('pays a tranche only once its milestone is validated, never more than what is left of it', async () => {
    const space = laureates[2];
    const { milestoneIds } = await insertPlanWithMilestones(services().db, {
      applicationId: space.applicationId,
      seasonId,
      trackCode: 'autres',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      milestones: [{ title: 'Prototype livré', dueOn: '2026-04-01' }],
    });
    const grantId = await committedGrant(
      space.applicationId,
      grantInput(envelopeId, 2_000_000, {
        tranches: [
          { amountCents: 1_000_000, plannedOn: '2026-01-15', condition: 'none', milestoneId: null, conditionText: '' },
          {
            amountCents: 1_000_000,
            plannedOn: '2026-04-15',
            condition: 'milestone',
            milestoneId: milestoneIds[0],
            conditionText: 'Après le prototype',
          },
        ],
      }),
    );
    const grant = (await grantById(services().db, grantId))!;
    const [first, second] = await trancheStates(services().db, grant);
    expect(second.waitsFor).toBe('milestone');
    const early = await recordPayment(services(), actor, {
      grantId,
      trancheId: second.id,
      paidOn: '2026-03-01',
      amountCents: 1_000,
      reference: 'MANDAT-1',
    });
    expect(early).toMatchObject({ ok: false, status: 409 });
    const above = await recordPayment(services(), actor, {
      grantId,
      trancheId: first.id,
      paidOn: '2026-03-01',
      amountCents: 1_000_001,
      reference: 'MANDAT-2',
    });
    expect(above).toMatchObject({ ok: false, field: 'payment_amount' });
    // Through the page: the first tranche paid in part.
    const url = `/admin/subventions/laureats/${space.applicationId}`;
    const session = await formSession(t.app, finance.cookie, url);
    expect(session.html).toContain('Prototype livré');
    const paid = await submitForm(t.app, session, `${url}/versements`, {
      tranche_id: first.id,
      paid_on: '2026-02-28',
      payment_amount: '6 000',
      payment_reference: 'MANDAT-3',
    });
    expect(paid.statusCode).toBe(303);
    const tooMuch = await submitForm(t.app, session, `${url}/versements`, {
      tranche_id: first.id,
      paid_on: '2026-02-28',
      payment_amount: '4 000,01',
      payment_reference: 'MANDAT-4',
    });
    expect(tooMuch.statusCode).toBe(400);
    expect(tooMuch.body).toContain('Il ne reste que');
    await setMilestoneState(services().db, milestoneIds[0], 'validated');
    const [, now] = await trancheStates(services().db, grant);
    expect(now.waitsFor).toBe('none');
    expect(
      await recordPayment(services(), actor, {
        grantId,
        trancheId: second.id,
        paidOn: '2026-03-01',
        amountCents: 1_000_000,
        reference: 'MANDAT-5',
      }),
    ).toMatchObject({ ok: true });
    const team = await t.app.inject({
      method: 'GET',
      url: `/espace-laureat/${space.applicationId}/subvention`,
      headers: { cookie: space.owner.cookie },
    });
    expect(team.body).toContain('MANDAT-5');
    const [figures] = (await envelopeFigures(services().db)).filter((f) => f.envelopeId === envelopeId);
    expect(figures.paidCents).toBe(1_600_000);
  });

  it('pays nothing above 23,000 € before the convention is signed, and keeps a milestone a tranche waits for', async () => {
    const space = laureates[6];
    const { milestoneIds } = await insertPlanWithMilestones(services().db, {
      applicationId: space.applicationId,
      seasonId,
      trackCode: 'numerique',
      startsOn: '2026-01-01',
      endsOn: '2026-12-31',
      milestones: [{ title: 'Étude d’usage', dueOn: '2026-05-01' }],
    });
    const grantId = await committedGrant(
      space.applicationId,
      grantInput(envelopeId, 3_000_000, {
        tranches: [
          { amountCents: 2_000_000, plannedOn: '2026-02-01', condition: 'none', milestoneId: null, conditionText: '' },
          {
            amountCents: 1_000_000,
            plannedOn: '2026-06-01',
            condition: 'milestone',
            milestoneId: milestoneIds[0],
            conditionText: '',
          },
        ],
      }),
    );
    const grant = (await grantById(services().db, grantId))!;
    const [first] = await trancheStates(services().db, grant);
    expect(first.waitsFor).toBe('convention');
    const early = await recordPayment(services(), actor, {
      grantId,
      trancheId: first.id,
      paidOn: '2026-03-01',
      amountCents: 2_000_000,
      reference: 'MANDAT-AVANT-SIGNATURE',
    });
    expect(early).toMatchObject({ ok: false, status: 409 });
    // Support staff cannot remove the milestone the second tranche waits for: a message, not a 500.
    const url = `/admin/accompagnement/laureats/${space.applicationId}/jalons`;
    const session = await formSession(t.app, finance.cookie, url);
    const removed = await submitForm(t.app, session, `${url}/${milestoneIds[0]}/retirer`, {});
    expect(removed.statusCode).toBe(409);
    expect(removed.body).toContain('Une tranche de la subvention attend ce jalon');
  });

  it('needs a reason to amend a committed grant, keeps before and after, re-checks the envelope on an increase', async () => {
    const small = await envelope(2_000_000);
    const app = laureates[4].applicationId;
    // laureate 4 already has a committed grant (900 000) on another envelope: use a fresh laureate space.
    const id = laureates[3].applicationId;
    const current = (await grantOfApplication(services().db, id))!;
    expect(current.status).toBe('committed');
    const base = grantInput(current.envelopeId, current.amountCents, { reference: current.reference });
    const noReason = await saveGrant(services(), actor, {
      applicationId: id,
      seasonId,
      grant: { ...base, amountCents: 3_000_000, tranches: [{ ...base.tranches[0], amountCents: 3_000_000 }] },
      reason: '',
    });
    expect(noReason).toMatchObject({ ok: false, field: 'reason' });
    const sumWrong = await saveGrant(services(), actor, {
      applicationId: id,
      seasonId,
      grant: { ...base, amountCents: 3_000_000 },
      reason: 'Réduction du périmètre',
    });
    expect(sumWrong).toMatchObject({ ok: false, field: 't1_amount' });
    const ok = await saveGrant(services(), actor, {
      applicationId: id,
      seasonId,
      grant: { ...base, amountCents: 3_000_000, tranches: [{ ...base.tranches[0], amountCents: 3_000_000 }] },
      reason: 'Réduction du périmètre',
    });
    expect(ok).toMatchObject({ ok: true, amended: true });
    const amendments = await services()
      .db.selectFrom('grant_amendments')
      .selectAll()
      .where('grant_id', '=', current.id)
      .execute();
    expect(amendments.map((a) => a.kind).sort()).toEqual(['amount', 'tranches']);
    // The envelope of 50 000 € holds 30 000 € now: an increase to 60 000 € is refused.
    const over = await saveGrant(services(), actor, {
      applicationId: id,
      seasonId,
      grant: { ...base, amountCents: 6_000_000, tranches: [{ ...base.tranches[0], amountCents: 6_000_000 }] },
      reason: 'Extension',
    });
    expect(over).toMatchObject({ ok: false, field: 'amount' });
    // Through the page: the missing reason is a field message.
    const url = `/admin/subventions/laureats/${id}`;
    const session = await formSession(t.app, finance.cookie, url);
    expect(session.html).toContain('Motif de l’avenant');
    const res = await submitForm(t.app, session, url, {
      envelope_id: current.envelopeId,
      reference: current.reference,
      amount: '31 000',
      purpose: 'Accélérer le projet',
      nature: 'cash',
      payment_terms: 'staggered',
      beneficiary_name: 'Association test',
      beneficiary_rna: 'W751234567',
      action_starts_on: '2026-01-01',
      action_ends_on: '2026-12-31',
      t1_amount: '31 000',
      t1_planned_on: '2026-02-01',
      t1_condition: 'none',
      version: String((await grantById(services().db, current.id))!.version),
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Donnez le motif');
    const history = await t.app.inject({ method: 'GET', url, headers: { cookie: finance.cookie } });
    expect(history.body).toContain('Réduction du périmètre');
    expect(small && app).toBeTruthy();
  });

  it('opens a procedure with 15 days to answer, refuses an earlier decision, then applies it', async () => {
    const space = laureates[2];
    const grant = (await grantOfApplication(services().db, space.applicationId))!;
    const soon = await openProcedure(services(), actor, {
      grantId: grant.id,
      kind: 'suspend',
      reasons: 'Jalon non tenu',
      answerDueOn: '2026-03-10',
      proposedCents: null,
    });
    expect(soon).toMatchObject({ ok: false, field: 'answer_due_on' });
    // Through the page.
    const url = `/admin/subventions/laureats/${space.applicationId}`;
    const session = await formSession(t.app, finance.cookie, url);
    const opened = await submitForm(t.app, session, `${url}/procedure`, {
      kind: 'suspend',
      reasons: 'Le prototype n’est pas conforme.',
      answer_due_on: '2026-03-16',
    });
    expect(opened.statusCode).toBe(303);
    const mails = await services()
      .db.selectFrom('mails')
      .select(['to_address', 'template'])
      .where('template', '=', 'grants.procedure-opened')
      .execute();
    expect(mails.map((m) => m.to_address).sort()).toEqual([space.owner.email, space.coApplicant.email].sort());
    const open = await services()
      .db.selectFrom('grant_procedures')
      .select('id')
      .where('grant_id', '=', grant.id)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    const twice = await openProcedure(services(), actor, {
      grantId: grant.id,
      kind: 'withdraw',
      reasons: 'x',
      answerDueOn: '2026-04-01',
      proposedCents: null,
    });
    expect(twice).toMatchObject({ ok: false, status: 409 });
    const early = await decideProcedure(services(), actor, {
      grantId: grant.id,
      procedureId: open.id,
      outcome: 'apply',
      note: '',
    });
    expect(early).toMatchObject({ ok: false, status: 409 });
    const earlyPage = await submitForm(t.app, session, `${url}/procedure/decision`, {
      procedure_id: open.id,
      outcome: 'apply',
      note: 'Trop tôt',
    });
    expect(earlyPage.statusCode).toBe(409);
    expect(earlyPage.body).toContain('Attendez la réponse');
    // The team answers in its space.
    const teamUrl = `/espace-laureat/${space.applicationId}/subvention`;
    const team = await formSession(t.app, space.owner.cookie, teamUrl);
    expect(team.html).toContain('Le prototype n’est pas conforme.');
    const empty = await submitForm(t.app, team, `${teamUrl}/reponse`, { procedure_id: open.id, answer: '' });
    expect(empty.statusCode).toBe(400);
    const answered = await submitForm(t.app, team, `${teamUrl}/reponse`, {
      procedure_id: open.id,
      answer: 'Une nouvelle version sera livrée en avril.',
    });
    expect(answered.statusCode).toBe(303);
    const decided = await decideProcedure(services(), actor, {
      grantId: grant.id,
      procedureId: open.id,
      outcome: 'apply',
      note: 'Suspension le temps de la nouvelle version.',
    });
    expect(decided.ok).toBe(true);
    expect((await grantById(services().db, grant.id))?.status).toBe('suspended');
    const [first] = await trancheStates(services().db, (await grantById(services().db, grant.id))!);
    expect(first.waitsFor).toBe('suspended');
    expect(
      await recordPayment(services(), actor, {
        grantId: grant.id,
        trancheId: first.id,
        paidOn: '2026-03-01',
        amountCents: 100,
        reference: 'X',
      }),
    ).toMatchObject({ ok: false, status: 409 });
    const late = await answerProcedure(services(), actor, {
      applicationId: space.applicationId,
      procedureId: open.id,
      answer: 'trop tard',
    });
    expect(late.ok).toBe(false);
    expect(await resumeGrant(services(), actor, { grantId: grant.id, note: 'Nouvelle version livrée' })).toMatchObject({
      ok: true,
    });
    expect((await grantById(services().db, grant.id))?.status).toBe('committed');
  });

  it('reduces after the deadline without an answer (an amendment), and withdraws', async () => {
    const space = laureates[2];
    const grant = (await grantOfApplication(services().db, space.applicationId))!;
    try {
      await reduceAndWithdraw(space, grant.id);
    } finally {
      t.clock.set('2026-03-01T10:00:00Z');
    }
  });

  async function reduceAndWithdraw(space: SeededLaureate, grantId: string): Promise<void> {
    const grant = { id: grantId };
    const opened = await openProcedure(services(), actor, {
      grantId: grant.id,
      kind: 'reduce',
      reasons: 'Dépenses non justifiées',
      answerDueOn: '2026-03-16',
      proposedCents: 1_800_000,
    });
    if (!opened.ok) throw new Error('refused');
    t.clock.set('2026-03-17T10:00:00Z');
    const late = await grantsTimelineSource.late(services().db, '2026-03-17');
    expect(late.some((item) => item.applicationId === space.applicationId && item.kind === 'grant')).toBe(true);
    const decided = await decideProcedure(services(), actor, {
      grantId: grant.id,
      procedureId: opened.id,
      outcome: 'apply',
      note: '',
    });
    expect(decided.ok).toBe(true);
    const after = (await grantById(services().db, grant.id))!;
    expect(after.amountCents).toBe(1_800_000);
    const tranches = await trancheStates(services().db, after);
    expect(tranches.reduce((s, tr) => s + tr.amountCents, 0)).toBe(1_800_000);
    const withdraw = await openProcedure(services(), actor, {
      grantId: grant.id,
      kind: 'withdraw',
      reasons: 'Projet abandonné',
      answerDueOn: '2026-04-01',
      proposedCents: null,
    });
    if (!withdraw.ok) throw new Error('refused');
    await answerProcedure(services(), actor, {
      applicationId: space.applicationId,
      procedureId: withdraw.id,
      answer: 'Nous confirmons.',
    });
    expect(
      (
        await decideProcedure(services(), actor, {
          grantId: grant.id,
          procedureId: withdraw.id,
          outcome: 'apply',
          note: '',
        })
      ).ok,
    ).toBe(true);
    expect((await grantById(services().db, grant.id))?.status).toBe('cancelled');
    const entries = await grantsTimelineSource.entries(services().db, space.applicationId);
    expect(entries.some((e) => e.kind === 'payment' && e.restricted === 'grants')).toBe(true);
    expect(entries.filter((e) => e.kind === 'grant').length).toBeGreaterThanOrEqual(4);
  }

  it('saves the season’s convention template and refuses unknown placeholders', async () => {
    const url = `/admin/subventions/saisons/${seasonId}/convention`;
    const session = await formSession(t.app, finance.cookie, url);
    expect(session.html).toContain('décret n° 2017-779');
    const bad = await submitForm(t.app, session, url, { body_fr: 'Montant : {montnat}', body_en: 'Amount: {montant}' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('{montnat}');
    const good = await submitForm(t.app, session, url, {
      body_fr: 'Convention {reference}\n\nArticle 1 – Objet\n{objet} pour {montant}.',
      body_en: 'Agreement {reference}\n\n{objet} for {montant}.',
    });
    expect(good.statusCode).toBe(303);
    const page = await t.app.inject({ method: 'GET', url, headers: { cookie: finance.cookie } });
    expect(page.body).toContain('{objet} pour {montant}.');
  });
});
