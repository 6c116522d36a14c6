import type { FastifyReply, FastifyRequest } from 'fastify';
import { sendErrorPage } from './error-pages.js';
import { httpMessages } from './errors.js';

/** Sends a page rendered for this person only: never stored by a browser or proxy. */
export function html(reply: FastifyReply, status: number, body: JSX.Element): FastifyReply {
  return reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'private, no-store').send(body);
}

/** The DSFR 404 page, in the visitor's language. */
export function notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendErrorPage(request, reply, 404, httpMessages.notFoundTitle, httpMessages.notFoundText);
}
