import { describe, expect, it } from 'vitest';
import type { ApplicationForReview } from '../applications/index.js';
import { detectConflicts, isWebmailDomain } from './conflicts.js';
import type { JuryMember } from './jury.js';

const app = (id: string, over: Partial<ApplicationForReview>): ApplicationForReview => ({
  id,
  title: id,
  trackCode: 'numerique',
  state: 'eligible',
  organisationName: '',
  siren: '',
  text: '',
  topics: [],
  emails: [],
  memberUserIds: [],
  ...over,
});
const member = (id: string, over: Partial<JuryMember>): JuryMember => ({
  id,
  seasonId: 's',
  userId: `u-${id}`,
  email: `${id}@example.org`,
  name: id,
  locale: 'fr',
  expertise: '',
  topics: [],
  minLoad: 0,
  maxLoad: 5,
  siren: '',
  invitedAt: new Date(),
  removedAt: null,
  erased: false,
  ...over,
});

describe('conflict detection', () => {
  it('knows webmail domains, including families such as hotmail.* and yahoo.*', () => {
    for (const d of [
      'gmail.com',
      'outlook.fr',
      'hotmail.fr',
      'hotmail.co.uk',
      'yahoo.fr',
      'orange.fr',
      'free.fr',
      'laposte.net',
      'wanadoo.fr',
      'sfr.fr',
      'icloud.com',
      'proton.me',
    ]) {
      expect(isWebmailDomain(d), d).toBe(true);
    }
    for (const d of ['numerique.gouv.fr', 'ademe.fr', 'ville-lyon.fr', 'asso-jardins.org'])
      expect(isWebmailDomain(d), d).toBe(false);
  });

  it('finds the same SIREN, the same non-webmail domain and membership, and nothing else', () => {
    const apps = [
      app('a1', { siren: '732829320' }),
      app('a2', { emails: ['ana@ademe.fr', 'bob@gmail.com'] }),
      app('a3', { memberUserIds: ['u-m3'] }),
      app('a4', { siren: '111111118', emails: ['zoe@gmail.com'] }),
    ];
    const members = [
      member('m1', { siren: '732829320' }),
      member('m2', { email: 'claire@ADEME.fr' }),
      member('m3', {}),
      member('m4', { email: 'luc@gmail.com' }),
    ];
    const found = detectConflicts(apps, members).map((c) => `${c.applicationId}/${c.memberId}/${c.source}`);
    expect(found.sort()).toEqual(['a1/m1/organisation', 'a2/m2/email_domain', 'a3/m3/co_applicant']);
  });
});
