/** The records an offline edit can conflict on: the PUT's path is also where the record is read. */
export type RecordPath =
  | `/api/producers/${string}`
  | `/api/networks/${string}`
  | `/api/networks/${string}/monitoring/${string}`;

const recordPaths = [/^\/api\/producers\/[^/]+$/, /^\/api\/networks\/[^/]+$/, /^\/api\/networks\/[^/]+\/monitoring\/[^/]+$/];
const notRecords = new Set(['/api/producers/import', '/api/producers/export', '/api/networks/my-work']);

/** GET path of the record a write changes (producer, network, monitoring record), or null for other writes. */
export function recordPathOf(path: string): RecordPath | null {
  const clean = path.split('?')[0] ?? path;
  if (notRecords.has(clean)) return null;
  return recordPaths.some((pattern) => pattern.test(clean)) ? (clean as RecordPath) : null;
}

/** An If-Match value: the version as a quoted entity tag (the ETag header already is; a body's `version` is not). */
export function entityTag(version: string): string {
  return /^(W\/)?".*"$/.test(version) ? version : `"${version}"`;
}

/** The version of a record read fresh: its ETag, else the `version` in its body. */
export function versionOf(etag: string | null, body: unknown): string | undefined {
  if (etag) return etag;
  if (body && typeof body === 'object' && 'version' in body) {
    const version = (body as { version: unknown }).version;
    if (typeof version === 'string' || typeof version === 'number') return String(version);
  }
  return undefined;
}
