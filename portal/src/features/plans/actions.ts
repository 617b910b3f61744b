import type { User } from '../../shared/session/session';
import { centsOf } from './money';
import { actsOnEverything, canDraftFor, type Network, type Plan, type Programme } from './queries';

export type PlanAction = 'edit' | 'approve' | 'reject' | 'return' | 'startExecution' | 'disburse' | 'contribute' | 'close';

/**
 * What the signed-in person may do with a plan now, as PlansApi allows it: the specialist of the network (or a
 * supervisor / admin) edits and submits drafts and returned plans and records contributions; supervisors and admins
 * decide submitted plans, start execution, disburse and close. Plans on a national programme are decided and paid by
 * the national unit: their tenant keeps only starting execution, contributions and closing.
 */
export function actionsFor(plan: Plan, programme: Programme | undefined, network: Network | undefined, user: User | null | undefined): PlanAction[] {
  const supervisor = actsOnEverything(user);
  const drafter = canDraftFor(user, network);
  const national = programme?.isNational ?? true; // unknown programme: offer nothing the national unit may own
  const actions: PlanAction[] = [];
  switch (plan.status) {
    case 'Draft':
    case 'Returned':
      if (drafter) actions.push('edit');
      break;
    case 'Submitted':
      if (supervisor && !national) actions.push('approve', 'return', 'reject');
      break;
    case 'Approved':
    case 'InExecution':
      if (supervisor && plan.status === 'Approved') actions.push('startExecution');
      if (supervisor && !national && centsOf(plan.disbursedPen) < centsOf(plan.programmeFundsPen)) actions.push('disburse');
      if (drafter) actions.push('contribute');
      if (supervisor && plan.status === 'InExecution') actions.push('close');
      break;
    default:
      break;
  }
  return actions;
}

export type DeskStage = 'notSubmitted' | 'waiting' | 'approved' | 'rejected' | 'returned';

/**
 * Where a plan on a national programme stands on the national unit's desk, read from the plan's own history (the
 * tenant cannot read the desk): its decisions are the only moves out of Submitted such a plan can take.
 */
export function deskStage(plan: Plan): { stage: DeskStage; decision?: Plan['history'][number] } {
  const decision = [...plan.history].reverse().find((step) => step.fromStatus === 'Submitted');
  switch (plan.status) {
    case 'Submitted':
      return { stage: 'waiting' };
    case 'Draft':
      return { stage: 'notSubmitted' };
    case 'Returned':
      return { stage: 'returned', decision };
    case 'Rejected':
      return { stage: 'rejected', decision };
    default:
      return { stage: 'approved', decision: [...plan.history].reverse().find((step) => step.toStatus === 'Approved') };
  }
}
