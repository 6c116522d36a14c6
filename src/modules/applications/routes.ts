import type { App } from '../../core/http/route-schemas.js';
import type { Services } from '../../core/services.js';
import { expertRoutes } from './experts/routes.js';
import { exportRoutes } from './export/routes.js';
import { fileRoutes } from './files/routes.js';
import { registerFormBuilderRoutes } from './form-builder/routes.js';
import { registerInstructionRoutes } from './instruction/routes.js';
import { outlineRoutes } from './outline/routes.js';
import { staffRoutes } from './staff/routes.js';
import { submissionRoutes } from './submission/routes.js';

/** Every route of the module, one registrar per sub-folder (each folder's routes.tsx). */
export async function applicationRoutes(app: App, services: Services): Promise<void> {
  registerFormBuilderRoutes(app, services);
  // First among the applicant routes: its hook notes when each request arrived (the deadline is judged on it).
  await submissionRoutes(app, services);
  await fileRoutes(app, services);
  await staffRoutes(app, services);
  await exportRoutes(app, services);
  await expertRoutes(app, services);
  await registerInstructionRoutes(app, services);
  await outlineRoutes(app, services);
}
