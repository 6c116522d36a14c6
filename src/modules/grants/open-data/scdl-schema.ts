import { SCDL_COLUMNS, type ScdlRow } from './scdl.js';

/**
 * A validator of SCDL Subventions 2.1.1 rows and files, written from the schema's constraints
 * (schema.data.gouv.fr/scdl/subventions/2.1.1): required fields, patterns, the SIRET checksum, lengths,
 * enumerations, ranges, and "idBeneficiaire or rnaBeneficiaire". Pure code; the tests run it on the served
 * file so a row that breaks the schema fails them.
 */

export interface ScdlProblem {
  /** 1 for the first data row. */
  row: number;
  column: string;
  message: string;
}

const REQUIRED = [
  'nomAttribuant',
  'idAttribuant',
  'dateConvention',
  'nomBeneficiaire',
  'objet',
  'montant',
  'nature',
  'conditionsVersement',
  'datesPeriodeVersement',
  'notificationUE',
  'pourcentageSubvention',
] as const;

const NATURES = [
  'aide en numéraire',
  'aide en nature',
  'aide en numéraire;aide en nature',
  'aide en nature;aide en numéraire',
];

/** The SIREN of La Poste: its establishments' SIRET use the sum of digits modulo 5 instead of Luhn. */
const LA_POSTE = '356000000';

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** 14 digits passing Luhn, or for La Poste (356000000…) Luhn or the sum of digits divisible by 5. */
export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value)) return false;
  if (luhn(value)) return true;
  if (!value.startsWith(LA_POSTE)) return false;
  let sum = 0;
  for (const c of value) sum += c.charCodeAt(0) - 48;
  return sum % 5 === 0;
}

/** A real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(+match[1]!, +match[2]! - 1, +match[3]!));
  return (
    date.getUTCFullYear() === +match[1]! && date.getUTCMonth() === +match[2]! - 1 && date.getUTCDate() === +match[3]!
  );
}

/** Every problem of one row (an empty list when it is valid). */
export function validateScdlRow(row: Record<string, string>, index = 1): ScdlProblem[] {
  const problems: ScdlProblem[] = [];
  const fail = (column: string, message: string) => problems.push({ row: index, column, message });
  const keys = Object.keys(row);
  for (const column of SCDL_COLUMNS) if (!(column in row)) fail(column, 'missing column');
  for (const key of keys) if (!(SCDL_COLUMNS as readonly string[]).includes(key)) fail(key, 'unknown column');
  const value = (column: string) => row[column] ?? '';
  for (const column of REQUIRED) if (value(column).trim() === '') fail(column, 'required');
  const payer = value('idAttribuant');
  if (payer && !/^\d{14}$/.test(payer)) fail('idAttribuant', 'pattern ^\\d{14}$');
  else if (payer && !isValidSiret(payer)) fail('idAttribuant', 'SIRET checksum');
  if (value('dateConvention') && !isDay(value('dateConvention'))) fail('dateConvention', 'date YYYY-MM-DD');
  const siret = value('idBeneficiaire');
  const rna = value('rnaBeneficiaire');
  if (!siret && !rna) fail('idBeneficiaire', 'idBeneficiaire or rnaBeneficiaire required');
  if (siret && !/^\d{14}$/.test(siret)) fail('idBeneficiaire', 'pattern ^\\d{14}$');
  else if (siret && !isValidSiret(siret)) fail('idBeneficiaire', 'SIRET checksum');
  if (rna && !/^W\d{9}$/.test(rna)) fail('rnaBeneficiaire', 'pattern ^W\\d{9}$');
  if ([...value('objet')].length > 256) fail('objet', 'at most 256 characters');
  const amount = value('montant');
  if (amount && !/^\d+(\.\d+)?$/.test(amount)) fail('montant', 'number with a decimal point');
  if (value('nature') && !NATURES.includes(value('nature'))) fail('nature', 'enumeration');
  if ([...value('conditionsVersement')].length > 256) fail('conditionsVersement', 'at most 256 characters');
  const period = value('datesPeriodeVersement');
  if (period) {
    if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}(\/[0-9]{4}-[0-9]{2}-[0-9]{2})?$/.test(period))
      fail('datesPeriodeVersement', 'pattern YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD');
    else {
      const [start, end] = period.split('/');
      if (!isDay(start!) || (end !== undefined && !isDay(end))) fail('datesPeriodeVersement', 'not a calendar day');
      else if (end !== undefined && end < start!) fail('datesPeriodeVersement', 'period ends before it starts');
    }
  }
  if ([...value('idRAE')].length > 5) fail('idRAE', 'at most 5 characters');
  if (value('notificationUE') && !['oui', 'non'].includes(value('notificationUE')))
    fail('notificationUE', 'oui or non');
  const pct = value('pourcentageSubvention');
  if (pct) {
    if (!/^\d+(\.\d+)?$/.test(pct)) fail('pourcentageSubvention', 'number with a decimal point');
    else if (Number(pct) < 0.01 || Number(pct) > 1) fail('pourcentageSubvention', 'between 0.01 and 1');
  }
  return problems;
}

/** Parses CSV per RFC 4180 (comma, double quotes, CRLF or LF): records of fields. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else if (c === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
    i++;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** A whole file: no BOM, the exact header, 16 fields a record, every row valid. */
export function validateScdlCsv(text: string): { rows: ScdlRow[]; problems: ScdlProblem[] } {
  const problems: ScdlProblem[] = [];
  if (text.charCodeAt(0) === 0xfeff) problems.push({ row: 0, column: '', message: 'byte order mark' });
  const [header, ...records] = parseCsv(text);
  if (!header || header.join(',') !== SCDL_COLUMNS.join(','))
    problems.push({ row: 0, column: '', message: `header must be ${SCDL_COLUMNS.join(',')}` });
  const rows: ScdlRow[] = [];
  records.forEach((record, i) => {
    if (record.length !== SCDL_COLUMNS.length) {
      problems.push({ row: i + 1, column: '', message: `${record.length} fields, 16 expected` });
      return;
    }
    const row = Object.fromEntries(SCDL_COLUMNS.map((c, k) => [c, record[k]!])) as ScdlRow;
    rows.push(row);
    problems.push(...validateScdlRow(row, i + 1));
  });
  return { rows, problems };
}
