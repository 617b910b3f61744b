import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { regionName } from '../../../shared/format/regions';
import type { OrgUnit } from '../api';
import type { OrgUnitNode } from './tree';
import { UnitForm } from './UnitForm';

interface TreeProps {
  nodes: OrgUnitNode[];
  units: readonly OrgUnit[];
  tenantRegions: readonly string[];
  label: string;
  onSaved: (unit: OrgUnit, created: boolean) => void;
}

/**
 * The org units as nested lists. Each unit with dependents has a button that shows or hides them (aria-expanded;
 * Enter or Space toggles, → opens, ← closes), and each unit can get a dependent unit or be edited in place.
 */
export function OrgUnitTree({ nodes, label, ...shared }: TreeProps) {
  return (
    <ul className="tree" aria-label={label}>
      {nodes.map((node) => (
        <TreeItem key={node.unit.id} node={node} level={1} {...shared} />
      ))}
    </ul>
  );
}

type ItemProps = Omit<TreeProps, 'nodes' | 'label'> & { node: OrgUnitNode; level: number };

function TreeItem({ node, level, units, tenantRegions, onSaved }: ItemProps) {
  const { t } = useTranslation('admin');
  const { unit, children } = node;
  const [expanded, setExpanded] = useState(level === 1);
  const [editor, setEditor] = useState<'child' | 'edit'>();
  const groupId = useId();

  function onKey(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowRight' && !expanded) {
      event.preventDefault();
      setExpanded(true);
    } else if (event.key === 'ArrowLeft' && expanded) {
      event.preventDefault();
      setExpanded(false);
    }
  }

  return (
    <li className="tree-item">
      <div className="tree-row">
        {children.length > 0 ? (
          <button
            type="button"
            className="button secondary small tree-toggle"
            aria-expanded={expanded}
            aria-controls={groupId}
            aria-label={t('orgUnits.toggle', { name: unit.name })}
            onClick={() => setExpanded((open) => !open)}
            onKeyDown={onKey}
          >
            <span aria-hidden="true">{expanded ? '−' : '+'}</span>
          </button>
        ) : (
          <span className="tree-spacer" aria-hidden="true" />
        )}
        <span className="tree-name">{unit.name}</span>
        <span className="tree-meta">
          {t(`orgUnits.kinds.${unit.kind}`)} · {regionName(unit.regionCode)}
        </span>
        <button type="button" className="button secondary small" aria-expanded={editor === 'child'} onClick={() => setEditor(editor === 'child' ? undefined : 'child')}>
          {t('orgUnits.addChild')}{' '}
          <span className="visually-hidden">{t('orgUnits.under', { name: unit.name })}</span>
        </button>
        <button type="button" className="button secondary small" aria-expanded={editor === 'edit'} onClick={() => setEditor(editor === 'edit' ? undefined : 'edit')}>
          {t('orgUnits.edit')}{' '}
          <span className="visually-hidden">{unit.name}</span>
        </button>
      </div>
      {editor && (
        <UnitForm
          units={units}
          tenantRegions={tenantRegions}
          editing={editor === 'edit' ? unit : undefined}
          parent={editor === 'child' ? unit : undefined}
          onCancel={() => setEditor(undefined)}
          onDone={(saved) => {
            setEditor(undefined);
            if (editor === 'child') setExpanded(true);
            onSaved(saved, editor === 'child');
          }}
        />
      )}
      {children.length > 0 && (
        <ul id={groupId} hidden={!expanded}>
          {children.map((child) => (
            <TreeItem key={child.unit.id} node={child} level={level + 1} units={units} tenantRegions={tenantRegions} onSaved={onSaved} />
          ))}
        </ul>
      )}
    </li>
  );
}
