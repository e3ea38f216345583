// Fails fast when the package scripts are not running on the Node 22 that the `node` dev
// dependency brings (pnpm puts node_modules/.bin first on PATH for scripts).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(`Hopscope needs Node >= 22.12, but this is ${process.version}. Run the scripts through pnpm so the node@22 dev dependency is used.`);
  process.exit(1);
}
