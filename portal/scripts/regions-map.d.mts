// Types of regions-map.mjs for the portal's tests.
export const departmentRegions: Record<string, string>;
export function dissolve(geometries: unknown[]): [number, number][][];
export function buildRegionsMap(
  departments: unknown,
  lima: unknown,
): { source: string; width: number; height: number; regions: Record<string, string> };
