// Generates the typed API client's types from the services' OpenAPI documents committed in openapi/
// (refreshed from a running stack by scripts/fetch-openapi.sh). An API change that the portal does not follow
// then fails `tsc`, not the user.
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const services = ['tenants', 'networks', 'financing', 'reporting'];
const target = new URL('../src/shared/api/generated/', import.meta.url);
await mkdir(target, { recursive: true });

for (const service of services) {
  const document = JSON.parse(await readFile(new URL(`../openapi/${service}.json`, import.meta.url), 'utf8'));
  const ast = await openapiTS(document, { alphabetize: true });
  await writeFile(new URL(`${service}.ts`, target), `// Generated from openapi/${service}.json by scripts/generate-api.mjs. Do not edit.\n${astToString(ast)}`);
}
console.log(`api types generated for ${services.join(', ')}`);
