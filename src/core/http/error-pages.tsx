import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Message, t } from '../i18n/i18n.js';
import { Page } from '../ui/layout.js';
import { httpMessages as m } from './errors.js';
import { plainViewContext } from './request-context.js';

function wantsJson(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') || (request.headers.accept ?? '').includes('application/json');
}

/** Answers an error as a DSFR page (or JSON for API clients), in the visitor's language. */
export function sendErrorPage(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  title: Message,
  text: Message,
  params?: Record<string, string | number>,
): FastifyReply {
  const locale = request.locale ?? 'fr';
  if (wantsJson(request)) {
    return reply.status(status).send({ statusCode: status, error: t(locale, title), message: t(locale, text, params) });
  }
  const ctx = plainViewContext(request);
  const html = (
    <Page ctx={ctx} title={t(locale, title)}>
      <div class="fr-container fr-my-7w">
        <h1 safe>{t(locale, title)}</h1>
        <p class="fr-text--lead" safe>
          {t(locale, text, params)}
        </p>
        <p class="fr-text--sm">
          Erreur {status} / Error {status}
        </p>
        <a class="fr-btn" href="/" safe>
          {t(locale, m.backHome)}
        </a>
      </div>
    </Page>
  );
  return reply.status(status).type('text/html; charset=utf-8').send(html);
}
