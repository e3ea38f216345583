export const PACKAGE_NAME = '@hopscope/instrumentation';
