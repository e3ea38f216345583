/**
 * The instrumentation scope every tracer, meter and logger of this package uses.
 * The version is kept in step with package.json by `scope.test.ts`.
 */

/** Instrumentation scope name of all Hopscope spans, metrics and log records. @example trace.getTracer(INSTRUMENTATION_SCOPE_NAME, INSTRUMENTATION_SCOPE_VERSION) */
export const INSTRUMENTATION_SCOPE_NAME = '@hopscope/instrumentation';

/** This package's version, reported as the instrumentation scope version. @example INSTRUMENTATION_SCOPE_VERSION === '0.1.0' */
export const INSTRUMENTATION_SCOPE_VERSION = '0.1.0';
