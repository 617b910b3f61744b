import type { Role, User } from '../../shared/session/session';
import type { Network, Plan, PlanSummary, Programme } from './queries';

export { page } from '../../test/render';

export const specialistId = '99999999-0000-0000-0000-000000000001';

export const user = (roles: Role[] = ['Specialist'], id = specialistId): User => ({
  id, name: 'Rosa Quispe', email: 'rosa@gore.pe', roles, tenant: { id: 't', slug: 'gore-puno', name: 'GORE Puno' }, language: 'es',
});

/** A tenant programme: S/ 2,000 max per plan, 30 % minimum from the network, S/ 1,500 left to commit, from phase 2, quinoa only. */
export const ownProgramme = (overrides: Partial<Programme> = {}): Programme => ({
  id: '33333333-0000-0000-0000-000000000001', isNational: false, isPublic: false, name: 'Fondo Puno Emprende', funder: 'GORE Puno', totalBudgetPen: 500000,
  startsOn: '2026-01-01', endsOn: '2027-12-31', maxProgrammeFundsPerPlanPen: 2000, minNetworkContributionShare: 0.3,
  eligibleValueChains: ['quinoa'], eligibleRegions: [], minPhase: 2, committedPen: 498500, disbursedPen: 0, remainingPen: 1500,
  budgetRemains: false, tenantCommittedPen: null, tenantDisbursedPen: null, closedAt: null, ...overrides,
});

/** A national programme as a tenant reads it: its own part and whether a full plan still fits, not the programme's totals. */
export const nationalProgramme = (overrides: Partial<Programme> = {}): Programme => ({
  ...ownProgramme(), id: '33333333-0000-0000-0000-000000000002', isNational: true, name: 'Procompite Andino', funder: 'PRODUCE',
  maxProgrammeFundsPerPlanPen: 120000, committedPen: null, disbursedPen: null, remainingPen: null, budgetRemains: true, eligibleValueChains: [],
  tenantCommittedPen: 0, tenantDisbursedPen: 0, ...overrides,
});

export const network = (overrides: Partial<Network> = {}): Network => ({
  id: '77777777-0000-0000-0000-000000000001', name: 'Red Quinua Cabana', valueChainCode: 'quinoa', regionCode: 'PE-PUN', specialistId,
  phase: 'PilotBusinessPlan', womenLed: true, legalForm: 'Association', formedOn: '2026-03-01', memberCount: 18, version: '1', ...overrides,
});

export const plan = (overrides: Partial<Plan> = {}): Plan => ({
  id: '55555555-0000-0000-0000-000000000001', title: 'Planta de secado de quinua', networkId: network().id, programmeId: ownProgramme().id,
  objectives: 'Secar y vender quinua lavada.', status: 'Submitted',
  lines: [{ category: 'Equipment', description: 'Secadora solar', quantity: 1, unitCostPen: 2000, amountPen: 2000, programmeFundsPen: 1400, networkCashPen: 400, networkInKindPen: 200 }],
  totalPen: 2000, programmeFundsPen: 1400, networkCashPen: 400, networkInKindPen: 200, networkContributionPen: 600, networkContributionShare: 0.3,
  disbursedPen: 0, contributedCashPen: 0, contributedInKindPen: 0,
  history: [
    { fromStatus: null, toStatus: 'Draft', actorId: specialistId, actorName: 'Rosa Quispe', comment: null, at: '2026-11-20T15:00:00Z' },
    { fromStatus: 'Draft', toStatus: 'Submitted', actorId: specialistId, actorName: 'Rosa Quispe', comment: null, at: '2026-11-21T15:00:00Z' },
  ],
  disbursements: [], contributions: [], ...overrides,
});

export const summary = (overrides: Partial<PlanSummary> = {}): PlanSummary => ({
  id: plan().id, title: plan().title, networkId: network().id, programmeId: ownProgramme().id, status: 'Submitted', totalPen: 2000,
  programmeFundsPen: 1400, networkContributionPen: 600, disbursedPen: 0, ...overrides,
});
