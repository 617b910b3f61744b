/** One field of a conflict: my queued value beside the server's, and whether they differ. */
export interface FieldComparison {
  field: string;
  mine: unknown;
  theirs: unknown;
  differs: boolean;
}

/** Server-kept fields that are not mine to compare (bookkeeping). */
const bookkeeping = new Set(['id', 'version', 'createdAt', 'updatedAt', 'registeredBy']);

/**
 * The fields my write sets, each with the server's current value. Only my body's fields are compared: they are what
 * "Mantener mis cambios" would send.
 */
export function compareVersions(mine: unknown, theirs: unknown): FieldComparison[] {
  if (!isRecord(mine)) return [];
  const server = isRecord(theirs) ? theirs : {};
  return Object.keys(mine)
    .filter((field) => !bookkeeping.has(field))
    .map((field) => ({ field, mine: mine[field], theirs: server[field], differs: !sameValue(mine[field], server[field]) }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/** Equal as the user would read them: null and absent alike, numbers by value ("12.50" = 12.5). */
export function sameValue(a: unknown, b: unknown): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(a) && blank(b)) return true;
  if ((typeof a === 'number' || typeof b === 'number') && !blank(a) && !blank(b) && Number(a) === Number(b)) return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
