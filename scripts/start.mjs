// `npm start`: builds the web app once if it is missing, then runs the server in this same process, so the
// PID that npm starts is the server and Ctrl-C / SIGTERM reach it directly.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join, resolve } from 'node:path';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const webDist = resolve(root, process.env.WEB_DIST_DIR ?? 'dist/web');

if (!existsSync(join(webDist, 'index.html'))) {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  if (!existsSync(vite)) {
    console.error('The web app is not built and Vite is not installed. Run `npm install` (or `npm ci && npm run build`) first.');
    process.exit(1);
  }
  console.log('Building the web app (first start only)…');
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const { register } = await import('tsx/esm/api');
register();
const { stopWithParent } = await import(join(root, 'src', 'server', 'lib', 'stop-with-parent.ts'));
stopWithParent();
await import(join(root, 'src', 'server', 'main.ts'));
