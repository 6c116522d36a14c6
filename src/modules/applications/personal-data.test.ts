import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userById } from '../../../test/support/factories/accounts.js';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { createSignedInUser } from '../../../test/support/users.js';
import { sessionOf } from './demo-testing.js';

/** A person's export (/compte/export) carries their applications; staff notes are never in it. */
describe('applications in a person’s data export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({}, { demo: true });
  }, 120_000);
  afterAll(() => t?.close());

  it('lists every application the person owns, with draft, versions, history and messages, but no staff note', async () => {
    const { db } = t.app.services;
    // The demo application that has a staff message and a private note.
    const notedRow = await db
      .selectFrom('application_notes')
      .innerJoin('applications', 'applications.id', 'application_notes.application_id')
      .select(['applications.id', 'applications.owner_id', 'application_notes.body as note'])
      .executeTakeFirstOrThrow();
    const ownerEmail = (await userById(db, notedRow.owner_id)).email;
    if (!ownerEmail) throw new Error('the noted application’s owner has no address');
    const noted = { id: notedRow.id, email: ownerEmail, note: notedRow.note };
    const owned = await db
      .selectFrom('applications')
      .select('applications.id')
      .where('applications.owner_id', '=', notedRow.owner_id)
      .execute();
    const cookie = await sessionOf(db, t.clock, noted.email);
    const response = await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie } });
    expect(response.statusCode).toBe(200);
    const exported = JSON.parse(response.body) as {
      applications: {
        id: string;
        role: string;
        versions: unknown[];
        transitions: unknown[];
        messages: { body: string }[];
      }[];
    };
    expect(exported.applications.map((a) => a.id).sort()).toEqual(owned.map((a) => a.id).sort());
    const withNote = exported.applications.find((a) => a.id === noted.id)!;
    expect(withNote.role).toBe('owner');
    expect(withNote.versions.length).toBeGreaterThan(0);
    expect(withNote.transitions.length).toBeGreaterThan(0);
    expect(response.body).not.toContain(noted.note);
    // Someone else's export holds none of them.
    const other = await createSignedInUser(db, t.clock, [{ role: 'applicant' }], 'autre');
    const otherExport = JSON.parse(
      (await t.app.inject({ method: 'GET', url: '/compte/export', headers: { cookie: other.cookie } })).body,
    );
    expect(otherExport.applications).toEqual([]);
  });
});
