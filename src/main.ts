import { readConfig } from './core/config.js';
import { boot } from './core/boot.js';

const config = readConfig();
const { app, database } = await boot(config);
await app.listen({ port: config.port, host: config.host });
app.log.info(`Accélérateur listens on ${config.baseUrl} (database: ${database.engine}${database.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal} received, closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
