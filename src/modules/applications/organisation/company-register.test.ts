import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFixtures, type ReplayServer, startReplayServer } from '../../../../test/support/replay-server.js';
import { CompanyRegister, companyRegisterFor, readSearchAnswer, registerQuery } from './company-register.js';

const FIXTURES = fileURLToPath(new URL('../../../../test/fixtures/company-register/', import.meta.url));

describe('company register adapter against recorded answers', () => {
  let replay: ReplayServer;
  let clock = 1_000_000;
  const now = () => clock;
  const fresh = (options: Partial<ConstructorParameters<typeof CompanyRegister>[0]> = {}) =>
    new CompanyRegister({ baseUrl: replay.url, now, ...options });

  beforeAll(async () => {
    replay = await startReplayServer(FIXTURES);
  });

  afterAll(async () => {
    await replay.close();
  });

  it('verifies an active company by SIRET, asking only for what it reads', async () => {
    const result = await fresh().lookup('882 345 671 00011');
    expect(result).toEqual({
      status: 'verified',
      siren: '882345671',
      siret: '88234567100011',
      name: 'COOPERATIVE DES COMMUNS OUVERTS (CCO)',
      legalForm: '5710',
      active: true,
      isAssociation: false,
      rna: null,
    });
    const request = replay.requests.at(-1)!;
    expect(request.fixture).toBe('active-company.json');
    expect(request.query).toMatchObject({ q: '88234567100011', minimal: 'true', per_page: '1' });
    expect(request.headers['user-agent']).toMatch(/Accelerateur/);
  });

  it('verifies an organisation by SIREN alone (no establishment in the answer)', async () => {
    const result = await fresh().lookup('130025265');
    expect(result).toMatchObject({
      status: 'verified',
      siren: '130025265',
      siret: null,
      legalForm: '7120',
      active: true,
      isAssociation: false,
    });
  });

  it('reports a closed company as verified but not active', async () => {
    const result = await fresh().lookup('79512345400014');
    expect(result).toMatchObject({
      status: 'verified',
      name: 'ATELIER NUMERIQUE DU RHONE',
      legalForm: '5499',
      active: false,
    });
  });

  it('recognises an association and its RNA number', async () => {
    const result = await fresh().lookup('45678912200011');
    expect(result).toMatchObject({
      status: 'verified',
      legalForm: '9220',
      active: true,
      isAssociation: true,
      rna: 'W133012345',
    });
  });

  it('says not found when the register has no such organisation', async () => {
    expect(await fresh().lookup('81234567600017')).toEqual({ status: 'not_found' });
  });

  it('does not call for an identifier that is neither a SIREN nor a SIRET', async () => {
    const before = replay.requests.length;
    expect(await fresh().lookup('W751234567')).toEqual({ status: 'unavailable', reason: 'invalid_identifier' });
    expect(await fresh().lookup('1234')).toEqual({ status: 'unavailable', reason: 'invalid_identifier' });
    expect(replay.requests.length).toBe(before);
  });

  it('on 429, answers unavailable and stops calling until Retry-After has passed', async () => {
    const register = fresh();
    const before = replay.requests.length;
    expect(await register.lookup('90412345200016')).toEqual({ status: 'unavailable', reason: 'rate_limited' });
    // Other identifiers are not asked either: the limit is per client address, not per company.
    expect(await register.lookup('88234567100011')).toEqual({ status: 'unavailable', reason: 'cooling_down' });
    expect(replay.requests.length).toBe(before + 1);
    clock += 31_000; // the fixture's Retry-After is 30 s
    expect((await register.lookup('88234567100011')).status).toBe('verified');
    expect(replay.requests.length).toBe(before + 2);
  });

  it('on 500, answers unavailable without retrying, and pauses after a run of failures', async () => {
    const register = fresh({ failureThreshold: 3, cooldownMs: 30_000 });
    const before = replay.requests.length;
    for (let i = 0; i < 3; i++) {
      expect(await register.lookup('35412345700013')).toEqual({ status: 'unavailable', reason: 'server_error' });
    }
    expect(replay.requests.length).toBe(before + 3); // one request per lookup: no retries
    expect(await register.lookup('35412345700013')).toEqual({ status: 'unavailable', reason: 'cooling_down' });
    expect(replay.requests.length).toBe(before + 3);
    clock += 30_001;
    expect(await register.lookup('35412345700013')).toEqual({ status: 'unavailable', reason: 'server_error' });
  });

  it('gives up after 2 s when the answer is slow', async () => {
    const started = Date.now();
    const result = await fresh().lookup('882345671');
    const elapsed = Date.now() - started;
    expect(result).toEqual({ status: 'unavailable', reason: 'timeout' });
    // 'timeout' rather than 'verified' proves it gave up before the fixture's answer at 2.5 s.
    expect(elapsed).toBeGreaterThanOrEqual(1_900);
  });

  it('answers unavailable, never throws, when nothing listens or the answer is not the documented shape', async () => {
    const dead = new CompanyRegister({ baseUrl: 'http://127.0.0.1:9', now });
    expect(await dead.lookup('88234567100011')).toEqual({ status: 'unavailable', reason: 'network_error' });
    const unknownPath = new CompanyRegister({ baseUrl: `${replay.url}/not-the-api`, now });
    expect(await unknownPath.lookup('88234567100011')).toEqual({ status: 'unavailable', reason: 'bad_response' });
    expect(readSearchAnswer('88234567100011', { unexpected: true })).toBeNull();
    expect(readSearchAnswer('88234567100011', { results: [{ siren: '882345671' }] })).toBeNull();
  });

  it('reuses an answer for repeated lookups and shares concurrent ones', async () => {
    const register = fresh();
    const before = replay.requests.length;
    const answers = await Promise.all(Array.from({ length: 5 }, () => register.lookup('45678912200011')));
    expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set(['verified']));
    await register.lookup('45 678 912 200 011');
    expect(replay.requests.length).toBe(before + 1);
  });

  it('treats a SIRET the company does not have as not found', () => {
    const body = loadFixtures(FIXTURES).get('active-company.json')!.response.body;
    expect(readSearchAnswer('88234567100029', body)).toEqual({ status: 'not_found' });
  });

  it('is off unless COMPANY_REGISTER_URL is set, with one client per URL', () => {
    expect(companyRegisterFor({ companyRegisterUrl: undefined })).toBeNull();
    const a = companyRegisterFor({ companyRegisterUrl: replay.url });
    expect(a).toBeInstanceOf(CompanyRegister);
    expect(companyRegisterFor({ companyRegisterUrl: replay.url })).toBe(a);
    expect(registerQuery(' 130.025.265 ')).toBe('130025265');
  });
});
