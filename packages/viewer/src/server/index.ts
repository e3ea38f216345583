export const PACKAGE_NAME = '@hopscope/viewer';
