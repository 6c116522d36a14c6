import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { Actor } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { userActor } from '../accounts/index.js';
import { type DemoClosedSeason, demoClosedSeason } from '../applications/index.js';
import { type LaureateSpace, laureateSpaces, milestonesOfPlan } from '../support/index.js';
import { commitGrant } from './commit-grant.js';
import { generateConvention } from './generate-convention.js';
import type { GrantInput } from './grant-inputs.js';
import { grantOfApplication, tranchesOf } from './queries.js';
import { recordPayment } from './record-payment.js';
import { recordSignature } from './record-signature.js';
import { ensureFinancialReport, reportOfGrant } from './reports/queries.js';
import { LINE_SPECS, type ReportLine } from './reports/report-lines.js';
import { reviewReport } from './reports/review-report.js';
import { saveReport } from './reports/save-report.js';
import { saveEnvelope } from './save-envelope.js';
import { saveGrant } from './save-grant.js';
import './tables.js';

/**
 * The grants in the demo, for season 2's laureates as the support demo left them (src/modules/support/demo.ts):
 * the season's envelope from the DINUM; the first laureate's grant signed with its convention (above
 * 23,000 €), both tranches paid — the second once its milestone was validated — and its financial report
 * approved; the second's grant signed, its first tranche paid and its report submitted, the second tranche
 * waiting for the report's approval; the third's grant committed, its convention generated but not yet signed.
 * So /donnees/subventions.csv holds two rows. Skipped when the season has an envelope already.
 */
export async function loadGrantsDemo(services: Services): Promise<void> {
  const closed = await demoClosedSeason(services);
  if (!closed) return;
  const seasonId = closed.season.id;
  const existing = await services.db
    .selectFrom('grant_envelopes')
    .select('id')
    .where('season_id', '=', seasonId)
    .executeTakeFirst();
  if (existing) return;
  const spaces = (await laureateSpaces(services.db, { seasonId })).filter((s) => s.plan);
  if (spaces.length === 0) return;
  const staff = closed.staffActor;
  const envelope = await saveEnvelope(closed.at('2023-06-27T10:00:00+02:00'), staff, {
    seasonId,
    trackCode: '',
    label: 'Subventions de la saison 2',
    amountCents: Number(closed.season.grantEnvelopeCents) || 30_000_000,
    payerName: 'Direction interministérielle du numérique',
    payerSiret: '13002526500013',
    budgetLine: 'Programme 129 — action 10',
    scheme: 'Accélérateur d’initiatives citoyennes',
  });
  if (!envelope.ok) throw new Error(`demo envelope refused: ${JSON.stringify(envelope)}`);
  const stories = [paidAndReported, reportSubmitted, committedOnly];
  for (const [i, space] of spaces.slice(0, stories.length).entries())
    await stories[i]({ closed, staff, space, envelopeId: envelope.id, index: i });
}

interface Story {
  closed: DemoClosedSeason;
  staff: Actor;
  space: LaureateSpace;
  envelopeId: string;
  index: number;
}

/** A one-page PDF standing for the convention as both parties signed it. */
async function signedPdf(title: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage([595, 842]).drawText(title, { x: 60, y: 760, size: 14, font });
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

function fail(step: string, result: { ok: boolean }): never {
  throw new Error(`demo ${step} refused: ${JSON.stringify(result)}`);
}

/** The laureate's grant drafted and committed on 10 July 2023: the decided amount, in two tranches. */
async function committed(story: Story, secondWaitsFor: 'milestone' | 'report'): Promise<string> {
  const { closed, staff, space } = story;
  const amountCents = Math.min(space.laureate.decidedCents ?? 4_000_000, 9_000_000);
  const first = Math.round(amountCents * 0.6);
  const milestones = await milestonesOfPlan(closed.services.db, space.plan!.id);
  const experiment = milestones.find((m) => m.title.startsWith('Expérimentation'));
  const grant: GrantInput = {
    envelopeId: story.envelopeId,
    reference: `AIC-S2-2023-${String(story.index + 1).padStart(2, '0')}`,
    amountCents,
    purpose: `Accélération du projet « ${space.application.title} » dans l’Accélérateur d’initiatives citoyennes`.slice(
      0,
      256,
    ),
    nature: 'cash',
    paymentTerms: 'staggered',
    paymentTermsText: '',
    beneficiaryName: space.application.organisationName || space.application.title,
    beneficiarySiret: space.application.siret,
    beneficiaryRna: space.application.siret ? null : (space.application.rna ?? 'W751234567'),
    actionStartsOn: '2023-07-03',
    actionEndsOn: '2024-06-28',
    shareOfCostsBp: 6_000,
    euNotified: false,
    raeId: null,
    tranches: [
      { amountCents: first, plannedOn: '2023-09-15', condition: 'none', milestoneId: null, conditionText: '' },
      secondWaitsFor === 'milestone' && experiment
        ? {
            amountCents: amountCents - first,
            plannedOn: '2024-01-31',
            condition: 'milestone',
            milestoneId: experiment.id,
            conditionText: 'Après validation de l’expérimentation.',
          }
        : {
            amountCents: amountCents - first,
            plannedOn: '2025-01-31',
            condition: 'report',
            milestoneId: null,
            conditionText: 'Après approbation du compte rendu financier.',
          },
    ],
  };
  const at = closed.at('2023-07-10T10:00:00+02:00');
  const saved = await saveGrant(at, staff, {
    applicationId: space.application.id,
    seasonId: space.application.seasonId,
    grant,
    reason: '',
  });
  if (!saved.ok) fail('grant', saved);
  const done = await commitGrant(closed.at('2023-07-10T11:00:00+02:00'), staff, { grantId: saved.id });
  if (!done.ok) fail('commit', done);
  return saved.id;
}

async function conventionSigned(story: Story, grantId: string): Promise<void> {
  const { closed, staff, space } = story;
  const generated = await generateConvention(closed.at('2023-07-11T10:00:00+02:00'), staff, { grantId, locale: 'fr' });
  if (!generated.ok) fail('convention', generated);
  const signed = await recordSignature(closed.at('2023-07-25T15:00:00+02:00'), staff, {
    grantId,
    beneficiaryOn: '2023-07-20',
    payerOn: '2023-07-24',
    file: { data: await signedPdf(`Convention signée — ${space.application.title}`), name: 'convention-signee.pdf' },
  });
  if (!signed.ok) fail('signature', signed);
}

async function pay(story: Story, grantId: string, position: number, iso: string, reference: string): Promise<void> {
  const tranche = (await tranchesOf(story.closed.services.db, grantId))[position];
  const paid = await recordPayment(story.closed.at(iso), story.staff, {
    grantId,
    trancheId: tranche.id,
    paidOn: iso.slice(0, 10),
    amountCents: tranche.amountCents,
    reference,
  });
  if (!paid.ok) fail('payment', paid);
}

/** The report's lines: what was planned for the action against what it cost, the grant among the income. */
function reportLines(amountCents: number, drift: number): ReportLine[] {
  const planned: Record<string, number> = {
    '61': 1_500_000,
    '62': 800_000,
    '64': Math.max(0, amountCents + 1_000_000 - 2_300_000),
    '74-aic': amountCents,
    own: 1_000_000,
  };
  return LINE_SPECS.map((spec) => {
    const forecastCents = planned[spec.code] ?? 0;
    const actualCents = spec.code === '74-aic' ? forecastCents : Math.round(forecastCents * (1 + drift));
    return { code: spec.code, funder: '', forecastCents, actualCents, explanation: '' };
  });
}

async function report(story: Story, grantId: string, iso: string, drift: number): Promise<void> {
  const { closed, space } = story;
  const at = closed.at(iso);
  await ensureFinancialReport(at.db, { id: grantId, actionEndsOn: '2024-06-28' }, at.clock.now());
  const record = (await reportOfGrant(at.db, grantId))!;
  const grant = (await grantOfApplication(at.db, space.application.id))!;
  const saved = await saveReport(at, userActor(space.application.ownerId), {
    grantId,
    applicationId: space.application.id,
    title: space.application.title,
    reference: grant.reference,
    trackCode: space.application.trackCode,
    version: record.version,
    lines: reportLines(grant.amountCents, drift),
    comment: 'Les dépenses ont suivi le budget prévisionnel.',
    file: null,
    submit: true,
  });
  if (!saved.ok) fail('report', saved);
}

/** Everything done: signed, both tranches paid (the second after its milestone), report approved. */
async function paidAndReported(story: Story): Promise<void> {
  const grantId = await committed(story, 'milestone');
  await conventionSigned(story, grantId);
  await pay(story, grantId, 0, '2023-09-15T10:00:00+02:00', 'Mandat 2023-0915-01');
  await pay(story, grantId, 1, '2024-01-31T10:00:00+01:00', 'Mandat 2024-0131-04');
  await report(story, grantId, '2024-11-15T10:00:00+01:00', 0.05);
  const { closed, space } = story;
  const record = (await reportOfGrant(closed.services.db, grantId))!;
  const grant = (await grantOfApplication(closed.services.db, space.application.id))!;
  const reviewed = await reviewReport(closed.at('2024-11-29T10:00:00+01:00'), story.staff, {
    grantId,
    applicationId: space.application.id,
    title: space.application.title,
    reference: grant.reference,
    decision: 'approve',
    comment: 'Compte rendu conforme au budget prévisionnel.',
    version: record.version,
  });
  if (!reviewed.ok) fail('report review', reviewed);
}

/** Signed, the first tranche paid, the report submitted: the second tranche waits for its approval. */
async function reportSubmitted(story: Story): Promise<void> {
  const grantId = await committed(story, 'report');
  await conventionSigned(story, grantId);
  await pay(story, grantId, 0, '2023-09-18T10:00:00+02:00', 'Mandat 2023-0918-02');
  await report(story, grantId, '2024-12-20T10:00:00+01:00', 0.08);
}

/** Committed, its convention generated and waiting for signatures. */
async function committedOnly(story: Story): Promise<void> {
  const grantId = await committed(story, 'milestone');
  const generated = await generateConvention(story.closed.at('2023-07-12T10:00:00+02:00'), story.staff, {
    grantId,
    locale: 'fr',
  });
  if (!generated.ok) fail('convention', generated);
}
