import { page } from '../../test/render';
import type { District, Producer, ProducerSummary } from './api';

export { page };

export const regionList = [
  { code: 'PE-CUS', name: 'Cusco', departmentCode: '08' },
  { code: 'PE-PUN', name: 'Puno', departmentCode: '21' },
];

const district = (code: string, name: string, provinceName: string, regionCode = 'PE-PUN', departmentName = 'Puno'): District =>
  ({ code, reniecCode: code, name, provinceName, departmentName, regionCode });

export const punoDistricts: District[] = [
  district('210101', 'Puno', 'Puno'),
  district('210102', 'Acora', 'Puno'),
  district('211101', 'Juliaca', 'San Román'),
  district('211104', 'Cabanillas', 'San Román'),
];
export const cuscoDistricts: District[] = [district('080101', 'Cusco', 'Cusco', 'PE-CUS', 'Cusco')];

export const specialistId = '30000000-0000-7000-8000-000000000001';

export function producer(overrides: Partial<Producer> = {}): Producer {
  return {
    id: '40000000-0000-7000-8000-000000000001', dni: '41234567', firstNames: 'Rosa', lastNames: 'Quispe Mamani', gender: 'Female',
    birthYear: 1980, districtCode: '211101', districtName: 'Juliaca', regionCode: 'PE-PUN', phone: '951 234 567', consentGiven: true,
    consentDate: '2026-03-02', isActive: true, registeredBy: specialistId, createdAt: '2026-03-02T15:00:00Z', updatedAt: '2026-03-02T15:00:00Z',
    version: '7', erasedAt: null, consentWithdrawnOn: null, ...overrides,
  };
}

export function summary(overrides: Partial<ProducerSummary> = {}): ProducerSummary {
  const { id, dni, firstNames, lastNames, gender, birthYear, districtCode, regionCode, isActive, version } = producer();
  return { id, dni, firstNames, lastNames, gender, birthYear, districtCode, regionCode, isActive, version, ...overrides };
}

export const userWith = (roles: string[], id = specialistId) =>
  ({ id, name: 'Luis Condori', email: 'luis@x.pe', roles, tenant: { id: 't', slug: 'gore-puno', name: 'GORE Puno' }, language: 'es' });

/** The places API answering by region, as Networks does. */
export const placeRoutes = {
  'GET /api/places/regions': () => Response.json(regionList),
  'GET /api/places/districts': (request: Request) => {
    const region = new URL(request.url).searchParams.get('region');
    return Response.json(page(region === 'PE-CUS' ? cuscoDistricts : region === 'PE-PUN' ? punoDistricts : []));
  },
};

export function lastQuery(calls: Request[], path: string): Record<string, string> {
  const call = calls.filter((request) => new URL(request.url).pathname === path).at(-1);
  return call ? Object.fromEntries(new URL(call.url).searchParams) : {};
}
