import type { Module } from '../core/module.js';
import { accountsModule } from './accounts/index.js';
import { applicationsModule } from './applications/index.js';
import { commonsModule } from './commons/index.js';
import { contentModule } from './content/index.js';
import { decisionsModule } from './decisions/index.js';
import { eventsModule } from './events/index.js';
import { grantsModule } from './grants/index.js';
import { impactModule } from './impact/index.js';
import { opendataModule } from './opendata/index.js';
import { panelModule } from './panel/index.js';
import { reviewModule } from './review/index.js';
import { seasonsModule } from './seasons/index.js';
import { supportModule } from './support/index.js';

/** Every domain module, in the order their routes and demo data are loaded. */
export const modules: Module[] = [
  accountsModule,
  seasonsModule,
  contentModule,
  applicationsModule,
  reviewModule,
  panelModule,
  decisionsModule,
  supportModule,
  grantsModule,
  commonsModule,
  impactModule,
  eventsModule,
  opendataModule,
];
