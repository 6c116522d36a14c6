import { expect } from 'vitest';
import type { TestApp } from '../../../test/support/test-app.js';
import { formSession } from '../seasons/testing.js';
import type { FormDefinition } from './form/model.js';

/** Test support: a form of one required question, for tests about what happens around the answers. */
export const PROJECT_NAME_FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [{ id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } }],
    },
  ],
};

/**
 * Test support: posts a form as a browser would, with the CSRF token and (when the page has one)
 * the idempotency key of the page it was read from.
 */
export async function postForm(t: TestApp, cookie: string, pageUrl: string, url: string, fields: Record<string, string> | [string, string][]) {
  const session = await formSession(t.app, cookie, pageUrl);
  const key = /name="idempotency_key" value="([^"]+)"/.exec(session.html)?.[1];
  const pairs = Array.isArray(fields) ? fields : Object.entries(fields);
  const params = new URLSearchParams([...(key ? [['idempotency_key', key]] : []), ...pairs, ['_csrf', session.csrf]]);
  return t.app.inject({ method: 'POST', url, payload: params.toString(), headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: session.cookie } });
}

/** Test support: a draft created through the apply page, then saved or submitted with these answers. */
export async function newApplication(
  t: TestApp,
  cookie: string,
  seasonSlug: string,
  answers: Record<string, string>,
  options: { submit?: boolean; track?: string } = {},
): Promise<string> {
  const created = await postForm(t, cookie, `/candidater/${seasonSlug}`, `/candidater/${seasonSlug}`, { track_code: options.track ?? 'numerique', applicant_kind: 'association' });
  expect(created.statusCode).toBe(303);
  const id = /\/mes-candidatures\/([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
  const url = `/mes-candidatures/${id}`;
  const done = await postForm(t, cookie, url, options.submit === false ? url : `${url}/soumettre`, answers);
  expect(done.statusCode).toBe(303);
  return id;
}
