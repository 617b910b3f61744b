import type { OrgUnit, OrgUnitKind } from '../api';

export interface OrgUnitNode {
  unit: OrgUnit;
  children: OrgUnitNode[];
}

/** The flat list as a forest: units without a (known) parent are roots; siblings keep the list's (name) order. */
export function buildTree(units: readonly OrgUnit[]): OrgUnitNode[] {
  const nodes = new Map(units.map((unit) => [unit.id, { unit, children: [] as OrgUnitNode[] }]));
  const roots: OrgUnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId ? nodes.get(node.unit.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A unit and everything under it: none of these can become its parent. */
export function selfAndDescendants(units: readonly OrgUnit[], id: string): Set<string> {
  const found = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && found.has(unit.parentId) && !found.has(unit.id)) {
        found.add(unit.id);
        grew = true;
      }
    }
  }
  return found;
}

/** What usually hangs under a unit: agencies under a directorate, offices under an agency. */
export function childKindOf(parent: OrgUnitKind | undefined): OrgUnitKind {
  if (!parent) return 'DireccionZonal';
  return parent === 'DireccionZonal' ? 'AgenciaZonal' : 'Sede';
}
