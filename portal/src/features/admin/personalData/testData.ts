import type { FinancingPart, FoundProducer, NetworksPart, PersonalDataRead, ReportingPart } from './personalDataApi';

export const rosa: FoundProducer = {
  id: '40000000-0000-7000-8000-000000000001', dni: '41234567', firstNames: 'Rosa', lastNames: 'Quispe Mamani', gender: 'Female',
  birthYear: 1984, districtCode: '211101', regionCode: 'PE-PUN', isActive: true, version: '1',
};

const lakeNetwork = '50000000-0000-7000-8000-000000000001';
const quinoaNetwork = '50000000-0000-7000-8000-000000000002';

export function networksPart(producer: Partial<NetworksPart['producer']> = {}): NetworksPart {
  return {
    service: 'networks',
    producer: {
      id: rosa.id, dni: rosa.dni, firstNames: rosa.firstNames, lastNames: rosa.lastNames, gender: 'Female', birthYear: 1984, districtCode: '211101',
      districtName: 'Juliaca', regionCode: 'PE-PUN', phone: '951000111', consentGiven: true, consentDate: '2026-01-15', isActive: true, registeredBy: null,
      createdAt: '2026-01-15T14:00:00Z', updatedAt: '2026-01-15T14:00:00Z', version: '1', erasedAt: null, consentWithdrawnOn: null,
      ...producer,
    },
    incomes: [{ id: '60000000-0000-7000-8000-000000000001', kind: 'Baseline', measuredOn: '2026-02-01', annualNetIncomePen: 4800, recordedBy: null }],
    memberships: [
      { networkId: lakeNetwork, networkName: 'Red Lago Sagrado', joinedOn: '2026-02-01', leftOn: null, leftReason: null, leadsNow: true },
      { networkId: quinoaNetwork, networkName: 'Red Quinua Real', joinedOn: '2026-02-10', leftOn: '2026-03-01', leftReason: 'Se mudó', leadsNow: false },
      { networkId: lakeNetwork, networkName: 'Red Lago Sagrado', joinedOn: '2025-06-01', leftOn: '2025-09-01', leftReason: null, leadsNow: false },
    ],
    leaderHistory: [{ networkId: lakeNetwork, networkName: 'Red Lago Sagrado', on: '2026-02-05', became: true, recordedAt: '2026-02-05T15:00:00Z' }],
    phaseChanges: [],
    evidence: [
      {
        file: { id: '70000000-0000-7000-8000-000000000001', networkId: lakeNetwork, fileName: 'acta-rosa-quispe.pdf', contentType: 'application/pdf', size: 1024, uploadedAt: '2026-02-06T15:00:00Z', uploadedByName: 'Ana' },
        phaseChangeId: null, monitoringRecordId: '80000000-0000-7000-8000-000000000001', monitoringPeriod: '2026-02-01', contentUrl: '/api/evidence/70000000-0000-7000-8000-000000000001/content',
      },
    ],
  };
}

export const financingPart: FinancingPart = {
  service: 'financing',
  producerId: rosa.id,
  planLines: [
    { planId: '90000000-0000-7000-8000-000000000001', planTitle: 'Plan piloto Lago Sagrado', networkId: lakeNetwork, planStatus: 'Approved', position: 2, category: 'Training', description: 'Pasantía de Rosa Quispe Mamani', quantity: 1, unitCostPen: 800, amountPen: 800 },
  ],
};

export const reportingPart: ReportingPart = {
  service: 'reporting',
  producer: { id: rosa.id, regionCode: 'PE-PUN', gender: 'Female', birthYear: 1984, isActive: true, registeredMonth: '2026-01-01', pseudonymousDniHash: true, dniHashKeyVersion: 'v1', countedAsPerson: true },
};

export function read(overrides: Partial<PersonalDataRead> = {}): PersonalDataRead {
  return {
    id: 'a0000000-0000-7000-8000-000000000001', at: '2026-03-02T15:30:00Z', actorId: '20000000-0000-7000-8000-000000000009', actorName: 'Ana Admin',
    action: 'ProducerOpened', producerId: rosa.id, query: null, rows: null, correlationId: 'c-1',
    ...overrides,
  };
}
