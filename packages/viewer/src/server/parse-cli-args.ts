import { parseArgs } from 'node:util';

/** The `hopscope` command line, parsed. */
export interface CliOptions {
  readonly port: number;
  readonly host: string;
  readonly db: string;
  readonly grpcPort: number;
  readonly maxBytes: number | undefined;
  readonly demo: boolean;
  readonly allowRemote: boolean;
  readonly help: boolean;
}

/** A command line the CLI cannot run; the message says what to fix. */
export class CliUsageError extends Error {
  readonly option: string | undefined;
  constructor(message: string, option?: string) {
    super(message);
    this.name = 'CliUsageError';
    this.option = option;
  }
}

export const CLI_USAGE = `Usage: hopscope [options]

  --port <n>          OTLP/HTTP, UI and API port (default 4318)
  --host <addr>       bind address (default 127.0.0.1)
  --allow-remote      allow a non-loopback --host (traces hold prompts)
  --db <path>         data directory or .db file (default .hopscope)
  --grpc-port <n>     OTLP/gRPC port (default 4317)
  --max-bytes <size>  store byte cap, e.g. 536870912, 512MB, 2GB (default 1GB)
  --demo              also run the live fallback demo against this viewer
  -h, --help          show this help
`;

const parsePort = (text: string | undefined, fallback: number, option: string): number => {
  if (text === undefined) return fallback;
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) throw new CliUsageError(`--${option} must be a port number 0-65535, got "${text}"`, option);
  return port;
};

const UNITS: Record<string, number> = { '': 1, B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4, KIB: 1024, MIB: 1024 ** 2, GIB: 1024 ** 3, TIB: 1024 ** 4 };

/**
 * A byte size like `1048576`, `512MB` or `2GiB`.
 *
 * @example
 * parseByteSize('512MB'); // 536870912
 */
export function parseByteSize(text: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(text.trim());
  const unit = UNITS[(match?.[2] ?? 'x').toUpperCase()];
  if (!match || unit === undefined) throw new CliUsageError(`--max-bytes must be a size like 536870912, 512MB or 2GB, got "${text}"`, 'max-bytes');
  const bytes = Math.floor(Number(match[1]) * unit);
  if (bytes < 1024 * 1024) throw new CliUsageError(`--max-bytes must be at least 1MB, got "${text}"`, 'max-bytes');
  return bytes;
}

/**
 * The CLI flags; unknown flags and bad values throw CliUsageError.
 *
 * @example
 * parseCliArgs(['--port', '5000', '--demo']);
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  let values;
  try {
    values = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'grpc-port': { type: 'string' },
        'max-bytes': { type: 'string' },
        demo: { type: 'boolean', default: false },
        'allow-remote': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const host = values.host ?? '127.0.0.1';
  if (host.trim() === '') throw new CliUsageError('--host must not be empty', 'host');
  const db = values.db ?? '.hopscope';
  if (db.trim() === '') throw new CliUsageError('--db must not be empty (a directory for the data, default .hopscope)', 'db');
  return {
    port: parsePort(values.port, 4318, 'port'),
    host,
    db,
    grpcPort: parsePort(values['grpc-port'], 4317, 'grpc-port'),
    maxBytes: values['max-bytes'] === undefined ? undefined : parseByteSize(values['max-bytes']),
    demo: values.demo ?? false,
    allowRemote: values['allow-remote'] ?? false,
    help: values.help ?? false,
  };
}
