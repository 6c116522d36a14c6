import type { FastifyInstance } from 'fastify';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { pendingJobCount } from '../jobs/queue.js';
import type { Services } from '../services.js';

/** Request counts and latencies per route, and the job queue depth, for GET /metrics. */
export function registerMetrics(app: FastifyInstance, services: Services): Registry {
  const registry = new Registry();
  const requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered, by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency in seconds, by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'jobs_queue_depth',
    help: 'Jobs pending or running',
    registers: [registry],
    async collect() {
      this.set(await pendingJobCount(services.db));
    },
  });
  // `done` rather than async: it runs after every answer. (Looking the labelled series up once per route was tried:
  // prom-client validates and hashes the labels inside a series' own inc/observe too, so it saved nothing.)
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unknown';
    requests.inc({ method: request.method, route, status: String(reply.statusCode) });
    latency.observe({ method: request.method, route }, reply.elapsedTime / 1000);
    done();
  });
  return registry;
}
