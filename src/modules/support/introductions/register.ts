import { addTransparencySection } from '../../decisions/index.js';
import { addTimelineSource } from '../timeline-sources.js';
import { introductionTimelineSource } from './timeline.js';
import { renderIntroductionsSection } from './transparency.js';
// Mail templates register on import.
import './mails.js';

/**
 * What the introductions add to shared registries when support/index.ts imports this file: their entries in
 * a laureate's timeline (and what is late, for the weekly digest), and their section of a season's public
 * transparency page. Registering again (tests import modules more than once) replaces, never duplicates.
 */
addTimelineSource(introductionTimelineSource);
addTransparencySection({ order: 40, name: 'support-introductions', render: renderIntroductionsSection });
