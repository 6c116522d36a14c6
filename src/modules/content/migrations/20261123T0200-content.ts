import { type Kysely, sql } from 'kysely';

/** Public site content: editorial pages, news items and their attachments. */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table pages (
      id uuid primary key default gen_random_uuid(),
      slug text unique not null,
      title text not null,
      title_en text,
      body text not null default '',
      body_en text,
      status text not null default 'draft' check (status in ('draft', 'published')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create table news (
      id uuid primary key default gen_random_uuid(),
      slug text unique not null,
      title text not null,
      title_en text,
      chapeau text,
      chapeau_en text,
      body text not null default '',
      body_en text,
      published_at timestamptz not null,
      categories text[] not null default '{}',
      tags text[] not null default '{}',
      image_url text,
      image_alt text,
      press_contact jsonb,
      status text not null default 'draft' check (status in ('draft', 'published')),
      source text unique,
      source_hash text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index news_tags on news using gin (tags);
    create index news_categories on news using gin (categories);
    create index news_status_published on news (status, published_at desc);
    create table news_attachments (
      id uuid primary key default gen_random_uuid(),
      news_id uuid not null references news(id) on delete cascade,
      label text not null,
      url text not null,
      file_id uuid references files(id) on delete set null,
      position int not null default 0
    );
    create index news_attachments_news on news_attachments (news_id, position);
    create index news_attachments_file on news_attachments (file_id);
  `.execute(db);
}
