import { boot } from './core/boot.js';
import { readConfig } from './core/config.js';
import { DataDirBusyError } from './core/db/data-dir-lock.js';
import { FilesDirMissingError } from './core/files/file-directory.js';
import { modules } from './modules/index.js';

const config = readConfig();
const started = await boot(config, modules).catch((error: unknown) => {
  // Another process holds the embedded database, or files are in a folder nobody named: say what to do, without
  // a stack trace.
  if (error instanceof DataDirBusyError || error instanceof FilesDirMissingError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(3);
  }
  throw error;
});
const { app, database, notices } = started;
await app.listen({ port: config.port, host: config.host });
if (database.lock) database.lock.holder.url = config.baseUrl;
app.log.info(
  `Accélérateur listens on ${config.baseUrl} (database: ${database.engine}${database.engine === 'pglite' ? ` in ${config.dataDir}` : ''})`,
);
// Printed once, plainly, so a newcomer sees how to sign in among the log lines.
if (notices.length > 0) process.stdout.write(`\n${notices.join('\n')}\n\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info(`${signal} received, closing`);
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
