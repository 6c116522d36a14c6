import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SeededLaureate, seedConfirmedLaureates } from '../../../../test/support/factories/laureates.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { createSignedInUser, type SignedInUser } from '../../../../test/support/users.js';
import { envelopeFigures } from '../figures.js';
import { insertEnvelope, insertGrant, TEST_SIRETS } from '../reports/testing.js';
import { GIVING360_PREFIX, type Giving360Grant, giving360Problems } from './giving360.js';
import { SCDL_COLUMNS } from './scdl.js';
import { validateScdlCsv } from './scdl-schema.js';
import { grantsTransparencySection } from './transparency.js';

const HOSTILE_PURPOSE = 'Ateliers "numériques", fablab\net médiation';

/** The grants' open data, the dashboard and its export, through HTTP on seeded grants. */
describe('grants open data and dashboard', () => {
  let t: TestApp;
  let seasonId: string;
  let laureates: SeededLaureate[];
  let finance: SignedInUser;
  let financeOneTrack: SignedInUser;
  let staff: SignedInUser;
  let envelopes: string[];

  beforeAll(async () => {
    t = await createTestApp();
    t.clock.set('2026-07-01T10:00:00Z');
    const db = t.app.services.db;
    const seeded = await seedConfirmedLaureates(db, t.clock, {
      slug: 'saison-donnees',
      number: 61,
      laureates: [
        { title: 'Signée', track: 'numerique' },
        { title: 'Suspendue', track: 'autres' },
        { title: 'Engagée', track: 'numerique' },
        { title: 'Annulée', track: 'numerique' },
      ],
    });
    seasonId = seeded.seasonId;
    laureates = seeded.laureates;
    const now = t.clock.now();
    envelopes = [
      await insertEnvelope(db, {
        seasonId,
        trackCode: 'numerique',
        label: 'Communs numériques',
        amountCents: 50_000_000,
        now,
      }),
      await insertEnvelope(db, {
        seasonId,
        trackCode: 'autres',
        label: 'Autres communs',
        amountCents: 20_000_000,
        now,
      }),
    ];
    const base = { seasonId, now };
    await insertGrant(db, {
      ...base,
      envelopeId: envelopes[0]!,
      applicationId: laureates[0]!.applicationId,
      reference: 'AIC-S61-01',
      amountCents: 3_000_050,
      purpose: HOSTILE_PURPOSE,
      nature: 'both',
      signedOn: '2026-03-15',
      tranches: [
        { amountCents: 1_500_000, plannedOn: '2026-04-01' },
        { amountCents: 1_500_050, plannedOn: '2026-10-01' },
      ],
      payments: [{ amountCents: 1_500_000, paidOn: '2026-04-03' }],
    });
    await insertGrant(db, {
      ...base,
      envelopeId: envelopes[1]!,
      applicationId: laureates[1]!.applicationId,
      reference: 'AIC-S61-02',
      amountCents: 2_500_000,
      status: 'suspended',
      beneficiarySiret: null,
      beneficiaryRna: 'W123456789',
      paymentTerms: 'unique',
      signedOn: '2026-04-01',
      tranches: [{ amountCents: 2_500_000, plannedOn: '2026-05-01' }],
    });
    await insertGrant(db, {
      ...base,
      envelopeId: envelopes[0]!,
      applicationId: laureates[2]!.applicationId,
      reference: 'AIC-S61-03',
      amountCents: 1_000_000,
      status: 'committed',
      beneficiarySiret: TEST_SIRETS[2],
    });
    await insertGrant(db, {
      ...base,
      envelopeId: envelopes[0]!,
      applicationId: laureates[3]!.applicationId,
      reference: 'AIC-S61-04',
      amountCents: 4_000_000,
      status: 'cancelled',
      signedOn: '2026-03-01',
    });
    finance = await createSignedInUser(db, t.clock, [{ role: 'finance' }, { role: 'staff' }], 'finance');
    financeOneTrack = await createSignedInUser(
      db,
      t.clock,
      [
        { role: 'finance', track: 'numerique' },
        { role: 'staff', track: 'numerique' },
      ],
      'finance-numerique',
    );
    staff = await createSignedInUser(db, t.clock, [{ role: 'staff' }], 'staff');
  }, 120_000);
  afterAll(() => t.close());

  const get = (url: string, cookie?: string) => t.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('serves the SCDL file the validator accepts: signed and suspended conventions, not committed nor cancelled', async () => {
    const response = await get('/donnees/subventions.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-type']).toContain('utf-8');
    const { rows, problems } = validateScdlCsv(response.body);
    expect(problems).toEqual([]);
    expect(response.body.startsWith(SCDL_COLUMNS.join(','))).toBe(true);
    expect(response.body.split('\r\n')[0]).toBe(SCDL_COLUMNS.join(','));
    expect(rows.map((r) => r.referenceDecision)).toEqual(['AIC-S61-01', 'AIC-S61-02']);
    const [signed, suspended] = rows;
    expect(signed).toMatchObject({
      objet: HOSTILE_PURPOSE,
      montant: '30000.50',
      nature: 'aide en numéraire;aide en nature',
      conditionsVersement: 'échelonné',
      datesPeriodeVersement: '2026-04-01/2026-10-01',
      dateConvention: '2026-03-15',
      notificationUE: 'non',
      pourcentageSubvention: '1',
      idBeneficiaire: TEST_SIRETS[0],
    });
    expect(response.body).toContain('"Ateliers ""numériques"", fablab\net médiation"');
    expect(suspended).toMatchObject({
      idBeneficiaire: '',
      rnaBeneficiaire: 'W123456789',
      conditionsVersement: 'unique',
    });
    expect(suspended!.datesPeriodeVersement).toBe('2026-05-01');
  });

  it('serves the 360Giving package with the standard’s required fields and the payments', async () => {
    const response = await get('/donnees/subventions-360giving.json');
    expect(response.statusCode).toBe(200);
    const data = response.json() as { grants: Record<string, unknown>[] };
    expect(data.grants).toHaveLength(2);
    for (const grant of data.grants) expect(giving360Problems(grant)).toEqual([]);
    const [first, second] = data.grants as unknown as Giving360Grant[];
    expect(first!.id).toBe(`${GIVING360_PREFIX}AIC-S61-01`);
    expect(first!.amountAwarded).toBe(30000.5);
    expect(first!.currency).toBe('EUR');
    expect(first!.awardDate).toBe('2026-03-15');
    expect(first!.recipientOrganization[0].id).toBe(`FR-SIRET-${TEST_SIRETS[0]}`);
    expect(first!.fundingOrganization[0].id).toMatch(/^FR-SIRET-\d{14}$/);
    expect(first!.plannedDates).toEqual([{ startDate: '2026-01-01', endDate: '2026-12-31' }]);
    expect(first!.transactions).toEqual([{ amount: 15000, currency: 'EUR', date: '2026-04-03' }]);
    expect(second!.recipientOrganization[0].id).toBe('FR-RNA-W123456789');
    // The checker fails on a grant missing what the standard requires.
    expect(giving360Problems({ ...first!, recipientOrganization: [] })).toContain('recipientOrganization');
    expect(giving360Problems({ ...first!, amountAwarded: '30000' })).toContain('amountAwarded');
    expect(giving360Problems({ ...first!, id: 'AIC-S61-01' })).toContain('id prefix 360G-');
  });

  it('lists the datasets on /donnees, and both files in the OpenAPI document', async () => {
    const page = await get('/donnees');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/donnees/subventions.csv"');
    expect(page.body).toContain('href="/donnees/subventions-360giving.json"');
    expect(page.body).toContain('Licence Ouverte 2.0');
    expect(page.body).toContain('2017-779');
    const openapi = (await get('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/donnees/subventions.csv', '/donnees/subventions-360giving.json']),
    );
  });

  it('computes committed, signed, paid and remaining per envelope', async () => {
    const figures = await envelopeFigures(t.app.services.db, { seasonId });
    const digital = figures.find((f) => f.envelopeId === envelopes[0])!;
    expect(digital).toMatchObject({
      trackCode: 'numerique',
      amountCents: 50_000_000,
      committedCents: 3_000_050 + 1_000_000,
      signedCents: 3_000_050,
      paidCents: 1_500_000,
      remainingCents: 50_000_000 - 4_000_050,
    });
    const other = figures.find((f) => f.envelopeId === envelopes[1])!;
    expect(other).toMatchObject({ committedCents: 2_500_000, signedCents: 2_500_000, paidCents: 0 });
  });

  it('shows the dashboard and its export to finance only, on every track', async () => {
    expect((await get('/admin/subventions', staff.cookie)).statusCode).toBe(403);
    expect((await get('/admin/subventions/export.csv', staff.cookie)).statusCode).toBe(403);
    expect((await get('/admin/subventions', financeOneTrack.cookie)).statusCode).toBe(403);
    expect((await get('/admin/subventions')).statusCode).not.toBe(200);
    const page = await get('/admin/subventions', finance.cookie);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Communs numériques');
    expect(page.body).toContain(`/admin/subventions/saisons/${seasonId}`);
    expect(page.body).toContain('href="/admin/subventions/enveloppes"');
    expect(page.body).toMatch(/40\s000,50\s€/);
    const csv = await get('/admin/subventions/export.csv', finance.cookie);
    expect(csv.statusCode).toBe(200);
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.body.slice(1).split('\r\n');
    expect(lines[0]).toContain('Saison;Enveloppe;Parcours;Référence');
    const first = lines.find((l) => l.includes('AIC-S61-01'))!;
    expect(first).toContain(';30000,50;15000,00;15000,50;');
    expect(first).toContain('Signée');
  });

  it('adds the season’s grants to the transparency page', async () => {
    const html = await grantsTransparencySection.render(t.app.services, { id: seasonId, slug: 'saison-donnees' }, 'fr');
    expect(html).toContain('Subventions aux lauréats');
    expect(html).toContain('href="/donnees/subventions.csv"');
    expect(html).toContain('Nombre de subventions : 3');
    expect(html).toMatch(/65\s000,50\s€/);
    expect(
      await grantsTransparencySection.render(t.app.services, { id: laureates[0]!.applicationId, slug: 'x' }, 'fr'),
    ).toBeNull();
  });
});
