import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatInteger } from '../../shared/format/format';
import { regionName } from '../../shared/format/regions';
import { Loading, ErrorState } from '../../shared/ui/States';
import { producerName, useProducerSearch } from './api';
import type { ChosenMember } from './schemas';

/** The text typed, once the user pauses: one request per pause, not per key, on a slow link. */
export function useDebounced(value: string, delay = 300): string {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return settled;
}

interface ProducerPickerProps {
  legend: string;
  chosen: readonly ChosenMember[];
  onChange: (chosen: ChosenMember[]) => void;
  /** Ids that cannot be chosen (current members). */
  exclude?: readonly string[];
  error?: string | undefined;
}

/**
 * Choosing producers of the institution: a search over /api/producers (names; no DNI shown), results as checkboxes
 * (Tab and Space), the chosen ones listed with their count and a button to take each out.
 */
export function ProducerPicker({ legend, chosen, onChange, exclude = [], error }: ProducerPickerProps) {
  const { t } = useTranslation('networks');
  const id = useId();
  const [typed, setTyped] = useState('');
  const search = useDebounced(typed.trim());
  const results = useProducerSearch(search);
  const chosenIds = new Set(chosen.map((m) => m.id));
  const candidates = (results.data ?? []).filter((p) => !exclude.includes(p.id));

  function toggle(member: ChosenMember, on: boolean) {
    onChange(on ? [...chosen, member] : chosen.filter((m) => m.id !== member.id));
  }

  return (
    <fieldset className={error ? 'field field-invalid' : 'field'} aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      <label htmlFor={`${id}-search`}>{t('picker.search')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('picker.hint')}
      </p>
      <input id={`${id}-search`} type="search" value={typed} aria-describedby={`${id}-hint`} onChange={(event) => setTyped(event.target.value)} />
      {results.isPending ? (
        <Loading />
      ) : results.isError ? (
        <ErrorState error={results.error} onRetry={() => void results.refetch()} />
      ) : candidates.length === 0 ? (
        <p className="empty">{t('picker.none')}</p>
      ) : (
        <ul className="picker-results" aria-label={t('picker.results')}>
          {candidates.map((p) => {
            const name = producerName(p);
            return (
              <li key={p.id}>
                <label>
                  <input type="checkbox" checked={chosenIds.has(p.id)} onChange={(event) => toggle({ id: p.id, name }, event.target.checked)} />
                  <span>
                    {name} <span className="hint">· {regionName(p.regionCode)}</span>
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      <p aria-live="polite" className="chosen-count">
        {t('picker.chosenCount', { count: chosen.length, formatted: formatInteger(chosen.length) })}
      </p>
      {chosen.length > 0 && (
        <ul className="chosen-list" aria-label={t('picker.chosen')}>
          {chosen.map((member) => (
            <li key={member.id}>
              <span>{member.name}</span>
              <button type="button" className="button secondary small" onClick={() => toggle(member, false)}>
                {t('picker.remove', { name: member.name })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </fieldset>
  );
}
