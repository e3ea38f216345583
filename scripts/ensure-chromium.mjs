// Makes sure Debian's Chromium is at /usr/bin/chromium for the Playwright specs and the UI
// benchmarks. We never let a tool download a browser: the only source is the Debian package.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const CHROMIUM = '/usr/bin/chromium';

function run(command, args) {
  console.log(`ensure-chromium: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) return `${command} could not start: ${result.error.message}`;
  if (result.status !== 0) return `${command} ${args.join(' ')} exited with status ${result.status}`;
  return null;
}

if (!existsSync(CHROMIUM)) {
  const failure =
    run('apt-get', ['update']) ?? run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (failure !== null || !existsSync(CHROMIUM)) {
    console.error(
      `ensure-chromium: ${CHROMIUM} is missing and could not be installed (${failure ?? 'package installed no binary there'}).\n` +
        'Install it by hand as root: apt-get update && apt-get install -y --no-install-recommends chromium',
    );
    process.exit(1);
  }
}
console.log(`ensure-chromium: ${CHROMIUM} is present`);
