import type { Application, Programme, Review, Tenant } from './queries';

export { page } from '../../test/render';

export const application = (overrides: Partial<Application> = {}): Application => ({
  id: '11111111-1111-1111-1111-111111111111', institutionName: 'Gobierno Regional de Puno', kind: 'Public', ruc: '20406325815',
  regions: ['PE-PUN', 'PE-CUS'], slug: 'gore-puno', adminFullName: 'Rosa Quispe', adminEmail: 'rosa@regionpuno.gob.pe', status: 'Pending',
  submittedAt: '2026-11-20T15:00:00Z', decidedAt: null, decisionReason: null, tenantId: null, ...overrides,
});

export const tenant = (overrides: Partial<Tenant> = {}): Tenant => ({
  id: '22222222-2222-2222-2222-222222222222', slug: 'gore-puno', name: 'Gobierno Regional de Puno', kind: 'Public', ruc: '20406325815',
  regions: ['PE-PUN'], status: 'Active', activatedAt: '2026-11-21T10:00:00Z', suspendedAt: null, suspensionReason: null, requiresTwoFactor: false, ...overrides,
});

export const programme = (overrides: Partial<Programme> = {}): Programme => ({
  id: '33333333-3333-3333-3333-333333333333', isNational: true, isPublic: false, name: 'Procompite Andino', funder: 'PRODUCE', totalBudgetPen: 1500000,
  startsOn: '2026-01-15', endsOn: '2027-12-31', maxProgrammeFundsPerPlanPen: 120000, minNetworkContributionShare: 0.3,
  eligibleValueChains: ['quinoa', 'alpaca-fibre'], eligibleRegions: [], minPhase: 2, committedPen: 250000, disbursedPen: 100000,
  remainingPen: 1250000, budgetRemains: true, tenantCommittedPen: null, tenantDisbursedPen: null, closedAt: null, ...overrides,
});

export const review = (overrides: Partial<Review> = {}): Review => ({
  id: '44444444-4444-4444-4444-444444444444', planId: '55555555-5555-5555-5555-555555555555', tenantId: tenant().id,
  programmeId: programme().id, valueChainCode: 'quinoa', regionCode: 'PE-PUN', memberCount: 18, programmeFundsPen: 80000,
  networkCashPen: 20000, networkInKindPen: 15000, totalPen: 115000, disbursedPen: 30000, status: 'Approved',
  submittedAt: '2026-11-22T09:00:00Z', decidedAt: '2026-11-25T09:00:00Z', decidedBy: null, decidedByName: 'Ana Torres', comment: null,
  networkContributionPen: 35000, networkContributionShare: 0.3043, ...overrides,
});
