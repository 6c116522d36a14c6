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
  // Every answer passes here: the labelled series are looked up once per method, route and status (prom-client
  // hashes the labels on each call otherwise), and the hook takes `done` rather than a promise.
  const series = new Map<
    string,
    { count: ReturnType<typeof requests.labels>; time: ReturnType<typeof latency.labels> }
  >();
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unknown';
    const status = String(reply.statusCode);
    const key = `${request.method} ${status} ${route}`;
    let found = series.get(key);
    if (!found) {
      found = { count: requests.labels(request.method, route, status), time: latency.labels(request.method, route) };
      series.set(key, found);
    }
    found.count.inc();
    found.time.observe(reply.elapsedTime / 1000);
    done();
  });
  return registry;
}
