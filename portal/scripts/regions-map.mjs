// Converts the INEI boundaries in geo/ (CC BY 4.0, see geo/LICENSE) into the portal's region layer as projected SVG
// paths: the 24 departments and Callao by their code, with department 15 split into Lima Metropolitana (province 1501)
// and Lima Provincias (provinces 1502-1510 dissolved into one shape), as services/BuildingBlocks/Peru/Regions.cs does.

/** Department code (INEI) of each platform region; Lima (15) is split by province below. */
export const departmentRegions = {
  '01': 'PE-AMA', '02': 'PE-ANC', '03': 'PE-APU', '04': 'PE-ARE', '05': 'PE-AYA', '06': 'PE-CAJ', '07': 'PE-CAL',
  '08': 'PE-CUS', '09': 'PE-HUV', '10': 'PE-HUC', '11': 'PE-ICA', '12': 'PE-JUN', '13': 'PE-LAL', '14': 'PE-LAM',
  '16': 'PE-LOR', '17': 'PE-MDD', '18': 'PE-MOQ', '19': 'PE-PAS', '20': 'PE-PIU', '21': 'PE-PUN', '22': 'PE-SAM',
  '23': 'PE-TAC', '24': 'PE-TUM', '25': 'PE-UCA',
};

// Equirectangular, true to scale at Peru's middle latitude; one unit is 0.01° of latitude (about 1.1 km).
const scale = 100;
const middle = (-9.2 * Math.PI) / 180;

const polygonsOf = (geometry) => (geometry.type === 'MultiPolygon' ? geometry.coordinates : [geometry.coordinates]);

const signedArea = (ring) => ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i][0] * y - x * ring[i][1]), 0) / 2;

/** Rings with exteriors anticlockwise and holes clockwise, so a border two shapes share runs in opposite directions. */
function orientedRings(geometry) {
  return polygonsOf(geometry).flatMap((polygon) =>
    polygon.map((ring, i) => {
      const anticlockwise = signedArea(ring) > 0;
      return anticlockwise === (i === 0) ? ring : [...ring].reverse();
    }),
  );
}

/**
 * The outline of several shapes that meet along shared borders: every edge that also occurs reversed (a border
 * between two of them) is dropped, and what is left is chained into closed rings.
 */
export function dissolve(geometries) {
  const key = ([x, y]) => `${x},${y}`;
  const edges = geometries.flatMap((geometry) =>
    orientedRings(geometry).flatMap((ring) => ring.slice(1).map((point, i) => [ring[i], point])),
  );
  const present = new Map();
  for (const [a, b] of edges) present.set(`${key(a)}>${key(b)}`, (present.get(`${key(a)}>${key(b)}`) ?? 0) + 1);
  const outer = edges.filter(([a, b]) => !present.has(`${key(b)}>${key(a)}`) && key(a) !== key(b));
  const from = new Map();
  for (const edge of outer) {
    const list = from.get(key(edge[0])) ?? [];
    list.push(edge);
    from.set(key(edge[0]), list);
  }
  const rings = [];
  for (const start of outer) {
    if (start.used) continue;
    const ring = [start[0]];
    let edge = start;
    while (edge && !edge.used) {
      edge.used = true;
      ring.push(edge[1]);
      edge = (from.get(key(edge[1])) ?? []).find((next) => !next.used);
    }
    if (ring.length > 3) rings.push(ring);
  }
  // A border the two sources simplified differently leaves a thin closed sliver inside the outline; no real part of
  // the outline (the provinces have no islands) is a thousandth of the largest ring's area.
  const largest = Math.max(...rings.map((ring) => Math.abs(signedArea(ring))));
  return rings.filter((ring) => Math.abs(signedArea(ring)) > largest / 1000);
}

function project([lon, lat], origin) {
  return [Math.round((lon - origin[0]) * Math.cos(middle) * scale), Math.round((origin[1] - lat) * scale)];
}

/** An SVG path: absolute start, then relative integer steps (compact), each ring closed. */
function pathOf(rings, origin) {
  return rings
    .map((ring) => {
      const points = ring.map((point) => project(point, origin)).filter((p, i, all) => i === 0 || p[0] !== all[i - 1][0] || p[1] !== all[i - 1][1]);
      if (points.length < 4) return '';
      const steps = points.slice(1, -1).map((p, i) => `${p[0] - points[i][0]} ${p[1] - points[i][1]}`);
      return `M${points[0][0]} ${points[0][1]}l${steps.join(' ')}z`;
    })
    .join('');
}

export function buildRegionsMap(departments, lima) {
  const [west, south, east, north] = departments.bbox;
  const origin = [west, north];
  const width = Math.ceil((east - west) * Math.cos(middle) * scale);
  const height = Math.ceil((north - south) * scale);
  const regions = {};
  for (const feature of departments.features) {
    const code = departmentRegions[feature.id];
    if (code) regions[code] = pathOf(orientedRings(feature.geometry), origin);
  }
  const province = (id) => lima.features.find((f) => f.id === id);
  // Callao from the provinces file: the same simplification as Lima Metropolitana, so their shared border matches.
  regions['PE-CAL'] = pathOf(orientedRings(province('0701').geometry), origin);
  regions['PE-LMA'] = pathOf(orientedRings(province('1501').geometry), origin);
  const provinces = lima.features.filter((f) => /^15(0[2-9]|10)$/.test(f.id));
  if (provinces.length !== 9) throw new Error(`expected Lima's provinces 1502-1510, found ${provinces.length}`);
  regions['PE-LIM'] = pathOf(dissolve(provinces.map((f) => f.geometry)), origin);
  const ordered = Object.fromEntries(Object.keys(regions).sort().map((code) => [code, regions[code]]));
  return {
    source: 'INEI, IDE-INEI 2023 (CC BY 4.0), via lincolneulogio/peru-geojson; see LICENSE.txt',
    width,
    height,
    regions: ordered,
  };
}
