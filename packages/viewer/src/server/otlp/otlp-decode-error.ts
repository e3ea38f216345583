const MARKER = Symbol.for('hopscope.viewer.OtlpDecodeError');

/**
 * An OTLP body the receiver cannot decode, with the path of the bad field (`where`).
 *
 * @example
 * throw new OtlpDecodeError('resourceSpans[0].scopeSpans', 'expected an array');
 */
export class OtlpDecodeError extends Error {
  readonly [MARKER] = true;
  readonly where: string;

  constructor(where: string, problem: string) {
    super(where ? `${where}: ${problem}` : problem);
    this.name = 'OtlpDecodeError';
    this.where = where;
  }

  static is(value: unknown): value is OtlpDecodeError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
