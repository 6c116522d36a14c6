import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, SESSION_COOKIE } from '../../src/core/auth/sessions.js';
import { formSession, submitForm } from '../support/forms.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { cookieHeader, cookiesOf } from './helpers.js';

const BASE_URL = 'http://localhost:3000';
const CALLBACK = `${BASE_URL}/connexion/proconnect/retour`;

/** The agents the test identity provider knows, by subject. */
const agents = new Map<string, Record<string, string>>([
  [
    'agent-1',
    {
      email: 'Claire.Agent@interieur.gouv.fr',
      given_name: 'Claire',
      usual_name: 'Martin',
      siret: '11000201100044',
      uid: '1',
    },
  ],
]);

let provider: Provider;
let server: Server;
let issuer: string;
let t: TestApp;

/** A real OpenID provider configured like ProConnect: PKCE, signed userinfo, the same scopes. */
async function startProvider(): Promise<void> {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'accelerateur',
        client_secret: 'a-very-secret-client-secret',
        redirect_uris: [CALLBACK],
        post_logout_redirect_uris: [`${BASE_URL}/`],
        token_endpoint_auth_method: 'client_secret_post',
        id_token_signed_response_alg: 'RS256',
        userinfo_signed_response_alg: 'RS256',
      },
    ],
    claims: {
      openid: ['sub'],
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      siret: ['siret'],
      uid: ['uid'],
    },
    findAccount: async (_ctx, sub) => {
      const claims = agents.get(sub);
      if (!claims) return undefined;
      return { accountId: sub, claims: async () => ({ sub, ...claims }) };
    },
    features: {
      devInteractions: { enabled: false },
      jwtUserinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true },
    },
    pkce: { required: () => true },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['test-cookie-key'] },
  });
  const handle = provider.callback();
  // Our own minimal interaction: the agent named by the test signs in and consents at once.
  server.on('request', async (req, res) => {
    if (req.url?.startsWith('/me')) res.on('finish', () => userinfoTypes.push(String(res.getHeader('content-type'))));
    if (!req.url?.startsWith('/interaction/')) return handle(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      if (details.prompt.name === 'login') {
        await provider.interactionFinished(
          req,
          res,
          { login: { accountId: nextAgent } },
          { mergeWithLastSubmission: false },
        );
        return;
      }
      const grant = details.grantId
        ? (await provider.Grant.find(details.grantId))!
        : new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
      grant.addOIDCScope(String(details.params.scope));
      const grantId = await grant.save();
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
}
const nextAgent = 'agent-1';
/** Content types of the userinfo answers: ProConnect signs them (application/jwt). */
const userinfoTypes: string[] = [];

/** Follows redirects at the provider with a cookie jar, until it sends the browser back to us. */
async function throughProvider(authorizationUrl: string): Promise<URL> {
  const jar = new Map<string, string>();
  let url = authorizationUrl;
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const index = pair.indexOf('=');
      jar.set(pair.slice(0, index), pair.slice(index + 1));
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`provider stopped at ${url} with ${response.status}: ${await response.text()}`);
    const next = new URL(location, url);
    if (next.href.startsWith(CALLBACK)) return next;
    url = next.href;
  }
  throw new Error('too many redirects at the provider');
}

async function startSignIn(retour?: string) {
  const started = await t.app.inject({
    method: 'GET',
    url: `/connexion/proconnect${retour ? `?retour=${encodeURIComponent(retour)}` : ''}`,
  });
  expect(started.statusCode).toBe(303);
  return { location: started.headers.location as string, cookies: cookiesOf(started) };
}

function callback(url: URL, cookies: Record<string, string>) {
  return t.app.inject({ method: 'GET', url: url.pathname + url.search, headers: { cookie: cookieHeader(cookies) } });
}

beforeAll(async () => {
  await startProvider();
  t = await createTestApp({
    baseUrl: BASE_URL,
    proconnect: { issuer, clientId: 'accelerateur', clientSecret: 'a-very-secret-client-secret', allowInsecure: true },
  });
});
afterAll(async () => {
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('ProConnect sign-in', () => {
  it('offers the ProConnect button on the sign-in page', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/connexion?retour=/compte' });
    expect(page.body).toContain('<div class="fr-connect-group">');
    expect(page.body).toContain('action="/connexion/proconnect"');
    expect(page.body).toContain('ProConnect');
  });

  it('signs an agent in end to end: PKCE, state, nonce, signed userinfo, user and session', async () => {
    const { location, cookies } = await startSignIn('/compte?depuis=pc');
    const authorization = new URL(location);
    expect(authorization.origin).toBe(issuer);
    expect(authorization.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorization.searchParams.get('scope')).toBe('openid email given_name usual_name siret uid');
    expect(authorization.searchParams.get('redirect_uri')).toBe(CALLBACK);
    expect(authorization.searchParams.get('nonce')).toBeTruthy();

    const back = await throughProvider(location);
    const done = await callback(back, cookies);
    expect(done.statusCode).toBe(303);
    // The first sign-in asks the agent to confirm the name ProConnect gave, then goes where they were going.
    expect(done.headers.location).toBe(`/compte/nom?retour=${encodeURIComponent('/compte?depuis=pc')}`);
    const session = cookiesOf(done)[SESSION_COOKIE];
    expect(session).toBeTruthy();
    const named = await formSession(
      t.app,
      cookieHeader({ [SESSION_COOKIE]: session }),
      done.headers.location as string,
    );
    expect(named.html).toContain('Nous avons repris le nom que donne ProConnect');
    expect(named.html).toMatch(/name="given_name" value="Claire"/);
    expect(named.html).toMatch(/name="family_name" value="Martin"/);
    const confirmed = await submitForm(t.app, named, '/compte/nom', {
      given_name: 'Claire',
      family_name: 'Martin',
      retour: '/compte?depuis=pc',
    });
    expect(confirmed.statusCode).toBe(303);
    expect(confirmed.headers.location).toBe('/compte?depuis=pc');

    const user = await t.database.db
      .selectFrom('users')
      .selectAll()
      .where('proconnect_sub', '=', 'agent-1')
      .executeTakeFirstOrThrow();
    expect(user.email).toBe('claire.agent@interieur.gouv.fr');
    expect(user.given_name).toBe('Claire');
    expect(user.family_name).toBe('Martin');
    expect(user.siret).toBe('11000201100044');
    const row = await t.database.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', hashToken(session))
      .executeTakeFirstOrThrow();
    expect(row.user_id).toBe(user.id);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'summary'])
      .where('subject_id', '=', user.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((e) => e.action)).toEqual(['accounts.created', 'accounts.signed-in']);
    expect(userinfoTypes.length).toBeGreaterThan(0);
    expect(userinfoTypes.every((type) => type.startsWith('application/jwt'))).toBe(true);

    const account = await t.app.inject({
      method: 'GET',
      url: '/compte',
      headers: { cookie: cookieHeader({ [SESSION_COOKIE]: session }) },
    });
    expect(account.statusCode).toBe(200);
    expect(account.body).toContain('11000201100044');

    // The same callback again (replay) is refused: the state was used.
    const replay = await callback(back, cookies);
    expect(replay.statusCode).toBe(400);
    expect(replay.body).toContain('href="/connexion"');

    // Named and signed in before: the next sign-in goes straight where the agent was going.
    const next = await startSignIn('/compte');
    const nextDone = await callback(await throughProvider(next.location), next.cookies);
    expect(nextDone.statusCode).toBe(303);
    expect(nextDone.headers.location).toBe('/compte');
  });

  it('refuses a callback whose state does not match, and one without the browser cookie', async () => {
    const { location, cookies } = await startSignIn();
    const back = await throughProvider(location);
    const forged = new URL(back);
    forged.searchParams.set('state', 'forged-state');
    const mismatch = await callback(forged, cookies);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.body).toContain('Recommencez depuis la page de connexion');
    expect(mismatch.cookies.find((c) => c.name === SESSION_COOKIE)).toBeUndefined();

    const second = await startSignIn();
    const back2 = await throughProvider(second.location);
    const noCookie = await callback(back2, {});
    expect(noCookie.statusCode).toBe(400);
  });

  it('shows the provider’s refusal clearly', async () => {
    const { location, cookies } = await startSignIn();
    const state = new URL(location).searchParams.get('state')!;
    const refused = await callback(new URL(`${CALLBACK}?error=access_denied&state=${state}`), cookies);
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('access_denied');
    expect(refused.body).toContain('href="/connexion"');
  });

  it('updates the same account on the next sign-in, found by its subject', async () => {
    agents.set('agent-1', {
      ...agents.get('agent-1')!,
      email: 'claire.martin@interieur.gouv.fr',
      usual_name: 'Martin-Durand',
    });
    const { location, cookies } = await startSignIn();
    const done = await callback(await throughProvider(location), cookies);
    expect(done.statusCode).toBe(303);
    const users = await t.database.db.selectFrom('users').selectAll().where('proconnect_sub', '=', 'agent-1').execute();
    expect(users).toHaveLength(1);
    expect(users[0].email).toBe('claire.martin@interieur.gouv.fr');
    expect(users[0].family_name).toBe('Martin-Durand');

    // Signing out offers the ProConnect sign-out, with the id_token as hint.
    const page = await formSession(t.app, cookieHeader(cookiesOf(done)), '/compte');
    const out = await submitForm(t.app, page, '/deconnexion', {});
    expect(out.statusCode).toBe(200);
    const endSession = /href="([^"]*id_token_hint[^"]*)"/.exec(out.body)![1].replaceAll('&amp;', '&');
    expect(new URL(endSession).origin).toBe(issuer);
    expect(new URL(endSession).searchParams.get('post_logout_redirect_uri')).toBe(`${BASE_URL}/`);
    expect(cookiesOf(out)[SESSION_COOKIE]).toBe('');
  });

  it('says so clearly when ProConnect cannot be reached', async () => {
    const offline = await createTestApp({
      baseUrl: BASE_URL,
      proconnect: { issuer: 'http://127.0.0.1:9/unreachable', clientId: 'x', clientSecret: 'y', allowInsecure: true },
    });
    try {
      const page = await offline.app.inject({ method: 'GET', url: '/connexion/proconnect' });
      expect(page.statusCode).toBe(502);
      expect(page.body).toContain('ProConnect ne répond pas');
      expect(page.body).toContain('href="/connexion"');
    } finally {
      await offline.close();
    }
  });
});
