import { connect } from 'node:net';

export interface UnreadUploadResult {
  /** The answer's status, or 0 when none came. */
  status: number;
  /** The answer's head (status line and headers), lower-cased. */
  head: string;
  /** Body bytes handed to the socket before the answer came (or the sending stopped). */
  sent: number;
  /** Body bytes the request declared. */
  declared: number;
}

/**
 * Sends a multipart POST of `parts` file parts of `partBytes` each to a listening server, as a
 * hostile client would, chunk by chunk, and stops as soon as the answer arrives, the server stops
 * reading (no drain for 2 s) or `capBytes` were sent. What was sent by then tells how much of the
 * body the server read before it answered: a server that refuses unread answers after a few
 * socket buffers, not after the 400 MB.
 */
export async function sendUnreadUpload(options: {
  port: number;
  path: string;
  cookie?: string;
  parts: number;
  partBytes: number;
  capBytes: number;
  field?: string;
  /** The form's CSRF token, sent as the first part as a browser sends it. */
  csrf?: string;
}): Promise<UnreadUploadResult> {
  const boundary = '----hostileupload7d1c';
  const partHead = (i: number) =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${options.field ?? 'photos'}"; filename="f${i}.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const tail = Buffer.from(`--${boundary}--\r\n`);
  const token =
    options.csrf === undefined
      ? Buffer.alloc(0)
      : Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${options.csrf}\r\n`);
  const declared = token.length + options.parts * (partHead(0).length + options.partBytes + 2) + tail.length;
  const socket = connect({ port: options.port, host: '127.0.0.1' });
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  let head = '';
  let received = '';
  let closed = false;
  let wake: () => void = () => {};
  socket.on('data', (data: Buffer) => {
    received += data.toString('latin1');
    if (!head && received.includes('\r\n\r\n')) head = received.slice(0, received.indexOf('\r\n\r\n')).toLowerCase();
    wake();
  });
  socket.on('error', () => {
    closed = true;
    wake();
  });
  socket.on('close', () => {
    closed = true;
    wake();
  });
  const headers = [
    `POST ${options.path} HTTP/1.1`,
    'Host: 127.0.0.1',
    `Content-Type: multipart/form-data; boundary=${boundary}`,
    `Content-Length: ${declared}`,
    ...(options.cookie ? [`Cookie: ${options.cookie}`] : []),
    '',
    '',
  ].join('\r\n');
  socket.write(headers);
  socket.write(token);
  let sent = token.length;
  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  const stop = () => Boolean(head) || closed || sent >= options.capBytes;
  outer: for (let i = 0; i < options.parts; i++) {
    const pieces = [partHead(i)];
    for (let left = options.partBytes; left > 0; left -= chunk.length)
      pieces.push(left >= chunk.length ? chunk : chunk.subarray(0, left));
    pieces.push(Buffer.from('\r\n'));
    for (const piece of pieces) {
      if (stop()) break outer;
      sent += piece.length;
      if (!socket.write(piece)) {
        await Promise.race([new Promise<void>((resolve) => socket.once('drain', resolve)), wait(2000)]);
        if (socket.writableNeedDrain && !head) break outer; // the server stopped reading
      }
    }
  }
  if (!stop()) socket.write(tail);
  if (!head && !closed) await wait(5000);
  socket.destroy();
  const status = Number(/^http\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0);
  return { status, head, sent, declared };
}
