import { type Actor, auditedTransaction } from '../../core/audit/audit.js';
import { formatDate, type Locale, t } from '../../core/i18n/i18n.js';
import type { Services } from '../../core/services.js';
import { formatEuros, seasonSummaries } from '../seasons/index.js';
import { milestonesByIds } from '../support/index.js';
import { renderConventionPdf, sha256Hex } from './convention-pdf.js';
import { DEFAULT_CONVENTION, fillTemplate } from './convention-template.js';
import { grantMessages as m } from './grant-messages.js';
import { problem, type Result } from './problems.js';
import { conventionOf, conventionTemplatesOf, envelopeById, grantById, tranchesOf } from './queries.js';
import './tables.js';

const day = (locale: Locale, value: string) => formatDate(locale, new Date(`${value}T12:00:00Z`));

/**
 * Generates the grant's convention from its season's template (or the default) in one language, and keeps
 * the PDF with its SHA-256. Once signed, the convention is what was signed: it is not generated again.
 */
export async function generateConvention(
  services: Services,
  actor: Actor,
  input: { grantId: string; locale: Locale },
): Promise<Result<{ sha256: string }>> {
  const now = services.clock.now();
  const { locale } = input;
  return auditedTransaction(services.db, actor, now, async (trx, audit) => {
    const grant = await grantById(trx, input.grantId, { forUpdate: true });
    if (!grant) return problem(404, '', m.badRequest);
    if (!['committed', 'signed', 'suspended'].includes(grant.status)) return problem(409, '', m.notCommitted);
    const existing = await conventionOf(trx, grant.id);
    if (existing?.signedOn) return problem(409, '', m.alreadySigned);
    const [envelope, tranches, templates, seasons] = await Promise.all([
      envelopeById(trx, grant.envelopeId),
      tranchesOf(trx, grant.id),
      conventionTemplatesOf(trx, grant.seasonId),
      seasonSummaries(trx, [grant.seasonId]),
    ]);
    if (!envelope) return problem(404, '', m.badRequest);
    const milestones = await milestonesByIds(
      trx,
      tranches.flatMap((tr) => (tr.milestoneId ? [tr.milestoneId] : [])),
    );
    const season = seasons[0];
    const tranchesText = tranches
      .map((tr) => {
        const condition =
          tr.condition === 'milestone'
            ? t(locale, m.milestoneNamed, { title: milestones.get(tr.milestoneId ?? '')?.title ?? '' })
            : t(locale, m[`condition_${tr.condition}`]);
        const words = tr.conditionText ? ` (${tr.conditionText})` : '';
        return `${tr.position}. ${formatEuros(locale, tr.amountCents)} – ${day(locale, tr.plannedOn)} – ${condition}${words}`;
      })
      .join('\n');
    const ids = [
      grant.beneficiarySiret ? `SIRET ${grant.beneficiarySiret}` : '',
      grant.beneficiaryRna ? `RNA ${grant.beneficiaryRna}` : '',
    ].filter(Boolean);
    const text = fillTemplate(templates[locale] ?? DEFAULT_CONVENTION[locale], {
      attribuant: envelope.payerName,
      siret_attribuant: envelope.payerSiret,
      beneficiaire: grant.beneficiaryName,
      id_beneficiaire: ids.join(', '),
      reference: grant.reference,
      objet: grant.purpose,
      montant: formatEuros(locale, grant.amountCents),
      nature: t(locale, m[`nature_${grant.nature}`]),
      tranches: tranchesText,
      debut: day(locale, grant.actionStartsOn),
      fin: day(locale, grant.actionEndsOn),
      saison: season ? (locale === 'en' && season.nameEn ? season.nameEn : season.name) : '',
      dispositif: envelope.scheme,
      ligne_budgetaire: envelope.budgetLine,
    });
    const [title, ...rest] = text.split('\n');
    const pdf = await renderConventionPdf({
      locale,
      title: title ?? '',
      text: rest.join('\n').trim(),
      generatedAt: now,
    });
    const sha256 = sha256Hex(pdf);
    const values = { generated_at: now, generated_by: actor.id, pdf, pdf_sha256: sha256 };
    await trx
      .insertInto('grant_conventions')
      .values({ grant_id: grant.id, ...values })
      .onConflict((oc) => oc.column('grant_id').doUpdateSet(values))
      .execute();
    await audit({
      action: 'grants.convention-generated',
      subjectType: 'grant',
      subjectId: grant.id,
      summary: { locale, sha256 },
    });
    return { ok: true, sha256 };
  });
}
