import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/test-app.js';
import { verifyAuditChain } from '../../core/audit/audit.js';
import type { Services } from '../../core/services.js';
import { importPostsCommand } from './import-posts-command.js';
import { renderMarkdown } from './markdown.js';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const fixtures = join(repoRoot, 'test/fixtures/posts');
const realPosts = join(repoRoot, '../shared/content/posts');
const realPostsPresent = existsSync(realPosts);
if (!realPostsPresent)
  console.log(
    `import-posts: skipping the real-posts test, folder ${realPosts} not found (shared/ is not beside the repository)`,
  );

let t: TestApp;
let services: Services;
let folder: string;

/** Runs the command as the CLI would, and returns its exit code and printed lines. */
async function runCommand(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)));
  const error = vi.spyOn(console, 'error').mockImplementation((line: unknown) => void err.push(String(line)));
  try {
    return { code: await importPostsCommand.run(args, services), out, err };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}

function newsBySource(source: string) {
  return services.db.selectFrom('news').selectAll().where('source', '=', source).executeTakeFirstOrThrow();
}

function attachmentsOf(newsId: string) {
  return services.db
    .selectFrom('news_attachments')
    .select(['label', 'url', 'position', 'file_id'])
    .where('news_id', '=', newsId)
    .orderBy('position')
    .execute();
}

async function importAuditCount(): Promise<number> {
  const row = await services.db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('actor_label', '=', 'import-posts')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

beforeAll(async () => {
  t = await createTestApp();
  services = t.app.services;
  folder = await mkdtemp(join(tmpdir(), 'import-posts-'));
  await cp(fixtures, folder, { recursive: true });
  // A news item written by hand already holds the slug one post would take.
  await services.db
    .insertInto('news')
    .values({
      slug: 'collision',
      title: 'Saisie à la main',
      published_at: new Date('2024-01-01T00:00:00Z'),
      status: 'draft',
    })
    .execute();
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
  await t?.close();
});

describe('import-posts command', () => {
  it('exits with 1 and says so when the folder does not exist or is not given', async () => {
    const missing = await runCommand([join(folder, 'nope')]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('Folder not found');
    const none = await runCommand([]);
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toContain('Usage');
  });

  it('imports every readable post, reports one line per file with the reason of each skip, then a total', async () => {
    const { code, out } = await runCommand([folder]);
    expect(code).toBe(0);
    expect(out).toEqual([
      '2024-01-10-ouverture-saison-3.md: imported',
      '2024-02-03-format-iso.md: imported',
      '2024-03-15-date-sans-heure.md: imported',
      '2024-04-02-sans-champ-date.md: imported',
      '2024-05-20-contenu-hostile.md: imported',
      expect.stringMatching(/^2024-06-01-yaml-invalide\.md: skipped: invalid YAML front matter at line \d+: /),
      '2024-06-02-sans-titre.md: skipped: missing title',
      expect.stringMatching(/^2024-06-03-date-illisible\.md: skipped: unreadable date "le 3 juin au matin"/),
      '2024-06-04-contact-en-liste.md: imported',
      '2024-07-01-collision.md: imported',
      expect.stringMatching(/^2024-07-02-sans-front-matter\.md: skipped: no front matter/),
      'total: 11 files — 7 imported, 0 updated, 0 unchanged, 4 skipped',
    ]);
  });

  it('stores a published news item with every field of the front matter', async () => {
    const news = await newsBySource('jekyll:2024-01-10-ouverture-saison-3.md');
    expect(news).toMatchObject({
      slug: 'ouverture-saison-3',
      title: 'Ouverture de la saison 3 : déposez votre commun',
      status: 'published',
      categories: ['Communiqué de presse', 'Appel à projets'],
      tags: ['saison-3', 'communs', 'candidatures'],
      chapeau:
        "Le programme rouvre ses portes aux projets d'intérêt général portés par des associations et des administrations.",
      image_url: '/uploads/2024/saison-3-affiche.png',
      image_alt: 'Affiche de la saison 3',
      press_contact: {
        name: 'Camille Exemple',
        organisation: 'Service de presse du programme',
        email: 'presse@example.org',
        phone: '01 23 45 67 89',
      },
      title_en: null,
    });
    expect(new Date(news.published_at).toISOString()).toBe('2024-01-10T08:30:00.000Z');
    expect(news.source_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(news.body).toContain('# Ce qui change');
    expect(await attachmentsOf(news.id)).toEqual([
      { label: 'reglement-saison-3.pdf', url: '/uploads/2024/reglement-saison-3.pdf', position: 0, file_id: null },
      { label: 'Télécharger le communiqué', url: '/uploads/2024/communique-saison-3.pdf', position: 1, file_id: null },
      { label: 'Dossier de presse', url: 'https://example.org/dossier-de-presse.pdf', position: 2, file_id: null },
      { label: 'Annexe technique', url: '/uploads/2024/annexe.odt', position: 3, file_id: null },
    ]);
  });

  it('stores dates with their offsets, date-only posts at midnight in Paris, and undated posts at their file date', async () => {
    const dates = await services.db
      .selectFrom('news')
      .select(['slug', 'published_at'])
      .where('source', 'like', 'jekyll:%')
      .execute();
    const bySlug = Object.fromEntries(dates.map((d) => [d.slug, new Date(d.published_at).toISOString()]));
    expect(bySlug).toMatchObject({
      'format-iso': '2024-02-03T17:05:00.000Z',
      'date-sans-heure': '2024-03-14T23:00:00.000Z',
      'sans-champ-date': '2024-04-01T22:00:00.000Z',
      'contact-en-liste': '2024-06-04T13:15:00.000Z',
    });
  });

  it('gives a post whose slug is taken by a hand-made item the suffix -2, and leaves the hand-made item alone', async () => {
    expect((await newsBySource('jekyll:2024-07-01-collision.md')).slug).toBe('collision-2');
    const handMade = await services.db
      .selectFrom('news')
      .selectAll()
      .where('slug', '=', 'collision')
      .executeTakeFirstOrThrow();
    expect(handMade).toMatchObject({ title: 'Saisie à la main', source: null, status: 'draft' });
  });

  it('keeps a hostile body as written, and it renders without script', async () => {
    const news = await newsBySource('jekyll:2024-05-20-contenu-hostile.md');
    const html = renderMarkdown(news.body);
    expect(html).toContain('Texte encadré gardé.');
    expect(html).toContain('<a href="https://example.org/" target="_blank" rel="noopener noreferrer">un lien sûr</a>');
    expect(html).not.toMatch(/<script|onerror|onclick|onload|javascript:|<iframe|<svg|style=/i);
  });

  it('audits every import with the import-posts actor, and the audit chain stays intact', async () => {
    expect(await importAuditCount()).toBe(7);
    const event = await services.db
      .selectFrom('audit_events')
      .selectAll()
      .where('actor_label', '=', 'import-posts')
      .orderBy('seq')
      .executeTakeFirstOrThrow();
    expect(event).toMatchObject({ actor_id: null, action: 'news.imported', subject_type: 'news' });
    expect((await verifyAuditChain(services.db)).problems).toEqual([]);
  });

  it('imports nothing new and changes nothing on a second run', async () => {
    const before = await services.db.selectFrom('news').select(['id', 'updated_at']).orderBy('id').execute();
    const attachmentsBefore = await services.db.selectFrom('news_attachments').select('id').orderBy('id').execute();
    t.clock.advance(60_000);
    const { code, out } = await runCommand([folder]);
    expect(code).toBe(0);
    expect(out.filter((l) => l.endsWith(': unchanged'))).toHaveLength(7);
    expect(out.at(-1)).toBe('total: 11 files — 0 imported, 0 updated, 7 unchanged, 4 skipped');
    expect(await services.db.selectFrom('news').select(['id', 'updated_at']).orderBy('id').execute()).toEqual(before);
    expect(await services.db.selectFrom('news_attachments').select('id').orderBy('id').execute()).toEqual(
      attachmentsBefore,
    );
    expect(await importAuditCount()).toBe(7);
  });

  it('updates the news item of a changed file in place, keeping its slug and its status', async () => {
    const file = join(folder, '2024-01-10-ouverture-saison-3.md');
    const original = await newsBySource('jekyll:2024-01-10-ouverture-saison-3.md');
    // An editor unpublished it meanwhile: a re-import must not publish it again.
    await services.db.updateTable('news').set({ status: 'draft' }).where('id', '=', original.id).execute();
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text
        .replace(
          'title: "Ouverture de la saison 3 : déposez votre commun"',
          'title: "Saison 3 : les candidatures sont ouvertes"',
        )
        .replace(/- url: https:\/\/example\.org\/dossier-de-presse\.pdf\n {2}title: Dossier de presse\n/, '')
        .replace('tags: saison-3 communs candidatures', 'tags: [saison-3]'),
    );
    t.clock.advance(60_000);
    const { code, out } = await runCommand([folder]);
    expect(code).toBe(0);
    expect(out).toContain('2024-01-10-ouverture-saison-3.md: updated');
    expect(out.at(-1)).toBe('total: 11 files — 0 imported, 1 updated, 6 unchanged, 4 skipped');
    const updated = await newsBySource('jekyll:2024-01-10-ouverture-saison-3.md');
    expect(updated).toMatchObject({
      id: original.id,
      slug: 'ouverture-saison-3',
      title: 'Saison 3 : les candidatures sont ouvertes',
      tags: ['saison-3'],
      status: 'draft',
    });
    expect(updated.source_hash).not.toBe(original.source_hash);
    expect(new Date(updated.updated_at).getTime()).toBe(t.clock.now().getTime());
    expect((await attachmentsOf(updated.id)).map((a) => a.label)).toEqual([
      'reglement-saison-3.pdf',
      'Télécharger le communiqué',
      'Annexe technique',
    ]);
    const last = await services.db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(last).toMatchObject({ actor_label: 'import-posts', action: 'news.reimported', subject_id: original.id });
  });

  it('skips a file that is not UTF-8 and leaves the item of a file that became unreadable as it was', async () => {
    await writeFile(join(folder, '2024-08-01-latin1.md'), Buffer.from('---\ntitle: \xe9t\xe9\n---\nCorps\n', 'latin1'));
    const before = await newsBySource('jekyll:2024-02-03-format-iso.md');
    await writeFile(join(folder, '2024-02-03-format-iso.md'), '---\ntitle: [cassé\n---\n');
    const { code, out } = await runCommand([folder]);
    expect(code).toBe(0);
    expect(out).toContain('2024-08-01-latin1.md: skipped: not UTF-8 text');
    expect(out).toContainEqual(
      expect.stringMatching(/^2024-02-03-format-iso\.md: skipped: invalid YAML front matter at line 2/),
    );
    expect(await newsBySource('jekyll:2024-02-03-format-iso.md')).toEqual(before);
  });

  it.skipIf(!realPostsPresent)(
    'imports the real posts of the programme with their titles, dates, tags, categories, files and press contact',
    async () => {
      const { code, out } = await runCommand([realPosts]);
      expect(code).toBe(0);
      expect(out).toEqual([
        '2022-11-29-bilan-premiere-promotion.md: imported',
        '2023-04-14-saison-2-communs.md: imported',
        '2023-05-16-saison-2-premiers-laureats.md: imported',
        'total: 3 files — 3 imported, 0 updated, 0 unchanged, 0 skipped',
      ]);

      const bilan = await newsBySource('jekyll:2022-11-29-bilan-premiere-promotion.md');
      expect(bilan).toMatchObject({
        slug: 'bilan-premiere-promotion',
        title:
          "Accélérateur d'Initiatives Citoyennes : l’État dévoile le bilan de la première promotion son engagement.",
        status: 'published',
        categories: ['Communiqué de presse'],
        tags: ['Etalab', "Accélérateur d'initiatives citoyennes"],
        image_url: null,
        press_contact: {
          name: 'Floriane Beaudron',
          email: 'floriane.beaudron@modernisation.gouv.fr',
          phone: '06.10.60.41.19',
        },
      });
      expect(bilan.chapeau).toMatch(/^Favoriser et soutenir les initiatives des citoyens .* deuxième promotion\.$/);
      expect(new Date(bilan.published_at).toISOString()).toBe('2022-11-29T10:26:00.000Z');
      expect(await attachmentsOf(bilan.id)).toEqual([
        {
          label: 'Télécharger le communiqué de presse',
          url: '/uploads/CP_AIC_L_ETAT_DEVOILE_LE_BILAN_1ERE_PROMOTION.pdf',
          position: 0,
          file_id: null,
        },
      ]);

      const communs = await newsBySource('jekyll:2023-04-14-saison-2-communs.md');
      expect(communs).toMatchObject({
        slug: 'saison-2-communs',
        title: 'Accélérateur d’initiatives citoyennes : une 2e saison pour soutenir des « communs »',
        categories: ['Article'],
        tags: [],
        chapeau: null,
        image_url: '/uploads/2023_04_07_accelerateur-Initiatives-Citoyennes_article.jpg',
        press_contact: null,
      });
      expect(new Date(communs.published_at).toISOString()).toBe('2023-04-14T12:38:00.000Z');
      expect(await attachmentsOf(communs.id)).toEqual([]);
      const communsHtml = renderMarkdown(communs.body);
      expect(communsHtml).toContain("<h2>Un accompagnement sur mesure d'un an</h2>");
      expect(communsHtml).toContain(
        '<a href="https://citoyens.transformation.gouv.fr/" title="En savoir plus et postuler"><b>En savoir plus et postuler</b></a>',
      );
      expect(communsHtml).not.toMatch(/style=|<div/);

      const laureats = await newsBySource('jekyll:2023-05-16-saison-2-premiers-laureats.md');
      expect(laureats).toMatchObject({
        slug: 'saison-2-premiers-laureats',
        title: 'Accélérateur d’initiatives citoyennes : coup d’envoi de la saison 2 et de premiers lauréats annoncés',
        categories: ['Communiqué de presse'],
        tags: ["Accélérateur d'initiatives citoyennes", 'Etalab'],
      });
      expect(new Date(laureats.published_at).toISOString()).toBe('2023-05-16T08:18:00.000Z');
      expect(await attachmentsOf(laureats.id)).toEqual([
        {
          label: 'Télécharger le communiqué de presse',
          url: '/uploads/CP_ACCELERATEUR_INITIATIVES_CITOYENNES_SAISON_2_LAUREATS.pdf',
          position: 0,
          file_id: null,
        },
      ]);
      expect(renderMarkdown(laureats.body)).toContain('<strong>Open Food Facts</strong>');

      const again = await runCommand([realPosts]);
      expect(again.out.at(-1)).toBe('total: 3 files — 0 imported, 0 updated, 3 unchanged, 0 skipped');
    },
  );
});
