import { describe, expect, it } from 'vitest';
import { DEFAULT_FORM } from './default-form.js';
import type { FormDefinition } from './model.js';
import { FormFields, fieldLabels } from './render.js';
import { readAnswers, validateForSubmit } from './validate.js';

const hostile = '<script>alert(1)</script>"\'><img src=x onerror=alert(2)>';

describe('FormFields', () => {
  it('escapes every label, help, option and answer', async () => {
    const definition: FormDefinition = {
      sections: [
        {
          id: 's',
          title: { fr: hostile, en: hostile },
          description: { fr: hostile, en: hostile },
          questions: [
            {
              id: 'a',
              kind: 'short_text',
              required: true,
              label: { fr: hostile, en: hostile },
              help: { fr: hostile, en: hostile },
            },
            {
              id: 'b',
              kind: 'single_choice',
              required: false,
              label: { fr: hostile, en: hostile },
              options: [
                { value: 'x', label: { fr: hostile, en: hostile } },
                { value: 'y', label: { fr: 'Y', en: 'Y' } },
              ],
            },
            {
              id: 'c',
              kind: 'long_text',
              required: false,
              label: { fr: 'C', en: 'C' },
              condition: { questionId: 'b', equals: ['x'] },
            },
            {
              id: 'd',
              kind: 'repeatable',
              required: false,
              label: { fr: hostile, en: hostile },
              children: [{ id: 'e', kind: 'email', required: true, label: { fr: hostile, en: hostile } }],
            },
          ],
        },
      ],
    };
    const html = await (
      <FormFields
        locale="fr"
        definition={definition}
        answers={{ a: hostile, c: hostile, d: [{ e: hostile }] }}
        errors={{ a: { message: { fr: hostile, en: hostile } } }}
      />
    );
    // Attribute values are quoted with " escaped, so markup can only appear outside them.
    const outsideAttributes = html.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<script>');
    expect(outsideAttributes).not.toContain('<img');
    expect(html).toContain('&lt;script>');
    expect(html).toContain('value="<script>alert(1)</script>&#34;');
  });

  it('renders sections as fieldsets, errors tied to their field, and the condition as a hint', async () => {
    const { answers } = readAnswers(DEFAULT_FORM, {
      organisation_type: 'company',
      organisation_siret: '123',
      'team[0][member_name]': 'Camille',
      'team[0][member_email]': 'non',
    });
    const errors = validateForSubmit(DEFAULT_FORM, answers);
    const html = await (<FormFields locale="fr" definition={DEFAULT_FORM} answers={answers} errors={errors} />);
    expect(html.match(/<fieldset class="fr-fieldset fr-mb-4w"/g)).toHaveLength(DEFAULT_FORM.sections.length);
    expect(html).toContain('id="organisation_siret" name="organisation_siret"');
    expect(html).toContain('aria-describedby="organisation_siret-error"');
    expect(html).toContain('id="organisation_siret-error"');
    expect(html).toContain('aria-describedby="team[0][member_email]-error"');
    expect(html).toContain('name="team[1][member_name]"'); // the blank row that adds a member without JavaScript
    expect(html).toContain('À remplir seulement si « Vous candidatez en tant que » vaut : Entreprise, Administration.');
    expect(html).toContain('data-condition-question="organisation_type"');
    expect(html).toContain('value="company" checked');
    expect(fieldLabels('en', DEFAULT_FORM, errors)['team[0][member_email]']).toBe('Team members no. 1 – Email address');
    const english = await (<FormFields locale="en" definition={DEFAULT_FORM} answers={{}} errors={{}} />);
    expect(english).toContain('Project name');
    expect(english).toContain('name="attachments_presentation"');
    expect(english).toContain('accept="application/pdf"');
  });
});
