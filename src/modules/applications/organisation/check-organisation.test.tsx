import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReplayServer, startReplayServer } from '../../../../test/support/replay-server.js';
import { ManualClock } from '../../../core/clock.js';
import { readConfig } from '../../../core/config.js';
import { DEFAULT_FORM } from '../form/default-form.js';
import {
  checkOrganisation,
  checkOrganisationAnswers,
  isOrganisationVerified,
  type OrganisationCheck,
  organisationAnswers,
} from './check-organisation.js';
import { OrganisationCheckSummary } from './organisation-check-view.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/company-register/', import.meta.url));

describe('checkOrganisation', () => {
  let replay: ReplayServer;
  const clock = new ManualClock(new Date('2026-11-23T10:00:00Z'));
  const servicesWith = (companyRegisterUrl: string | undefined) => ({
    config: { ...readConfig({ PORT: '0' }), companyRegisterUrl },
    clock,
  });

  beforeAll(async () => {
    replay = await startReplayServer(FIXTURES);
  });

  afterAll(async () => {
    await replay.close();
  });

  it('validates the formats and fills the organisation from the register', async () => {
    const check = await checkOrganisation(servicesWith(replay.url), { siret: '456 789 122 00011', rna: 'w133012345' });
    expect(check).toMatchObject({
      siret: '45678912200011',
      rna: 'W133012345',
      errors: {},
      register: { status: 'verified', name: 'LES STATIONS METEO CITOYENNES', isAssociation: true, active: true },
      rnaMismatch: null,
      checkedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(isOrganisationVerified(check)).toBe(true);
  });

  it('names the field of a malformed SIRET or RNA, keeps going, and does not ask the register', async () => {
    const before = replay.requests.length;
    const check = await checkOrganisation(servicesWith(replay.url), { siret: '88234567100012', rna: 'W12' });
    expect(check.siret).toBeNull();
    expect(check.rna).toBeNull();
    expect(check.errors.siret?.message.fr).toMatch(/SIRET/);
    expect(check.errors.rna?.message.en).toMatch(/RNA/);
    expect(check.register).toEqual({ status: 'not_checked', reason: 'invalid_siret' });
    expect(replay.requests.length).toBe(before);
  });

  it('checks the RNA alone by its format, with nothing to ask the register', async () => {
    const check = await checkOrganisation(servicesWith(replay.url), { rna: 'W751234567' });
    expect(check).toMatchObject({
      rna: 'W751234567',
      errors: {},
      register: { status: 'not_checked', reason: 'no_siret' },
    });
  });

  it('flags an RNA that differs from the register’s', async () => {
    const check = await checkOrganisation(servicesWith(replay.url), { siret: '45678912200011', rna: 'W999999999' });
    expect(check.rnaMismatch).toEqual({ given: 'W999999999', register: 'W133012345' });
  });

  it('does not look anything up when COMPANY_REGISTER_URL is not set', async () => {
    const check = await checkOrganisation(servicesWith(undefined), { siret: '88234567100011' });
    expect(check.register).toEqual({ status: 'not_checked', reason: 'disabled' });
    expect(isOrganisationVerified(check)).toBe(false);
  });

  it('lets the application go on when the register fails', async () => {
    const check = await checkOrganisation(servicesWith(replay.url), { siret: '35412345700013' });
    expect(check.errors).toEqual({});
    expect(check.register).toEqual({ status: 'unavailable', reason: 'server_error' });
  });
});

describe('OrganisationCheckSummary', () => {
  const render = async (check: Pick<OrganisationCheck, 'register' | 'rnaMismatch'>, locale: 'fr' | 'en' = 'fr') =>
    String(await OrganisationCheckSummary({ locale, check }));

  it('shows a verified organisation with its legal form, state and RNA, escaped', async () => {
    const html = await render({
      register: {
        status: 'verified',
        siren: '456789122',
        siret: '45678912200011',
        name: '<script>alert(1)</script> & Cie',
        legalForm: '9220',
        active: false,
        isAssociation: true,
        rna: 'W133012345',
      },
      rnaMismatch: { given: 'W999999999', register: 'W133012345' },
    });
    expect(html).toContain('Vérifiée au répertoire des entreprises');
    expect(html).toContain('&lt;script');
    expect(html).toContain('&amp; Cie');
    expect(html).not.toContain('<script>');
    expect(html).toContain('Association déclarée');
    expect(html).toContain('Cessée ou fermée');
    expect(html).toContain('W133012345');
    expect(html).toContain('diffère');
  });

  it('says "not verified" and why, in English too', async () => {
    const unavailable = await render(
      { register: { status: 'unavailable', reason: 'timeout' }, rnaMismatch: null },
      'en',
    );
    expect(unavailable).toContain('Not verified');
    expect(unavailable).toContain('no answer in time');
    const unknown = await render({ register: { status: 'not_found' }, rnaMismatch: null });
    expect(unknown).toContain('Non vérifiée');
    expect(unknown).toContain('ne connaît pas');
    const off = await render({ register: { status: 'not_checked', reason: 'disabled' }, rnaMismatch: null });
    expect(off).toContain('n’est pas activée');
  });

  it('falls back to the first-level legal category for codes it has no label for', async () => {
    const html = await render(
      {
        register: {
          status: 'verified',
          siren: '882345671',
          siret: null,
          name: 'X',
          legalForm: '5785',
          active: true,
          isAssociation: false,
          rna: null,
        },
        rnaMismatch: null,
      },
      'en',
    );
    expect(html).toContain('Commercial company');
  });
});

describe('checkOrganisationAnswers (default form)', () => {
  let replay: ReplayServer;
  const services = () => ({
    config: { ...readConfig({ PORT: '0' }), companyRegisterUrl: replay.url },
    clock: new ManualClock(),
  });

  beforeAll(async () => {
    replay = await startReplayServer(FIXTURES);
  });

  afterAll(async () => {
    await replay.close();
  });

  it('checks the SIRET of a company applicant', async () => {
    const check = await checkOrganisationAnswers(services(), DEFAULT_FORM, {
      organisation_type: 'company',
      organisation_siret: '79512345400014',
    });
    expect(check?.register).toMatchObject({ status: 'verified', active: false });
    expect(check?.fieldErrors).toEqual({});
  });

  it('ignores identifiers of questions hidden by their condition, and has nothing to check for a citizen', async () => {
    const answers = { organisation_type: 'citizen', organisation_siret: '79512345400014', organisation_rna: 'W1' };
    expect(organisationAnswers(DEFAULT_FORM, answers)).toEqual({
      siretQuestionId: null,
      rnaQuestionId: null,
      siret: null,
      rna: null,
    });
    expect(await checkOrganisationAnswers(services(), DEFAULT_FORM, answers)).toBeNull();
  });

  it('puts a malformed RNA’s error on its question', async () => {
    const check = await checkOrganisationAnswers(services(), DEFAULT_FORM, {
      organisation_type: 'association',
      organisation_rna: 'W12345',
    });
    expect(Object.keys(check?.fieldErrors ?? {})).toEqual(['organisation_rna']);
    expect(check?.register).toEqual({ status: 'not_checked', reason: 'no_siret' });
  });
});
