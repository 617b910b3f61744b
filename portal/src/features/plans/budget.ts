import { phases } from '../../shared/format/phases';
import { centsText, lineAmount, meetsShare, minimumContribution, parseCents, parseHundredths, shareOf, sum, centsOf, soles, maxCents, type Cents } from './money';
import type { BudgetCategory, BudgetLineRequest, Network, Plan, Programme } from './queries';

/** One budget line as typed: quantity × unit cost, split between the programme, network cash and network in kind. */
export interface LineValues {
  /** Only for React's list keys; never sent. */
  key: string;
  category: BudgetCategory | '';
  description: string;
  quantity: string;
  unitCost: string;
  programme: string;
  cash: string;
  inKind: string;
}

export type LineProblem = 'category' | 'description' | 'quantity' | 'unitCost' | 'programme' | 'cash' | 'inKind' | 'split';

/** What a line adds up to, and what is wrong with it (empty when it is complete and splits its amount exactly). */
export interface LineFigures {
  amount: Cents;
  programme: Cents;
  cash: Cents;
  inKind: Cents;
  /** Amount minus the three parts: > 0 still to assign, < 0 assigned in excess. */
  unassigned: Cents;
  problems: LineProblem[];
}

let counter = 0;
export const newLine = (): LineValues => ({
  key: `line-${Date.now().toString(36)}-${(counter += 1)}`,
  category: '', description: '', quantity: '1', unitCost: '', programme: '', cash: '', inKind: '',
});

/** A part left empty counts as zero (a line is often paid by one party only); a typed part must be a valid amount. */
const part = (text: string): Cents | null => (text.trim() === '' ? 0 : parseCents(text));

export function lineFigures(line: LineValues): LineFigures {
  const problems: LineProblem[] = [];
  if (!line.category) problems.push('category');
  const description = line.description.trim().length;
  if (description < 2 || description > 500) problems.push('description');
  const quantity = parseHundredths(line.quantity);
  if (!quantity) problems.push('quantity');
  const unit = parseCents(line.unitCost);
  if (!unit) problems.push('unitCost');
  const programme = part(line.programme);
  const cash = part(line.cash);
  const inKind = part(line.inKind);
  if (programme === null) problems.push('programme');
  if (cash === null) problems.push('cash');
  if (inKind === null) problems.push('inKind');
  const amount = quantity && unit ? lineAmount(quantity, unit) : 0;
  const assigned = (programme ?? 0) + (cash ?? 0) + (inKind ?? 0);
  const unassigned = amount - assigned;
  if (amount > maxCents) problems.push('unitCost');
  if (amount > 0 && programme !== null && cash !== null && inKind !== null && unassigned !== 0) problems.push('split');
  return { amount, programme: programme ?? 0, cash: cash ?? 0, inKind: inKind ?? 0, unassigned, problems };
}

export interface Split {
  total: Cents;
  programme: Cents;
  cash: Cents;
  inKind: Cents;
  network: Cents;
  /** Network share of the total, 0–1, for display. */
  share: number;
}

/** The plan's totals and co-financing split from its lines, as the service recomputes them. */
export function splitOf(lines: readonly LineFigures[]): Split {
  const programme = sum(lines.map((l) => l.programme));
  const cash = sum(lines.map((l) => l.cash));
  const inKind = sum(lines.map((l) => l.inKind));
  const total = sum(lines.map((l) => l.amount));
  return { total, programme, cash, inKind, network: cash + inKind, share: shareOf(cash + inKind, total) };
}

export type CheckKey = 'lines' | 'programme' | 'network' | 'open' | 'phase' | 'valueChain' | 'region' | 'minShare' | 'maxPerPlan' | 'remaining';

/** One of the programme's rules against the plan as typed, with the figures its message names. */
export interface Check {
  key: CheckKey;
  ok: boolean;
  values: Record<string, string | number>;
}

interface CheckInput {
  lines: readonly LineFigures[];
  split: Split;
  programme: Programme | undefined;
  network: Pick<Network, 'phase' | 'valueChainCode' | 'regionCode'> | undefined;
  /** The chosen network's id, known even while the network itself is not in the list. */
  networkId: string;
  money: (cents: Cents) => string;
  percent: (share: number) => string;
}

/**
 * The programme's rules as the service applies them on approval (PlanWorkflow.ApprovalRefusal) and on drafting
 * (eligibility, closed programme), checked while the user types: network share ≥ minimum, programme funds ≤ the
 * per-plan maximum and ≤ what the programme has left to commit, when the caller may see it; plus every line complete and split exactly.
 */
export function checksOf({ lines, split, programme, network, networkId, money, percent }: CheckInput): Check[] {
  const broken = lines.flatMap((line, index) => (line.problems.length ? [index + 1] : []));
  const checks: Check[] = [
    { key: 'lines', ok: lines.length > 0 && broken.length === 0, values: { count: lines.length, lines: broken.join(', ') } },
  ];
  if (!programme) return [{ key: 'programme', ok: false, values: {} }, ...checks];
  checks.unshift({ key: 'open', ok: !programme.closedAt, values: { name: programme.name } });
  if (!networkId) checks.splice(1, 0, { key: 'network', ok: false, values: {} });
  if (network) {
    const phase = phases.indexOf(network.phase);
    checks.push({ key: 'phase', ok: phase >= Number(programme.minPhase), values: { phase: network.phase, minPhase: Number(programme.minPhase) } });
    if (programme.eligibleValueChains.length > 0)
      checks.push({ key: 'valueChain', ok: programme.eligibleValueChains.includes(network.valueChainCode), values: { code: network.valueChainCode } });
    if (programme.eligibleRegions.length > 0)
      checks.push({ key: 'region', ok: programme.eligibleRegions.includes(network.regionCode), values: { code: network.regionCode } });
  }
  const max = centsOf(programme.maxProgrammeFundsPerPlanPen);
  checks.push(
    {
      key: 'minShare',
      ok: meetsShare(split.network, split.total, programme.minNetworkContributionShare),
      values: {
        share: percent(split.share),
        min: percent(Number(programme.minNetworkContributionShare)),
        needed: money(minimumContribution(split.total, programme.minNetworkContributionShare)),
        network: money(split.network),
      },
    },
    { key: 'maxPerPlan', ok: split.programme <= max, values: { funds: money(split.programme), max: money(max) } },
  );
  // A national programme that is not public hides what is left (ADR 0025): the national unit checks it on approval.
  if (programme.remainingPen !== null) {
    const remaining = centsOf(programme.remainingPen);
    checks.push({ key: 'remaining', ok: split.programme <= remaining, values: { funds: money(split.programme), remaining: money(remaining) } });
  }
  return checks;
}

/** The lines as the API takes them: soles with at most two decimals, parts left empty sent as zero. */
export function toRequestLines(lines: readonly LineValues[]): BudgetLineRequest[] {
  return lines.map((line) => {
    const figures = lineFigures(line);
    return {
      category: line.category || null,
      description: line.description.trim(),
      quantity: (parseHundredths(line.quantity) ?? 0) / 100,
      unitCostPen: soles(parseCents(line.unitCost) ?? 0),
      programmeFundsPen: soles(figures.programme),
      networkCashPen: soles(figures.cash),
      networkInKindPen: soles(figures.inKind),
    };
  });
}

/** A saved plan's lines as the editor's values. */
export function linesOf(plan: Plan): LineValues[] {
  return plan.lines.map((line) => ({
    ...newLine(),
    category: line.category,
    description: line.description,
    quantity: centsText(Math.round(Number(line.quantity) * 100)).replace(/\.00$/, ''),
    unitCost: centsText(centsOf(line.unitCostPen)),
    programme: centsText(centsOf(line.programmeFundsPen)),
    cash: centsText(centsOf(line.networkCashPen)),
    inKind: centsText(centsOf(line.networkInKindPen)),
  }));
}

/** Whether a network may have a plan on a programme (its phase, chain and region), as the service checks on drafting. */
export function eligible(programme: Programme, network: Pick<Network, 'phase' | 'valueChainCode' | 'regionCode'>): boolean {
  return (
    phases.indexOf(network.phase) >= Number(programme.minPhase) &&
    (programme.eligibleValueChains.length === 0 || programme.eligibleValueChains.includes(network.valueChainCode)) &&
    (programme.eligibleRegions.length === 0 || programme.eligibleRegions.includes(network.regionCode))
  );
}
