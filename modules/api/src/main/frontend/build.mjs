// Bundles the UI (src/) and Chart.js into one script for the api jar's static resources:
// node build.mjs [outdir]; Maven passes target/classes/static. No CDN: the page works offline.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The output is resolved against the caller's directory; the sources against this file's, so the
// script runs from anywhere (Maven calls it from the module's directory).
const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] || join(here, '../../../target/classes/static'));
process.chdir(here);
mkdirSync(join(out, 'assets'), { recursive: true });
await esbuild.build({
  absWorkingDir: here,
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
