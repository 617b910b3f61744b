import { programmeSchema, programmeValues, type ProgrammeValues } from './programmeSchema';
import { programme } from './testing';

const valid: ProgrammeValues = {
  name: 'Procompite Andino', funder: 'PRODUCE', totalBudgetPen: '1,500,000.00', maxProgrammeFundsPerPlanPen: '120000',
  minSharePercent: '30', startsOn: '2026-01-15', endsOn: '2027-12-31', minPhase: '2', eligibleValueChains: ['quinoa'], eligibleRegions: [],
  isPublic: false,
};

function issuesOf(values: ProgrammeValues): Record<string, string> {
  const result = programmeSchema.safeParse(values);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [String(issue.path[0]), issue.message]));
}

describe('the programme form schema', () => {
  it('turns the typed values into the request: amounts as numbers, the share as a fraction, the phase as a number', () => {
    expect(programmeSchema.parse(valid)).toEqual({
      name: 'Procompite Andino', funder: 'PRODUCE', totalBudgetPen: 1500000, maxProgrammeFundsPerPlanPen: 120000,
      minNetworkContributionShare: 0.3, startsOn: '2026-01-15', endsOn: '2027-12-31', minPhase: 2, eligibleValueChains: ['quinoa'], eligibleRegions: [],
      isPublic: false,
    });
    expect(programmeSchema.parse({ ...valid, minSharePercent: '12.55' }).minNetworkContributionShare).toBe(0.1255);
  });

  it('refuses money with three decimals, negative or zero, and a share of 100 % or more', () => {
    expect(issuesOf({ ...valid, totalBudgetPen: '1000.505' })).toEqual({ totalBudgetPen: 'national:validation.money' });
    expect(issuesOf({ ...valid, totalBudgetPen: '-5' })).toEqual({ totalBudgetPen: 'national:validation.money' });
    expect(issuesOf({ ...valid, maxProgrammeFundsPerPlanPen: '0' })).toEqual({ maxProgrammeFundsPerPlanPen: 'national:validation.moneyPositive' });
    expect(issuesOf({ ...valid, minSharePercent: '100' })).toEqual({ minSharePercent: 'national:validation.share' });
    expect(issuesOf({ ...valid, minSharePercent: '-1' })).toEqual({ minSharePercent: 'national:validation.share' });
    expect(issuesOf({ ...valid, minSharePercent: '0' })).toEqual({});
  });

  it('refuses a per-plan maximum above the budget and an end before the start', () => {
    expect(issuesOf({ ...valid, maxProgrammeFundsPerPlanPen: '2000000' })).toEqual({ maxProgrammeFundsPerPlanPen: 'national:validation.maxAboveBudget' });
    expect(issuesOf({ ...valid, endsOn: '2025-12-31' })).toEqual({ endsOn: 'national:validation.datesOrder' });
    expect(issuesOf({ ...valid, endsOn: valid.startsOn })).toEqual({});
  });

  it('gives a published programme back as form values that parse to the same rules', () => {
    const published = programme({ minNetworkContributionShare: 0.1255 });
    const request = programmeSchema.parse(programmeValues(published));
    expect(request.minNetworkContributionShare).toBe(0.1255);
    expect(request.totalBudgetPen).toBe(1500000);
    expect(request.eligibleValueChains).toEqual(['quinoa', 'alpaca-fibre']);
  });
});
