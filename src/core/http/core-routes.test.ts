import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('core routes', () => {
  it('reports health with the engine in use', async () => {
    const res = await t.app.inject('/healthz');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: process.env.DATABASE_URL ? 'postgresql' : 'pglite' });
  });

  it('exposes Prometheus metrics with request counts, latencies and queue depth', async () => {
    await t.app.inject('/healthz');
    const res = await t.app.inject('/metrics');
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/http_requests_total\{method="GET",route="\/healthz",status="200"\} \d+/);
    expect(res.body).toContain('http_request_duration_seconds_bucket');
    expect(res.body).toMatch(/jobs_queue_depth \d+/);
  });

  it('answers /metrics only on the loopback interface to an unforwarded request, whatever X-Forwarded-For says', async () => {
    const outside = await t.app.inject({ url: '/metrics', remoteAddress: '203.0.113.7' });
    expect(outside.statusCode).toBe(403);
    expect(outside.body).not.toContain('http_requests_total');
    const spoofed = await t.app.inject({
      url: '/metrics',
      remoteAddress: '203.0.113.7',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(spoofed.statusCode).toBe(403);
    const throughLocalProxy = await t.app.inject({
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.7' },
    });
    expect(throughLocalProxy.statusCode).toBe(403);
    const local6 = await t.app.inject({ url: '/metrics', remoteAddress: '::1' });
    expect(local6.statusCode).toBe(200);
  });

  it('answers /metrics only with the bearer token of METRICS_TOKEN when it is set, even on loopback', async () => {
    const withToken = await createTestApp({ metricsToken: 'jeton-de-mesure-assez-long', trustProxy: true });
    try {
      const none = await withToken.app.inject('/metrics');
      expect(none.statusCode).toBe(401);
      expect(none.headers['www-authenticate']).toBe('Bearer');
      const wrong = await withToken.app.inject({ url: '/metrics', headers: { authorization: 'Bearer autre-chose' } });
      expect(wrong.statusCode).toBe(401);
      const right = await withToken.app.inject({
        url: '/metrics',
        remoteAddress: '203.0.113.7',
        headers: { authorization: 'Bearer jeton-de-mesure-assez-long' },
      });
      expect(right.statusCode).toBe(200);
      expect(right.body).toContain('http_requests_total');
    } finally {
      await withToken.close();
    }
  });

  it('switches language with a cookie and only redirects to local paths', async () => {
    const res = await t.app.inject('/langue/en?retour=%2F%2Fevil.example');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(String(res.headers['set-cookie'])).toContain('lang=en');
    const page = await t.app.inject({ url: '/page-qui-nexiste-pas', cookies: { lang: 'en' } });
    expect(page.statusCode).toBe(404);
    expect(page.body).toContain('<html lang="en"');
    expect(page.body).toContain('Page not found');
  });

  it('answers unknown pages with the DSFR 404 page in French by default', async () => {
    const res = await t.app.inject('/nulle-part');
    expect(res.statusCode).toBe(404);
    expect(res.body).toContain('<html lang="fr"');
    expect(res.body).toContain('Page non trouvée');
    expect(res.body).toContain('fr-footer');
  });

  it('publishes the OpenAPI document of the API', async () => {
    const res = await t.app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toMatch(/^3\./);
  });

  it('serves the DSFR assets locally', async () => {
    const res = await t.app.inject('/dsfr/dsfr.min.css');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/css');
  });

  it('refuses to start when a route names no permission (deny by default)', async () => {
    const app = Fastify();
    app.addHook('onRoute', (route) => {
      if (!(route.config as { permission?: string } | undefined)?.permission) throw new Error('no permission');
    });
    expect(() => app.get('/x', async () => 'x')).toThrow();
    // And in the real app, every registered route carries one.
    for (const route of t.app.services.routes) expect(route.permission).toBeTruthy();
  });
});
