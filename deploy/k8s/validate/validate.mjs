// Validates Kubernetes objects against the API's JSON schemas (kubernetes-models: the schemas of Kubernetes' OpenAPI
// document, checked with ajv). Reads a JSON array of objects on stdin; validate.sh renders and converts deploy/k8s.
import { readFileSync } from "node:fs";

const objects = JSON.parse(readFileSync(0, "utf8"));
let failures = 0;
for (const object of objects) {
  const name = `${object.kind}/${object.metadata?.name}`;
  const [group, version] = object.apiVersion.includes("/") ? object.apiVersion.split("/") : [null, object.apiVersion];
  const module = await import(`kubernetes-models/${group ? `${group}/` : ""}${version}`);
  const Model = module[object.kind];
  if (!Model) {
    console.error(`INVALID ${name}: ${object.apiVersion} has no kind ${object.kind}`);
    failures++;
    continue;
  }
  try {
    new Model(object).validate();
    console.log(`valid   ${name} (${object.apiVersion})`);
  } catch (error) {
    console.error(`INVALID ${name}: ${error.message}`);
    failures++;
  }
}
console.log(`${objects.length - failures} of ${objects.length} objects valid`);
process.exit(failures ? 1 : 0);
