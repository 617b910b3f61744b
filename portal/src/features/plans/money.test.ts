import { formatMoney, formatPercent } from '../../shared/format/format';
import { checksOf, lineFigures, newLine, splitOf, toRequestLines, type LineValues } from './budget';
import { centsOf, centsText, lineAmount, meetsShare, minimumContribution, parseCents, parseHundredths, shareOf } from './money';
import type { Network, Programme } from './queries';

describe('céntimos arithmetic', () => {
  it('parses typed soles into whole céntimos, with es-PE thousands commas', () => {
    expect(parseCents('1,024,000.5')).toBe(102_400_050);
    expect(parseCents('0.1')).toBe(10);
    expect(parseCents('0.07')).toBe(7);
    expect(parseCents('12')).toBe(1200);
  });

  it('refuses what the service refuses: a third decimal, negatives, text, empty', () => {
    for (const text of ['1.005', '-3', 'abc', '', '1.2.3', '1e5']) expect(parseCents(text)).toBeNull();
  });

  it('adds 0.1 + 0.2 as 0.30 exactly (no float error)', () => {
    expect(parseCents('0.1')! + parseCents('0.2')!).toBe(parseCents('0.3'));
    expect(centsText(parseCents('0.1')! + parseCents('0.2')!)).toBe('0.30');
  });

  it('multiplies quantity × unit cost rounding half away from zero to céntimos', () => {
    expect(lineAmount(parseHundredths('2.5')!, parseCents('0.01')!)).toBe(3); // 0.025 → 0.03
    expect(lineAmount(parseHundredths('1.5')!, parseCents('0.03')!)).toBe(5); // 0.045 → 0.05
    expect(lineAmount(parseHundredths('3')!, parseCents('19.99')!)).toBe(5997);
  });

  it('keeps 12-digit amounts exact where doubles would not', () => {
    expect(lineAmount(parseHundredths('999999.99')!, parseCents('999999.99')!)).toBe(99_999_998_000_000); // 999,999,980,000.0001 → .00
  });

  it('reads API numbers and decimal strings into céntimos', () => {
    expect(centsOf(1024000.1)).toBe(102_400_010);
    expect(centsOf('0.29')).toBe(29);
    expect(centsOf(null)).toBe(0);
  });

  it('compares the network share exactly, as the service does', () => {
    expect(meetsShare(30_00, 100_00, 0.3)).toBe(true);
    expect(meetsShare(29_99, 100_00, 0.3)).toBe(false);
    expect(meetsShare(1, 3, 0.3333)).toBe(true);
    expect(meetsShare(0, 0, 0)).toBe(false);
    expect(minimumContribution(100_01, 0.3)).toBe(30_01); // 3000.3 céntimos, rounded up
    expect(shareOf(35_00, 115_00)).toBeCloseTo(0.3043, 4);
  });
});

const line = (overrides: Partial<LineValues>): LineValues => ({
  ...newLine(), category: 'Equipment', description: 'Secadora solar', quantity: '2', unitCost: '1500', programme: '2000', cash: '500', inKind: '500', ...overrides,
});

describe('lines and the co-financing split', () => {
  it('totals the lines and splits them between the programme and the network', () => {
    const lines = [line({}), line({ quantity: '1', unitCost: '1000.10', programme: '0.1', cash: '', inKind: '1000' })].map(lineFigures);
    expect(lines.map((l) => l.problems)).toEqual([[], []]);
    expect(splitOf(lines)).toEqual({ total: 400_010, programme: 200_010, cash: 50_000, inKind: 150_000, network: 200_000, share: 200_000 / 400_010 });
  });

  it('says a line whose parts do not add up to its amount, and by how much', () => {
    const figures = lineFigures(line({ programme: '2000', cash: '500', inKind: '0' }));
    expect(figures.problems).toEqual(['split']);
    expect(figures.unassigned).toBe(500_00);
  });

  it('names the missing parts of an incomplete line', () => {
    expect(lineFigures(line({ category: '', description: 'x', quantity: '0', unitCost: '1.234' })).problems).toEqual(['category', 'description', 'quantity', 'unitCost']);
  });

  it('sends soles with two decimals at most, empty parts as zero', () => {
    expect(toRequestLines([line({ quantity: '1.5', unitCost: '1,000.10', programme: '1500.15', cash: '', inKind: '' })])).toEqual([
      { category: 'Equipment', description: 'Secadora solar', quantity: 1.5, unitCostPen: 1000.1, programmeFundsPen: 1500.15, networkCashPen: 0, networkInKindPen: 0 },
    ]);
  });
});

describe('the programme rules', () => {
  const programme = {
    id: 'p', isNational: false, isPublic: false, name: 'Fondo propio', funder: 'GORE', totalBudgetPen: 500000, startsOn: '2026-01-01', endsOn: '2027-12-31',
    maxProgrammeFundsPerPlanPen: 2000, minNetworkContributionShare: 0.3, eligibleValueChains: ['quinoa'], eligibleRegions: [], minPhase: 2,
    committedPen: 498500, disbursedPen: 0, remainingPen: 1500, budgetRemains: false, tenantCommittedPen: null, tenantDisbursedPen: null, closedAt: null,
  } satisfies Programme;
  const check = (lines: LineValues[], network: Pick<Network, 'phase' | 'valueChainCode' | 'regionCode'> = { phase: 'PilotBusinessPlan', valueChainCode: 'quinoa', regionCode: 'PE-PUN' }, seen: Programme = programme) => {
    const figures = lines.map(lineFigures);
    return Object.fromEntries(checksOf({ lines: figures, split: splitOf(figures), programme: seen, network, networkId: 'n', money: (c) => formatMoney(c / 100), percent: formatPercent }).map((c) => [c.key, c.ok]));
  };

  it('passes a plan within every rule', () => {
    expect(check([line({ quantity: '1', unitCost: '2000', programme: '1400', cash: '600', inKind: '' })])).toEqual({
      open: true, lines: true, phase: true, valueChain: true, minShare: true, maxPerPlan: true, remaining: true,
    });
  });

  it('fails each rule on its own', () => {
    expect(check([line({ quantity: '1', unitCost: '2000', programme: '1401', cash: '599', inKind: '' })]).minShare).toBe(false);
    expect(check([line({ quantity: '1', unitCost: '3000', programme: '2001', cash: '999', inKind: '' })]).maxPerPlan).toBe(false);
    expect(check([line({ quantity: '1', unitCost: '3000', programme: '1501', cash: '1499', inKind: '' })]).remaining).toBe(false);
    expect(check([line({})], { phase: 'PromotionAndSelection', valueChainCode: 'cuy', regionCode: 'PE-PUN' })).toMatchObject({ phase: false, valueChain: false });
  });

  it('leaves what is left to the national unit when the institution may not see it (ADR 0025)', () => {
    const hidden = { ...programme, isNational: true, committedPen: null, disbursedPen: null, remainingPen: null, tenantCommittedPen: 0, tenantDisbursedPen: 0 };
    const network = { phase: 'PilotBusinessPlan', valueChainCode: 'quinoa', regionCode: 'PE-PUN' } as const;
    expect(check([line({ quantity: '1', unitCost: '3000', programme: '1501', cash: '1499', inKind: '' })], network, hidden)).not.toHaveProperty('remaining');
  });
});
