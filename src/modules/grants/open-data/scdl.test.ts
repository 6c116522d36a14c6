import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PublishedGrant } from './published-grants.js';
import { euros, paymentPeriod, SCDL_COLUMNS, scdlCsv, scdlRow, share } from './scdl.js';
import { isValidSiret, parseCsv, validateScdlCsv, validateScdlRow } from './scdl-schema.js';

/** A SIRET passing Luhn: 13 digits and the check digit that completes them. */
const siret = fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 13, maxLength: 13 }).map((digits) => {
  const head = digits.join('');
  for (let d = 0; d <= 9; d++) if (isValidSiret(`${head}${d}`)) return `${head}${d}`;
  throw new Error('no check digit');
});
const day = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
/** Text as people type it, commas, quotes and line breaks included. */
const text = (max: number) =>
  fc
    .string({
      unit: fc.constantFrom('a', 'é', ' ', ',', '"', '\n', '\r\n', ';', 'Z', '’'),
      minLength: 1,
      maxLength: max,
    })
    .filter((s) => s.trim() !== '');

const grant: fc.Arbitrary<PublishedGrant> = fc
  .record({
    payerSiret: siret,
    beneficiarySiret: fc.option(siret, { nil: null }),
    rnaDigits: fc.integer({ min: 0, max: 999_999_999 }),
    hasRna: fc.boolean(),
    signedOn: day,
    purpose: text(256),
    beneficiaryName: text(80),
    amountCents: fc.integer({ min: 1, max: 99_999_999_999 }),
    nature: fc.constantFrom('cash' as const, 'in_kind' as const, 'both' as const),
    paymentTerms: fc.constantFrom('unique' as const, 'staggered' as const, 'other' as const),
    paymentTermsText: fc.string({ maxLength: 300 }),
    start: day,
    end: day,
    shareBp: fc.option(fc.integer({ min: 100, max: 10_000 }), { nil: null }),
    euNotified: fc.boolean(),
    tranches: fc.array(day, { maxLength: 4 }),
    payments: fc.array(day, { maxLength: 4 }),
  })
  .map((g) => ({
    grantId: 'g',
    seasonId: 's',
    reference: 'AIC-S2-2023-04',
    payerName: 'Direction interministérielle du numérique',
    payerSiret: g.payerSiret,
    scheme: 'Accélérateur d’initiatives citoyennes',
    signedOn: g.signedOn,
    beneficiaryName: g.beneficiaryName,
    beneficiarySiret: g.beneficiarySiret,
    // A beneficiary always has one of the two (the grants table's check).
    beneficiaryRna: g.hasRna || !g.beneficiarySiret ? `W${String(g.rnaDigits).padStart(9, '0')}` : null,
    purpose: g.purpose,
    amountCents: g.amountCents,
    nature: g.nature,
    paymentTerms: g.paymentTerms,
    paymentTermsText: g.paymentTermsText,
    // Days sort as text: the earlier one starts the action.
    actionStartsOn: [g.start, g.end].sort()[0]!,
    actionEndsOn: [g.start, g.end].sort()[1]!,
    raeId: null,
    euNotified: g.euNotified,
    shareBp: g.shareBp,
    tranches: g.tranches.map((plannedOn) => ({ plannedOn, amountCents: 100 })),
    payments: g.payments.map((paidOn) => ({ paidOn, amountCents: 100 })),
  }));

describe('SCDL Subventions rows', () => {
  it('builds rows the schema validator accepts, with the 16 columns in order', () => {
    fc.assert(
      fc.property(grant, (g) => {
        const row = scdlRow(g);
        expect(Object.keys(row)).toEqual([...SCDL_COLUMNS]);
        expect(validateScdlRow(row)).toEqual([]);
        expect(Math.round(Number(row.montant) * 100)).toBe(g.amountCents);
      }),
    );
  });

  it('quotes per RFC 4180: the file parses back to the same rows, CRLF ended, without BOM', () => {
    fc.assert(
      fc.property(fc.array(grant, { maxLength: 5 }), (grants) => {
        const rows = grants.map(scdlRow);
        const csv = scdlCsv(rows);
        expect(csv.endsWith('\r\n')).toBe(true);
        const { rows: back, problems } = validateScdlCsv(csv);
        expect(problems).toEqual([]);
        expect(back).toEqual(rows);
      }),
    );
    const csv = scdlCsv([{ ...scdlRow(fc.sample(grant, 1)[0]!), objet: 'Ateliers, "fablab"\net suite' }]);
    expect(csv).toContain('"Ateliers, ""fablab""\net suite"');
    expect(parseCsv(csv)[1]![7]).toBe('Ateliers, "fablab"\net suite');
  });

  it('spans the payment period from the first to the last tranche or payment', () => {
    const base = { actionStartsOn: '2026-01-01', actionEndsOn: '2026-12-31' };
    expect(paymentPeriod({ ...base, tranches: [], payments: [] })).toBe('2026-01-01/2026-12-31');
    expect(paymentPeriod({ ...base, tranches: [{ plannedOn: '2026-03-01', amountCents: 1 }], payments: [] })).toBe(
      '2026-03-01',
    );
    expect(
      paymentPeriod({
        ...base,
        tranches: [{ plannedOn: '2026-09-01', amountCents: 1 }],
        payments: [{ paidOn: '2026-02-15', amountCents: 1 }],
      }),
    ).toBe('2026-02-15/2026-09-01');
    expect(euros(3_000_050)).toBe('30000.50');
    expect(euros(3_000_000)).toBe('30000');
    expect(euros(5)).toBe('0.05');
    expect(share(10_000)).toBe('1');
    expect(share(4_500)).toBe('0.45');
    expect(share(1_234)).toBe('0.1234');
    expect(share(1)).toBe('0.01');
  });

  it('catches a row that breaks the schema (the validator can fail)', () => {
    const good = scdlRow(fc.sample(grant, 1)[0]!);
    expect(validateScdlRow(good)).toEqual([]);
    const bad: [Partial<Record<string, string>>, string][] = [
      [{ idAttribuant: '13002526500014' }, 'idAttribuant'],
      [{ idAttribuant: '1300252650001' }, 'idAttribuant'],
      [{ idBeneficiaire: '', rnaBeneficiaire: '' }, 'idBeneficiaire'],
      [{ rnaBeneficiaire: 'X123456789' }, 'rnaBeneficiaire'],
      [{ dateConvention: '2026-02-30' }, 'dateConvention'],
      [{ objet: 'x'.repeat(257) }, 'objet'],
      [{ objet: '' }, 'objet'],
      [{ montant: '30000,50' }, 'montant'],
      [{ nature: 'subvention' }, 'nature'],
      [{ datesPeriodeVersement: '2026-09-01/2026-01-01' }, 'datesPeriodeVersement'],
      [{ datesPeriodeVersement: '01/09/2026' }, 'datesPeriodeVersement'],
      [{ notificationUE: 'false' }, 'notificationUE'],
      [{ pourcentageSubvention: '1.5' }, 'pourcentageSubvention'],
      [{ pourcentageSubvention: '0.001' }, 'pourcentageSubvention'],
      [{ idRAE: '1234567' }, 'idRAE'],
    ];
    for (const [change, column] of bad)
      expect(
        validateScdlRow({ ...good, ...change } as Record<string, string>).map((p) => p.column),
        JSON.stringify(change),
      ).toContain(column);
    const extra = validateScdlRow({ ...good, autre: 'x' });
    expect(extra.map((p) => p.message)).toContain('unknown column');
    const { problems } = validateScdlCsv(`\uFEFF${scdlCsv([good])}`);
    expect(problems.map((p) => p.message)).toContain('byte order mark');
    expect(validateScdlCsv('a,b\r\n1,2\r\n').problems.length).toBeGreaterThan(0);
  });

  it('checks SIRETs with Luhn, and La Poste’s with the sum of digits modulo 5', () => {
    expect(isValidSiret('13002526500013')).toBe(true);
    expect(isValidSiret('13002526500014')).toBe(false);
    expect(isValidSiret('35600000000010')).toBe(true); // La Poste: digit sum 15, not Luhn
    expect(isValidSiret('35600000000011')).toBe(false);
    expect(isValidSiret('35600000000048')).toBe(true); // La Poste head office: Luhn
    expect(isValidSiret('3560000000001a')).toBe(false);
  });
});
