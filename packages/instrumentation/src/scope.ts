/**
 * The instrumentation scope every tracer, meter and logger of this package uses.
 * The version is kept in step with package.json by `scope.test.ts`.
 */

/** Instrumentation scope name of all Hopscope spans, metrics and log records. */
export const INSTRUMENTATION_SCOPE_NAME = '@hopscope/instrumentation';

/** This package's version, reported as the instrumentation scope version. */
export const INSTRUMENTATION_SCOPE_VERSION = '0.1.0';
