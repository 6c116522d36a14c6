import { expect } from 'vitest';
import { postIdempotentForm } from '../../../test/support/forms.js';
import type { TestApp } from '../../../test/support/test-app.js';
import type { FormDefinition } from './form/model.js';

/** Test support: a form of one required question, for tests about what happens around the answers. */
export const PROJECT_NAME_FORM: FormDefinition = {
  sections: [
    {
      id: 'project',
      title: { fr: 'Le projet', en: 'The project' },
      questions: [
        { id: 'project_name', kind: 'short_text', required: true, label: { fr: 'Nom du projet', en: 'Project name' } },
      ],
    },
  ],
};

/** Test support: a draft created through the apply page, then saved or submitted with these answers. */
export async function newApplication(
  t: TestApp,
  cookie: string,
  seasonSlug: string,
  answers: Record<string, string>,
  options: { submit?: boolean; track?: string } = {},
): Promise<string> {
  const created = await postIdempotentForm(t.app, cookie, `/candidater/${seasonSlug}`, `/candidater/${seasonSlug}`, {
    track_code: options.track ?? 'numerique',
    applicant_kind: 'association',
  });
  expect(created.statusCode).toBe(303);
  const id = /\/mes-candidatures\/([0-9a-f-]{36})$/.exec(created.headers.location as string)![1]!;
  const url = `/mes-candidatures/${id}`;
  const done = await postIdempotentForm(
    t.app,
    cookie,
    url,
    options.submit === false ? url : `${url}/soumettre`,
    answers,
  );
  expect(done.statusCode).toBe(303);
  return id;
}
