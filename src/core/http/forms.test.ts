import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FormReader } from './forms.js';

/** Any value a parsed form or JSON body can hold, including hostile shapes. */
const anyValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
  fc.constantFrom('<script>alert(1)</script>', "' OR 1=1 --", '../../etc/passwd', '\u0000', 'a'.repeat(20_000)),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string()),
  fc.dictionary(fc.string(), fc.string()),
);

describe('FormReader', () => {
  it('never throws, and every rejection names a field that was read', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('title', 'email', 'slug', 'date', 'kind', 'link', 'other'), anyValue),
        (body) => {
          const form = new FormReader(body);
          form.text('title', { required: true, max: 200 });
          form.email('email', { required: true });
          form.slug('slug');
          form.date('date');
          form.choice('kind', ['a', 'b'] as const);
          form.url('link');
          const read = ['title', 'email', 'slug', 'date', 'kind', 'link'];
          for (const field of Object.keys(form.errors)) expect(read).toContain(field);
          for (const field of read) expect(typeof form.values[field]).toBe('string');
        },
      ),
    );
  });

  it('keeps what was typed, even when it is refused', () => {
    const form = new FormReader({ email: 'not an email', title: 'x'.repeat(201) });
    form.email('email');
    form.text('title', { max: 200 });
    expect(form.ok).toBe(false);
    expect(form.values.email).toBe('not an email');
    expect(form.values.title).toHaveLength(201);
    expect(form.errorTexts('fr')).toEqual({
      email: 'Saisissez une adresse électronique valide, par exemple nom@domaine.fr.',
      title: 'Ce champ ne doit pas dépasser 200 caractères.',
    });
    expect(form.errorTexts('en').title).toBe('This field must not exceed 200 characters.');
  });

  it('refuses a value of the wrong type with a message on its field', () => {
    const form = new FormReader({ title: ['a', 'b'], kind: { $gt: '' } });
    form.text('title', { required: true });
    form.choice('kind', ['a'] as const);
    expect(Object.keys(form.errors).sort()).toEqual(['kind', 'title']);
  });

  it('accepts only real calendar dates', () => {
    for (const [value, ok] of [
      ['2024-02-29', true],
      ['2023-02-29', false],
      ['2023-13-01', false],
      ['29/01/2022', false],
    ] as const) {
      const form = new FormReader({ date: value });
      form.date('date');
      expect(form.ok).toBe(ok);
    }
  });

  it('never accepts a script or data URL as a link', () => {
    for (const link of ['javascript:alert(1)', 'data:text/html,x', '//evil.example', 'vbscript:x']) {
      const form = new FormReader({ link });
      form.url('link');
      expect(form.ok).toBe(false);
    }
  });

  it('reads multipart fields ({ value }) like plain ones', () => {
    const form = new FormReader({ title: { value: 'Bonjour', fieldname: 'title' } });
    expect(form.text('title')).toBe('Bonjour');
  });
});
