import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rolesOf, userById } from '../../../../test/support/factories/accounts.js';
import { formSession, submitForm } from '../../../../test/support/forms.js';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { SESSION_COOKIE } from '../../../core/auth/sessions.js';
import { addProconnectSignInListener } from '../../accounts/index.js';
import { insertAdministration, VALID_SIRETS } from '../testing.js';

/**
 * Joining an administration through ProConnect, end to end with a real OpenID provider configured like
 * ProConnect (the accounts' ProConnect test's set-up): the `siret` claim of the agent decides.
 */
const BASE_URL = 'http://localhost:3000';
const CALLBACK = `${BASE_URL}/connexion/proconnect/retour`;

const ADMINISTRATION_SIRET = VALID_SIRETS[0];
const SERVICE_SIRET = VALID_SIRETS[1];
const NEW_SIRET = VALID_SIRETS[2];
const MERGED_SIRET = VALID_SIRETS[3];
const HIDDEN_SIRET = '11000000000049';

const agents = new Map<string, Record<string, string>>([
  [
    'agent-a',
    { email: 'anne@prefecture.example', given_name: 'Anne', usual_name: 'Agent', siret: ADMINISTRATION_SIRET },
  ],
  ['agent-b', { email: 'bruno@prefecture.example', given_name: 'Bruno', usual_name: 'Agent', siret: SERVICE_SIRET }],
  ['agent-c', { email: 'chloe@mairie.example', given_name: 'Chloé', usual_name: 'Agent', siret: NEW_SIRET }],
  ['agent-d', { email: 'denis@cache.example', given_name: 'Denis', usual_name: 'Agent', siret: HIDDEN_SIRET }],
  ['agent-e', { email: 'eve@doublon.example', given_name: 'Ève', usual_name: 'Agent', siret: MERGED_SIRET }],
  ['agent-f', { email: 'fred@ailleurs.example', given_name: 'Fred', usual_name: 'Agent', siret: '' }],
]);
let nextAgent = 'agent-a';

let provider: Provider;
let server: Server;
let issuer: string;
let t: TestApp;
let administrationId: string;
let serviceId: string;
let mergeTargetId: string;
const listenerCalls: { userId: string; siret: string | null }[] = [];

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
  // The agent named by the test signs in and consents at once.
  server.on('request', async (req, res) => {
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

/** Follows redirects at the provider (a fresh browser: no session there), until it sends the browser back to us. */
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

/** Signs the agent in with ProConnect; returns the session cookie and the account's id. */
async function signIn(
  agent: string,
  retour = '/compte',
): Promise<{ cookie: string; userId: string; location: string }> {
  nextAgent = agent;
  const started = await t.app.inject({
    method: 'GET',
    url: `/connexion/proconnect?retour=${encodeURIComponent(retour)}`,
  });
  expect(started.statusCode).toBe(303);
  const stateCookie = started.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const back = await throughProvider(started.headers.location as string);
  const done = await t.app.inject({
    method: 'GET',
    url: back.pathname + back.search,
    headers: { cookie: stateCookie },
  });
  expect(done.statusCode).toBe(303);
  const session = done.cookies.find((c) => c.name === SESSION_COOKIE)!.value;
  const userId = listenerCalls.at(-1)!.userId;
  return { cookie: `${SESSION_COOKIE}=${session}`, userId, location: done.headers.location as string };
}

async function membershipsOf(userId: string) {
  return t.database.db.selectFrom('commons_administration_members').selectAll().where('user_id', '=', userId).execute();
}

beforeAll(async () => {
  await startProvider();
  t = await createTestApp({
    baseUrl: BASE_URL,
    proconnect: { issuer, clientId: 'accelerateur', clientSecret: 'a-very-secret-client-secret', allowInsecure: true },
  });
  const db = t.database.db;
  const now = t.clock.now();
  administrationId = await insertAdministration(db, now, {
    name: 'Préfecture du Morbihan',
    siret: ADMINISTRATION_SIRET,
  });
  serviceId = (
    await db
      .insertInto('commons_services')
      .values({ administration_id: administrationId, name: 'Service numérique', siret: SERVICE_SIRET, created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  await insertAdministration(db, now, { name: 'Administration masquée', siret: HIDDEN_SIRET, hidden: true });
  mergeTargetId = await insertAdministration(db, now, { name: 'Administration qui reste', siret: '11000000000056' });
  const merged = await insertAdministration(db, now, { name: 'Administration fusionnée', siret: MERGED_SIRET });
  await db
    .updateTable('commons_administrations')
    .set({ merged_into: mergeTargetId })
    .where('id', '=', merged)
    .execute();
  // Another module's listener that fails, and one that records the calls: neither may fail the sign-in.
  addProconnectSignInListener('test.failing', async () => {
    throw new Error('a listener failing on purpose');
  });
  addProconnectSignInListener('test.recording', async (_services, signIn) => {
    listenerCalls.push(signIn);
  });
});

afterAll(async () => {
  addProconnectSignInListener('test.failing', async () => {});
  addProconnectSignInListener('test.recording', async () => {});
  await t?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe('joining through ProConnect', () => {
  it('joins an agent whose SIRET is the administration’s, audited as theirs, and makes them a partner', async () => {
    const { userId, location } = await signIn('agent-a', '/cooperation/administrations/prefecture-du-morbihan');
    // A first sign-in confirms the name ProConnect gave, then goes on to where the agent was going.
    expect(location).toBe(
      `/compte/nom?retour=${encodeURIComponent('/cooperation/administrations/prefecture-du-morbihan')}`,
    );
    expect(listenerCalls.at(-1)).toEqual({ userId, siret: ADMINISTRATION_SIRET });
    const memberships = await membershipsOf(userId);
    expect(memberships).toMatchObject([
      { administration_id: administrationId, joined_via: 'proconnect', service_id: null, invited_by: null },
    ]);
    expect(await rolesOf(t.database.db, userId)).toContain('partner');
    const event = await t.database.db
      .selectFrom('audit_events')
      .select(['actor_id', 'summary'])
      .where('action', '=', 'commons.member-joined')
      .where('subject_id', '=', administrationId)
      .executeTakeFirstOrThrow();
    expect(event.actor_id).toBe(userId);
    expect(event.summary).toMatchObject({ via: 'proconnect', userId });
    // Signing in again changes nothing.
    await signIn('agent-a');
    expect(await membershipsOf(userId)).toHaveLength(1);
  });

  it('joins an agent of one of its services in that service', async () => {
    const { userId } = await signIn('agent-b');
    expect(await membershipsOf(userId)).toMatchObject([{ administration_id: administrationId, service_id: serviceId }]);
  });

  it('joins the administration a duplicate was merged into, and not a hidden one', async () => {
    const eve = await signIn('agent-e');
    expect(await membershipsOf(eve.userId)).toMatchObject([{ administration_id: mergeTargetId }]);
    const denis = await signIn('agent-d');
    expect(await membershipsOf(denis.userId)).toEqual([]);
    expect(await rolesOf(t.database.db, denis.userId)).not.toContain('partner');
    const fred = await signIn('agent-f');
    expect(await membershipsOf(fred.userId)).toEqual([]);
  });

  it('does not bring back an agent who left', async () => {
    const { cookie, userId } = await signIn('agent-a');
    const members = '/cooperation/administrations/prefecture-du-morbihan/membres';
    const session = await formSession(t.app, cookie, members);
    const left = await submitForm(t.app, session, `${members}/quitter`, {});
    expect(left.statusCode).toBe(303);
    expect(await rolesOf(t.database.db, userId)).not.toContain('partner');
    await signIn('agent-a');
    expect(await membershipsOf(userId)).toEqual([]);
  });

  it('lets an agent whose SIRET matches no administration create it, prefilled, and be its first member', async () => {
    const { cookie, userId } = await signIn('agent-c');
    expect(await membershipsOf(userId)).toEqual([]);
    const page = '/cooperation/administrations/nouvelle';
    const session = await formSession(t.app, cookie, page);
    expect(session.html).toContain('110 000 000 00023');
    expect(session.html).not.toContain('name="siret"');
    // The SIRET is the account's: one typed in the form is ignored.
    const created = await submitForm(t.app, session, page, {
      siret: ADMINISTRATION_SIRET,
      name: 'Mairie de Lorient',
      territory: 'D56',
      description: 'Une commune du Morbihan.',
    });
    expect(created.statusCode).toBe(303);
    expect(created.headers.location).toBe('/cooperation/administrations/mairie-de-lorient?ok=creee');
    const row = await t.database.db
      .selectFrom('commons_administrations')
      .selectAll()
      .where('slug', '=', 'mairie-de-lorient')
      .executeTakeFirstOrThrow();
    expect(row.siret).toBe(NEW_SIRET);
    expect(row.created_by).toBe(userId);
    expect(await membershipsOf(userId)).toMatchObject([{ administration_id: row.id, joined_via: 'proconnect' }]);
    expect(await rolesOf(t.database.db, userId)).toContain('partner');
    expect((await userById(t.database.db, userId)).siret).toBe(NEW_SIRET);
    // Their administration exists now: the page links to it instead of a form.
    const again = await t.app.inject({ method: 'GET', url: page, headers: { cookie } });
    expect(again.body).toContain('/cooperation/administrations/mairie-de-lorient');
    expect(again.body).not.toContain('action="/cooperation/administrations/nouvelle"');
  });
});
