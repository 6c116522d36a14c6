import type { Kysely } from 'kysely';
import type { DB } from '../../../core/db/schema.js';
import { seasonSummaries, seasonSummariesById } from '../../seasons/index.js';
import { type EnvelopeFigures, envelopeFigures, type FiguresTotals, sumFigures } from '../figures.js';
import { toDay } from '../reports/queries.js';
import type { GrantStatus, ReportStatus } from '../tables.js';
import '../tables.js';

export const GRANT_STATUSES: readonly GrantStatus[] = [
  'draft',
  'committed',
  'signed',
  'suspended',
  'closed',
  'cancelled',
];

export interface SeasonDashboard {
  seasonId: string;
  name: string;
  nameEn: string | null;
  envelopes: EnvelopeFigures[];
  totals: FiguresTotals;
  counts: Record<GrantStatus, number>;
  reports: { due: number; late: number; submitted: number };
}

/** The dashboard: per season with envelopes or grants, newest first. */
export async function grantsDashboard(db: Kysely<DB>, today: string): Promise<SeasonDashboard[]> {
  const [figures, counts, reports] = await Promise.all([
    envelopeFigures(db),
    db
      .selectFrom('grants')
      .select(['season_id', 'status', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy(['season_id', 'status'])
      .execute(),
    db
      .selectFrom('grant_financial_reports as r')
      .innerJoin('grants as g', 'g.id', 'r.grant_id')
      .select(['g.season_id', 'r.status', 'r.due_on'])
      .where('r.status', '<>', 'approved')
      .execute(),
  ]);
  const seasonIds = new Set([...figures.map((f) => f.seasonId), ...counts.map((c) => c.season_id)]);
  const seasons = await seasonSummaries(db, [...seasonIds]);
  return seasons.map((season) => {
    const envelopes = figures.filter((f) => f.seasonId === season.id);
    const byStatus = Object.fromEntries(GRANT_STATUSES.map((s) => [s, 0])) as Record<GrantStatus, number>;
    for (const c of counts) if (c.season_id === season.id) byStatus[c.status] = Number(c.n);
    const open = reports.filter((r) => r.season_id === season.id);
    return {
      seasonId: season.id,
      name: season.name,
      nameEn: season.nameEn,
      envelopes,
      totals: sumFigures(envelopes),
      counts: byStatus,
      reports: {
        // A submitted report is with staff: neither due nor late for the team.
        due: open.filter((r) => r.status !== 'submitted' && toDay(r.due_on) >= today).length,
        late: open.filter((r) => r.status !== 'submitted' && toDay(r.due_on) < today).length,
        submitted: open.filter((r) => r.status === 'submitted').length,
      },
    };
  });
}

export interface ExportedGrant {
  seasonName: string;
  envelopeLabel: string;
  trackCode: string;
  reference: string;
  beneficiaryName: string;
  siret: string;
  rna: string;
  status: GrantStatus;
  amountCents: number;
  paidCents: number;
  signedOn: string;
  actionStartsOn: string;
  actionEndsOn: string;
  reportStatus: ReportStatus | null;
  reportDueOn: string;
}

/** Every grant with its figures, for the staff's spreadsheet export. */
export async function exportedGrants(db: Kysely<DB>): Promise<ExportedGrant[]> {
  const rows = await db
    .selectFrom('grants as g')
    .innerJoin('grant_envelopes as e', 'e.id', 'g.envelope_id')
    .leftJoin('grant_conventions as c', 'c.grant_id', 'g.id')
    .leftJoin('grant_financial_reports as r', 'r.grant_id', 'g.id')
    .select((eb) => [
      'g.season_id',
      'e.label',
      'e.track_code',
      'g.reference',
      'g.beneficiary_name',
      'g.beneficiary_siret',
      'g.beneficiary_rna',
      'g.status',
      'g.amount_cents',
      'c.signed_on',
      'g.action_starts_on',
      'g.action_ends_on',
      'r.status as report_status',
      'r.due_on',
      eb
        .selectFrom('grant_payments as p')
        .select((p) => p.fn.coalesce(p.fn.sum<string>('p.amount_cents'), p.lit(0)).as('paid'))
        .whereRef('p.grant_id', '=', 'g.id')
        .as('paid'),
    ])
    .orderBy('g.reference')
    .execute();
  const seasons = await seasonSummariesById(
    db,
    rows.map((r) => r.season_id),
  );
  const number = (id: string) => seasons.get(id)?.number ?? 0;
  rows.sort((a, b) => number(b.season_id) - number(a.season_id));
  return rows.map((r) => ({
    seasonName: seasons.get(r.season_id)?.name ?? '',
    envelopeLabel: r.label,
    trackCode: r.track_code,
    reference: r.reference,
    beneficiaryName: r.beneficiary_name,
    siret: r.beneficiary_siret ?? '',
    rna: r.beneficiary_rna ?? '',
    status: r.status,
    amountCents: Number(r.amount_cents),
    paidCents: Number(r.paid ?? 0),
    signedOn: r.signed_on ? toDay(r.signed_on) : '',
    actionStartsOn: toDay(r.action_starts_on),
    actionEndsOn: toDay(r.action_ends_on),
    reportStatus: r.report_status ?? null,
    reportDueOn: r.due_on ? toDay(r.due_on) : '',
  }));
}
