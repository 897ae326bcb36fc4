/**
 * A TCP proxy on loopback between a workstation and its queue that breaks the network the ways a
 * partner centre's link does: refuses connections (offline), resets them before or in the middle
 * of a request, delays bytes, and cuts a response after the queue sent it — that is, after the
 * queue committed whatever the request did, so only an idempotent retry keeps things exactly once.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export type Faults = {
  /** false: every connection is closed at once, as when the line is down. */
  up: boolean;
  /** Chance a new connection is reset before any byte goes through. */
  resetOnConnect: number;
  /** Chance a connection is reset after part of its first request went up. */
  resetMidRequest: number;
  /** Chance a connection is cut as the queue's answer starts to come back (after it committed). */
  cutResponse: number;
  /** Each chunk waits up to this long in each direction. */
  maxDelayMs: number;
};

export const CLEAN: Faults = {
  up: true,
  resetOnConnect: 0,
  resetMidRequest: 0,
  cutResponse: 0,
  maxDelayMs: 0,
};

export type FaultCounts = {
  connections: number;
  refused: number;
  resets: number;
  midRequest: number;
  cuts: number;
};

export type FaultProxy = {
  url: string;
  faults: Faults;
  counts: FaultCounts;
  set(faults: Partial<Faults>): void;
  /** Cuts every open connection (a cable pulled out), keeping the current faults. */
  dropAll(): void;
  close(): Promise<void>;
};

export async function startFaultProxy(
  upstream: string,
  options: { random?: () => number; faults?: Partial<Faults> } = {},
): Promise<FaultProxy> {
  const target = new URL(upstream);
  const random = options.random ?? Math.random;
  const faults: Faults = { ...CLEAN, ...options.faults };
  const counts: FaultCounts = { connections: 0, refused: 0, resets: 0, midRequest: 0, cuts: 0 };
  const open = new Set<Socket>();

  const delay = (send: () => void) => {
    if (faults.maxDelayMs <= 0) send();
    else setTimeout(send, Math.floor(random() * faults.maxDelayMs));
  };

  const server: Server = createServer((client) => {
    counts.connections += 1;
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (!faults.up) {
      counts.refused += 1;
      client.destroy();
      return;
    }
    if (random() < faults.resetOnConnect) {
      counts.resets += 1;
      client.resetAndDestroy();
      return;
    }
    // Dice are rolled for each request (the first chunk after an answer), as keep-alive connections carry many.
    let inRequest = false;
    let cutMidRequest = false;
    let cutResponse = false;
    const queue = connect(Number(target.port), target.hostname);
    open.add(queue);
    queue.on('close', () => {
      open.delete(queue);
      client.destroy();
    });
    queue.on('error', () => client.destroy());
    client.on('close', () => queue.destroy());
    // Bytes are forwarded in order: each waits for the one before it.
    let upChain = Promise.resolve();
    let downChain = Promise.resolve();
    client.on('data', (chunk: Buffer) => {
      if (!inRequest) {
        inRequest = true;
        cutMidRequest = random() < faults.resetMidRequest;
        cutResponse = random() < faults.cutResponse;
      }
      upChain = upChain.then(
        () =>
          new Promise<void>((resolve) =>
            delay(() => {
              if (cutMidRequest && chunk.length > 1) {
                counts.midRequest += 1;
                queue.write(chunk.subarray(0, Math.floor(chunk.length / 2)), () => {
                  client.resetAndDestroy();
                  queue.destroy();
                });
                resolve();
                return;
              }
              if (!queue.destroyed) queue.write(chunk);
              resolve();
            }),
          ),
      );
    });
    queue.on('data', (chunk: Buffer) => {
      inRequest = false;
      if (cutResponse) {
        // The queue has answered: it committed. The workstation never hears it.
        counts.cuts += 1;
        client.resetAndDestroy();
        queue.destroy();
        return;
      }
      downChain = downChain.then(
        () =>
          new Promise<void>((resolve) =>
            delay(() => {
              if (!client.destroyed) client.write(chunk);
              resolve();
            }),
          ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));

  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    faults,
    counts,
    set: (next) => Object.assign(faults, next),
    dropAll: () => {
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
