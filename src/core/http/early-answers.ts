import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** Unread body bytes drained (at most, and for at most LINGER_MS) after an early answer. */
const LINGER_BYTES = 4 * 1024 * 1024;
const LINGER_MS = 2000;

/**
 * Closing a socket with unread bytes in it sends a reset, which makes the sender (a browser still
 * uploading) drop the answer it was sent. So after an early answer the socket half-closes, drains
 * a bounded amount for a bounded time (letting the sender read the answer and stop), then closes.
 */
function lingerBeforeClose(socket: Socket | null | undefined): void {
  if (!socket) return;
  socket.destroySoon = function lingeringClose(this: Socket) {
    this.end();
    let drained = 0;
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.on('data', (chunk: Buffer) => {
      drained += chunk.length;
      if (drained > LINGER_BYTES) this.destroy();
    });
    this.once('close', () => clearTimeout(timer));
  };
}

/**
 * An answer sent before the body was read (refused before the handler, or a multipart read stopped at its
 * limit) closes the connection: Node would otherwise read and drop the rest of the body to reuse it, up to
 * the whole 400 MB an anonymous sender chose to send.
 */
export function closeAfterEarlyAnswers(app: FastifyInstance): void {
  // With `done`, not async: it runs on every answer and, nearly always, has nothing to do.
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.raw.complete === false) {
      reply.header('connection', 'close');
      lingerBeforeClose(request.raw.socket);
    }
    done(null, payload);
  });
}
