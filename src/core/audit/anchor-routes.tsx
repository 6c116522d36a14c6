import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { plainViewContext } from '../http/request-context.js';
import { defineMessages, formatDateTime, t } from '../i18n/i18n.js';
import type { Services } from '../services.js';
import { DataTable } from '../ui/components.js';
import { Page } from '../ui/layout.js';
import { formatPublishedHead, listAuditAnchors } from './anchors.js';

const m = defineMessages({
  title: { fr: 'Empreintes du journal d’audit', en: 'Audit log fingerprints' },
  intro: {
    fr: 'Chaque modification faite sur la plateforme est inscrite dans un journal dont chaque ligne est liée à la précédente par une empreinte (SHA-256). L’empreinte de la dernière ligne est publiée ici chaque jour : gardez-en une copie. Si des lignes étaient un jour effacées en fin de journal, la commande « accelerateur audit verify --head <valeur> » le détecterait à partir de la valeur que vous avez gardée.',
    en: 'Every change made on the platform is written in a log whose lines are each linked to the previous one by a fingerprint (SHA-256). The fingerprint of the last line is published here every day: keep a copy. Should lines ever be deleted at the end of the log, the command “accelerateur audit verify --head <value>” would detect it from the value you kept.',
  },
  caption: { fr: 'Empreintes publiées, la plus récente en premier', en: 'Published fingerprints, newest first' },
  day: { fr: 'Jour (UTC)', en: 'Day (UTC)' },
  events: { fr: 'Nombre d’évènements', en: 'Number of events' },
  head: { fr: 'Valeur à garder', en: 'Value to keep' },
  publishedAt: { fr: 'Publiée le', en: 'Published on' },
  none: {
    fr: 'Aucune empreinte publiée pour l’instant : la première le sera cette nuit.',
    en: 'No fingerprint published yet: the first one will be tonight.',
  },
  json: { fr: 'Les mêmes données en JSON', en: 'The same data as JSON' },
});

/** One published head of the audit chain, as /transparence/journal.json lists them. */
const PublishedAnchor = Type.Object({
  day: Type.String({ description: 'Day (UTC) the head was published for, YYYY-MM-DD' }),
  seq: Type.Integer({ description: 'Sequence number of the last event of the log at that time' }),
  hash: Type.String({ description: 'SHA-256 of that event, chained to every previous one (hex)' }),
  head: Type.String({ description: 'The value to keep: `seq:hash`, as `accelerateur audit verify --head` reads it' }),
  publishedAt: Type.String({ format: 'date-time' }),
});

/** The public page and JSON of the audit chain's daily heads (anchors.ts says why they are published). */
export async function registerAuditAnchorRoutes(app: FastifyInstance, services: Services): Promise<void> {
  app.get('/transparence/journal', { config: { permission: 'public' } }, async (request, reply) => {
    const anchors = await listAuditAnchors(services.db);
    const ctx = plainViewContext(request);
    const { locale } = ctx;
    const html = (
      <Page ctx={ctx} title={t(locale, m.title)}>
        <div class="fr-container fr-my-7w">
          <h1 safe>{t(locale, m.title)}</h1>
          <p safe>{t(locale, m.intro)}</p>
          {anchors.length === 0 ? (
            <p safe>{t(locale, m.none)}</p>
          ) : (
            <DataTable
              caption={t(locale, m.caption)}
              columns={[t(locale, m.day), t(locale, m.events), t(locale, m.head), t(locale, m.publishedAt)]}
            >
              {anchors.map((a) => (
                <tr>
                  <td safe>{a.day}</td>
                  <td safe>{String(a.seq)}</td>
                  <td>
                    <code safe>{formatPublishedHead(a)}</code>
                  </td>
                  <td safe>{formatDateTime(locale, a.publishedAt)}</td>
                </tr>
              ))}
            </DataTable>
          )}
          <p>
            <a class="fr-link" href="/transparence/journal.json" safe>
              {t(locale, m.json)}
            </a>
          </p>
        </div>
      </Page>
    );
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(html);
  });

  app.get(
    '/transparence/journal.json',
    {
      schema: {
        summary: 'Published heads of the audit log',
        description:
          'The daily fingerprints of the hash-chained audit log, newest first (the last 60 days). Keep a copy: ' +
          'should lines ever be deleted at the end of the log, `accelerateur audit verify --head <head>` detects it.',
        tags: ['transparency'],
        response: { 200: Type.Array(PublishedAnchor) },
      },
      config: { permission: 'public', openapi: true },
    },
    async (_request, reply) => {
      const anchors = await listAuditAnchors(services.db);
      return reply.header('cache-control', 'no-cache').send(
        anchors.map((a) => ({
          day: a.day,
          seq: a.seq,
          hash: a.hash,
          head: formatPublishedHead(a),
          publishedAt: a.publishedAt.toISOString(),
        })),
      );
    },
  );
}
