// Bundles the UI (src/) and Chart.js into one script for the api jar's static resources:
// node build.mjs [outdir]; Maven passes target/classes/static. No CDN: the page works offline.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const out = resolve(process.argv[2] || '../../../target/classes/static');
mkdirSync(join(out, 'assets'), { recursive: true });
await esbuild.build({
  entryPoints: ['src/main.js'],
  bundle: true,
  minify: true,
  sourcemap: false,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  outfile: join(out, 'assets', 'app.js'),
  legalComments: 'linked',
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));
copyFileSync('src/app.css', join(out, 'assets', 'app.css'));
console.log('vigil ui built into ' + out);
