import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';

/**
 * The EICAR anti-malware test file, built from parts so that this source file is not itself
 * flagged by a scanner on a developer's machine.
 */
export const EICAR = Buffer.from(
  ['X5O!P%@AP[4\\PZX54(P^)7CC)7}$', 'EICAR-STANDARD-ANTIVIRUS-', 'TEST-FILE!$H+H*'].join(''),
  'latin1',
);

export type FakeClamdBehaviour =
  /** Reads the whole stream and answers like clamd. */
  | 'normal'
  /** Closes the connection after the first chunk, without a reply. */
  | 'close-early'
  /** Reads everything and never answers. */
  | 'hang';

export interface FakeClamd {
  url: string;
  port: number;
  /** Chunk sizes received, per connection, in order (the terminator not included). */
  streams: number[][];
  behaviour: FakeClamdBehaviour;
  close(): Promise<void>;
}

/**
 * A real TCP server implementing clamd's INSTREAM (z- and n-prefixed commands) and PING. It flags
 * any stream containing the EICAR test string as `Eicar-Test-Signature`, and answers
 * `INSTREAM size limit exceeded. ERROR` then closes when a stream exceeds `maxStreamBytes`, as clamd does.
 */
export async function startFakeClamd(
  options: { maxStreamBytes?: number; behaviour?: FakeClamdBehaviour } = {},
): Promise<FakeClamd> {
  const maxStreamBytes = options.maxStreamBytes ?? 25 * 1024 * 1024;
  const sockets = new Set<Socket>();
  const state: FakeClamd = {
    url: '',
    port: 0,
    streams: [],
    behaviour: options.behaviour ?? 'normal',
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    handleConnection(socket, state, maxStreamBytes);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.port = (server.address() as AddressInfo).port;
  state.url = `tcp://127.0.0.1:${state.port}`;
  return state;
}

function handleConnection(socket: Socket, state: FakeClamd, maxStreamBytes: number): void {
  let buffer = Buffer.alloc(0);
  let terminator: '\0' | '\n' | null = null;
  let streaming = false;
  const chunks: Buffer[] = [];
  const sizes: number[] = [];
  let received = 0;
  let answered = false;
  state.streams.push(sizes);

  const reply = (text: string, close = true) => {
    answered = true;
    socket.write(text + (terminator ?? '\0'));
    if (close) socket.end();
  };

  socket.on('data', (bytes: Buffer) => {
    if (answered) return;
    buffer = Buffer.concat([buffer, bytes]);
    if (!streaming) {
      const end = buffer.findIndex((byte) => byte === 0 || byte === 10);
      if (end < 0) return;
      const command = buffer.subarray(0, end).toString('latin1');
      terminator = buffer[end] === 0 ? '\0' : '\n';
      buffer = buffer.subarray(end + 1);
      const name = command.replace(/^[zn]/, '');
      if (name === 'PING') return reply('PONG');
      if (name !== 'INSTREAM') return reply('UNKNOWN COMMAND');
      streaming = true;
    }
    while (buffer.length >= 4) {
      const length = buffer.readUInt32BE(0);
      if (length === 0) {
        const data = Buffer.concat(chunks);
        if (state.behaviour === 'hang') {
          answered = true;
          return;
        }
        return reply(data.includes(EICAR) ? 'stream: Eicar-Test-Signature FOUND' : 'stream: OK');
      }
      if (buffer.length < 4 + length) return;
      chunks.push(Buffer.from(buffer.subarray(4, 4 + length)));
      sizes.push(length);
      received += length;
      buffer = buffer.subarray(4 + length);
      if (state.behaviour === 'close-early') {
        socket.destroy();
        return;
      }
      if (received > maxStreamBytes) return reply('INSTREAM size limit exceeded. ERROR');
    }
  });
}
