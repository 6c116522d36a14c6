import { FormReader, formMessages } from '../../core/http/forms.js';
import { isoDateParis } from '../../core/i18n/i18n.js';
import { slugify } from '../../core/ids.js';
import { adminMessages as am } from './messages.js';
import type { NewsRow, PageRow } from './queries.js';
import type { NewsInput } from './save-news.js';
import type { PageInput } from './save-page.js';
import type { PressContact } from './tables.js';

const BODY_MAX = 200_000;

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

/** The slug typed, or one made from the title when left empty. */
function readSlug(form: FormReader, title: string): string {
  const typed = form.slug('slug');
  if (typed || form.errors.slug) return typed;
  const derived = slugify(title);
  form.values.slug = derived;
  if (!derived && title) form.fail('slug', formMessages.slug);
  return derived;
}

/** "Actualité, Événement ,, Actualité" → ["Actualité", "Événement"]. */
function readList(form: FormReader, field: string): string[] {
  const raw = form.text(field, { max: 2000 });
  const items = [
    ...new Set(
      raw
        .split(',')
        .map((s) => s.trim().replace(/\s+/g, ' '))
        .filter(Boolean),
    ),
  ];
  if (items.length > 20 || items.some((s) => s.length > 60)) form.fail(field, am.listInvalid);
  return items;
}

export function pageFormValues(page: PageRow): Record<string, string> {
  return {
    title: page.title,
    title_en: page.title_en ?? '',
    slug: page.slug,
    body: page.body,
    body_en: page.body_en ?? '',
  };
}

export function readPageForm(body: unknown): { form: FormReader; input: PageInput } {
  const form = new FormReader(body);
  const title = form.text('title', { required: true, max: 200 });
  const slug = readSlug(form, title);
  const titleEn = orNull(form.text('title_en', { max: 200 }));
  const pageBody = form.text('body', { max: BODY_MAX, trim: false });
  const bodyEn = form.text('body_en', { max: BODY_MAX, trim: false });
  return { form, input: { slug, title, titleEn, body: pageBody, bodyEn: bodyEn.trim() === '' ? null : bodyEn } };
}

export function newsFormValues(news: NewsRow): Record<string, string> {
  const contact = news.press_contact ?? {};
  return {
    title: news.title,
    title_en: news.title_en ?? '',
    slug: news.slug,
    chapeau: news.chapeau ?? '',
    chapeau_en: news.chapeau_en ?? '',
    body: news.body,
    body_en: news.body_en ?? '',
    published_at: isoDateParis(news.published_at),
    categories: news.categories.join(', '),
    tags: news.tags.join(', '),
    image_url: news.image_url ?? '',
    image_alt: news.image_alt ?? '',
    press_name: contact.name ?? '',
    press_organisation: contact.organisation ?? '',
    press_email: contact.email ?? '',
    press_phone: contact.phone ?? '',
  };
}

const PHONE = /^\+?[0-9 .()-]{6,25}$/;

/**
 * Reads the news form. The date is a day: an unchanged day keeps the stored instant, a new day is
 * stored at noon UTC (the same day in Paris, winter and summer).
 */
export function readNewsForm(
  body: unknown,
  existing: NewsRow | undefined,
  now: Date,
): { form: FormReader; input: NewsInput } {
  const form = new FormReader(body);
  const title = form.text('title', { required: true, max: 200 });
  const slug = readSlug(form, title);
  const day = form.date('published_at');
  let publishedAt: Date;
  if (!day) publishedAt = existing?.published_at ?? now;
  else if (existing && isoDateParis(existing.published_at) === day) publishedAt = existing.published_at;
  else publishedAt = new Date(`${day}T12:00:00Z`);
  if (!day && !form.errors.published_at) form.values.published_at = isoDateParis(publishedAt);

  const imageUrl = form.url('image_url');
  const imageAlt = form.text('image_alt', { max: 300 });
  if (imageUrl && !imageAlt && !form.errors.image_url) form.fail('image_alt', am.altRequired);

  const contact: PressContact = {};
  const name = form.text('press_name', { max: 200 });
  const organisation = form.text('press_organisation', { max: 200 });
  const email = form.email('press_email');
  const phone = form.text('press_phone', { max: 25 });
  if (phone && !form.errors.press_phone && !PHONE.test(phone)) form.fail('press_phone', am.phoneInvalid);
  if (name) contact.name = name;
  if (organisation) contact.organisation = organisation;
  if (email) contact.email = email;
  if (phone) contact.phone = phone;

  const bodyText = form.text('body', { max: BODY_MAX, trim: false });
  const bodyEn = form.text('body_en', { max: BODY_MAX, trim: false });
  const input: NewsInput = {
    slug,
    title,
    titleEn: orNull(form.text('title_en', { max: 200 })),
    chapeau: orNull(form.text('chapeau', { max: 1000 })),
    chapeauEn: orNull(form.text('chapeau_en', { max: 1000 })),
    body: bodyText,
    bodyEn: bodyEn.trim() === '' ? null : bodyEn,
    publishedAt,
    categories: readList(form, 'categories'),
    tags: readList(form, 'tags'),
    imageUrl: orNull(imageUrl),
    imageAlt: orNull(imageAlt),
    pressContact: Object.keys(contact).length > 0 ? contact : null,
  };
  return { form, input };
}
