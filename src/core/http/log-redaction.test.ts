import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obtainCsrf } from '../../../test/support/routes.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { redactUrl } from './log-redaction.js';

/** The log lines a real app instance writes, captured from its pino stream. */
const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { logger: { level: 'info', stream } });
});
afterAll(() => t?.close());

describe('request logs', () => {
  it('never hold a sign-in, invitation, expert, OpenID or CSRF token, whatever the route', async () => {
    const secrets = {
      signIn: 'SIGNINsecretAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      invitation: 'INVITEsecretBBBBBBBBBBBBBBBBBBBBBBBBBBBBBB',
      expert: 'EXPERTsecretCCCCCCCCCCCCCCCCCCCCCCCCCCCCCCC',
      csrf: 'CSRFsecretDDDD',
      code: 'OIDCcodeEEEE',
      state: 'OIDCstateFFFF',
      future: 'FUTUREsecretGGGGGGGGGGGGGGGGGGGGGGGGGGGGGGG',
    };
    const csrf = await obtainCsrf(t.app);
    await t.app.inject(`/connexion/lien?jeton=${secrets.signIn}`);
    await t.app.inject(`/panel-citoyen/invitation?lang=fr&jeton=${secrets.invitation}`);
    await t.app.inject(`/avis/${secrets.expert}`);
    await t.app.inject(`/avis/${secrets.expert}?ok=envoye`);
    await t.app.inject({
      method: 'POST',
      url: `/avis/${secrets.expert}`,
      headers: { cookie: csrf!.cookie },
      payload: { _csrf: csrf!.token },
    });
    await t.app.inject({ method: 'POST', url: `/admin/contenus/actualites/x/fichiers?_csrf=${secrets.csrf}` });
    await t.app.inject(`/connexion/proconnect/retour?code=${secrets.code}&state=${secrets.state}`);
    await t.app.inject(`/quelque-part/${secrets.future}?access_token=${secrets.future}`);

    const requestLines = lines.filter((line) => line.includes('"req"'));
    expect(requestLines.length).toBeGreaterThanOrEqual(8);
    const all = lines.join('\n');
    for (const secret of Object.values(secrets)) expect(all).not.toContain(secret);
    expect(all).toContain('/avis/[redacted]');
    expect(all).toContain('jeton=[redacted]');
    expect(all).toContain('lang=fr');
  });

  it('keeps the rest of the URL readable', () => {
    expect(redactUrl('/admin/candidatures/0b9f6a3e-4b59-4d2c-9f3e-2a1b3c4d5e6f?page=2')).toBe(
      '/admin/candidatures/0b9f6a3e-4b59-4d2c-9f3e-2a1b3c4d5e6f?page=2',
    );
    expect(redactUrl('/connexion/lien?jeton=abc&retour=%2Fcompte')).toBe(
      '/connexion/lien?jeton=[redacted]&retour=%2Fcompte',
    );
    expect(redactUrl('/x?%6Aeton=abc')).toBe('/x?%6Aeton=[redacted]');
    expect(redactUrl('/avis/')).toBe('/avis/');
  });
});
