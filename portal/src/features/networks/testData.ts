import type { Role } from '../../shared/session/session';
import type { EvidenceSummary, MonitoringRecordDto, NetworkDetails, PhaseChangeDto, ProducerSummary } from './api';

export const specialistId = '11111111-1111-4111-8111-111111111111';
export const networkId = '22222222-2222-4222-8222-222222222222';

export const userWith = (roles: Role[], id = specialistId) => ({
  id, name: 'Rosa Huamán', email: 'rosa@x.pe', roles, tenant: { id: 't', slug: 'agro', name: 'Agro Rural' }, language: 'es',
});

export const member = (id: string, fullName: string, isLeader = false, gender: 'Female' | 'Male' = 'Female') => ({
  producerId: id, fullName, gender, joinedOn: '2026-03-01', isLeader,
});

export function network(overrides: Partial<NetworkDetails> = {}): NetworkDetails {
  const members = [member('p1', 'Juana Quispe', true), member('p2', 'Pedro Mamani', false, 'Male')];
  return {
    id: networkId, name: 'Red Cuyes de Chota', valueChainCode: 'cuy', regionCode: 'PE-CAJ', specialistId, specialistName: 'Rosa Huamán',
    formedOn: '2026-03-01', legalForm: 'Informal', ruc: null, phase: 'PromotionAndSelection', womenLed: true, leader: members[0]!,
    members, memberCount: 2, femaleMemberCount: 1, phaseHistory: [], createdAt: '2026-03-01T10:00:00Z', updatedAt: '2026-03-01T10:00:00Z',
    version: '7', ...overrides,
  };
}

export const evidence = (id: string, fileName: string, contentType = 'image/jpeg'): EvidenceSummary => ({
  id, networkId, fileName, contentType, size: 1000, uploadedAt: '2026-04-02T10:00:00Z', uploadedByName: 'Rosa Huamán',
});

export const phaseChange = (overrides: Partial<PhaseChangeDto> = {}): PhaseChangeDto => ({
  fromPhase: 'Preparation', toPhase: 'PromotionAndSelection', on: '2026-04-02', actorId: specialistId, actorName: 'Rosa Huamán',
  evidence: 'Acta de constitución firmada', evidenceFiles: [evidence('e1', 'acta.jpg'), evidence('e2', 'asistencia.pdf', 'application/pdf')], documentUrl: null, reason: null,
  recordedAt: '2026-04-02T10:00:00Z', ...overrides,
});

export const record = (period: string, overrides: Partial<MonitoringRecordDto> = {}): MonitoringRecordDto => ({
  period, salesPen: 12500.5, volume: 800, volumeUnit: 'kg', productivity: 2.5, productivityUnit: 'kg/cuy', postHarvestPractices: ['Selección'],
  marketChannels: ['Feria de Chota'], averageMemberNetIncomePen: 950, createdAt: `${period}T10:00:00Z`, updatedAt: `${period}T10:00:00Z`,
  version: 'v3', evidence: [], ...overrides,
});

export const producer = (id: string, firstNames: string, lastNames: string): ProducerSummary => ({
  id, dni: '40000000', firstNames, lastNames, gender: 'Female', birthYear: 1980, districtCode: '060401', regionCode: 'PE-CAJ', isActive: true, version: '1',
});

export { page } from '../../test/render';
