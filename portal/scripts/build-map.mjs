// `npm run map`: regenerates public/geo/peru-regions.json (and its licence beside it) from the boundaries in geo/.
// The output is committed: the boundaries change once in years, and the build stays a pure TypeScript one.
import { readFile, writeFile, copyFile, mkdir } from 'node:fs/promises';
import { buildRegionsMap } from './regions-map.mjs';

const read = async (name) => JSON.parse(await readFile(new URL(`../geo/${name}`, import.meta.url), 'utf8'));
const target = new URL('../public/geo/', import.meta.url);
await mkdir(target, { recursive: true });
const map = buildRegionsMap(await read('peru-departamentos.geojson'), await read('peru-lima-provincias.geojson'));
await writeFile(new URL('peru-regions.json', target), `${JSON.stringify(map)}\n`);
await copyFile(new URL('../geo/LICENSE', import.meta.url), new URL('LICENSE.txt', target));
await writeFile(
  new URL('SOURCE.txt', target),
  [
    'peru-regions.json is derived from peru-departamentos.geojson and peru-lima-provincias.geojson (portal/geo/, see LICENSE.txt):',
    'INEI, IDE-INEI, actualización 2023, CC BY 4.0. Changes: projected (equirectangular at 9.2° S, 0.01° = 1 unit) and rounded to',
    'SVG paths; Lima Metropolitana is province 1501 and Callao province 0701 of the provinces file (a subset of the source);',
    'Lima Provincias is provinces 1502-1510 dissolved into one outline. Regenerate with `npm run map` (scripts/build-map.mjs).',
    '',
  ].join('\n'),
);
console.log(`map of ${Object.keys(map.regions).length} regions written (${JSON.stringify(map).length} bytes)`);
