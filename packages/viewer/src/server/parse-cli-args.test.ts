import { describe, expect, it } from 'vitest';
import { CliUsageError, parseByteSize, parseCliArgs } from './parse-cli-args.js';

describe('parseCliArgs', () => {
  it('defaults to loopback, 4318/4317 and .hopscope', () => {
    expect(parseCliArgs([])).toEqual({ port: 4318, host: '127.0.0.1', db: '.hopscope', grpcPort: 4317, maxBytes: undefined, demo: false, allowRemote: false, help: false });
  });

  it('reads every flag', () => {
    expect(parseCliArgs(['--port', '0', '--host', '0.0.0.0', '--allow-remote', '--db', 'x.db', '--grpc-port', '5000', '--max-bytes', '2GB', '--demo'])).toMatchObject({
      port: 0, host: '0.0.0.0', allowRemote: true, db: 'x.db', grpcPort: 5000, maxBytes: 2 * 1024 ** 3, demo: true,
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a port/],
    [['--grpc-port', '70000'], /--grpc-port must be a port/],
    [['--max-bytes', 'lots'], /--max-bytes must be a size/],
    [['--bogus'], /bogus/],
    [['stray'], /stray|positional/i],
    [['--db', ''], /--db must not be empty/],
    [['--db', '  '], /--db must not be empty/],
  ])('%j is a usage error', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it.each([['1048576', 1048576], ['512MB', 512 * 1024 ** 2], ['1.5GiB', 1.5 * 1024 ** 3]])('parseByteSize(%s)', (text, bytes) => {
    expect(parseByteSize(text)).toBe(bytes);
  });
});
