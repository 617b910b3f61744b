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
console.log(`map of ${Object.keys(map.regions).length} regions written (${JSON.stringify(map).length} bytes)`);
