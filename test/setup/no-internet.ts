// Every test process refuses connections that leave the machine: a test that would reach the
// internet fails loudly instead of hanging or passing by luck. Loopback and Unix sockets stay open.
import net from 'node:net';

const LOOPBACK_NAMES = new Set(['localhost', '::1', '0:0:0:0:0:0:0:1', '[::1]']);

export function isLoopbackHost(host: string | undefined): boolean {
  if (host === undefined || host === '') return true; // Node defaults to localhost
  if (LOOPBACK_NAMES.has(host)) return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '::ffff:127.0.0.1';
}

type ConnectArgs = Parameters<net.Socket['connect']>;

function targetHost(args: unknown[]): string | undefined | null {
  const first = Array.isArray(args[0]) ? (args[0] as unknown[])[0] : args[0];
  if (typeof first === 'object' && first !== null) {
    const options = first as { host?: string; path?: string };
    if (typeof options.path === 'string') return null; // Unix socket / named pipe
    return options.host;
  }
  if (typeof first === 'string' && Number.isNaN(Number(first))) return null; // path
  return typeof args[1] === 'string' ? args[1] : undefined;
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function guardedConnect(this: net.Socket, ...args: unknown[]) {
  const host = targetHost(args);
  if (host !== null && !isLoopbackHost(host)) {
    throw new Error(`Test tried to reach ${host}: tests may only use loopback servers (test/setup/no-internet.ts).`);
  }
  return originalConnect.apply(this, args as ConnectArgs);
} as net.Socket['connect'];
