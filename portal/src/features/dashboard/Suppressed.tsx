import { useTranslation } from 'react-i18next';

/** How hidden national cells are shown: their marker, and the id of the note that explains the rule. */
export interface Suppression {
  marker: string;
  noteId: string;
}

/** The marker in place of a hidden figure; screen readers hear "suprimido" instead of an asterisk. */
export function SuppressedMark({ marker }: { marker: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <span className="suppressed">
      <span aria-hidden="true">{marker}</span>
      <span className="visually-hidden">{t('suppressed')}</span>
    </span>
  );
}

/** What the marker means, with the thresholds the service applies. */
export function SuppressionNote({ id, marker, minProducers, minNetworks }: { id: string; marker: string; minProducers: number; minNetworks: number }) {
  const { t } = useTranslation('dashboard');
  return (
    <div className="alert alert-info suppression-note" id={id}>
      <h2 className="note-title">{t('suppressionTitle')}</h2>
      <p>
        <strong className="suppression-marker" aria-hidden="true">
          {marker}
        </strong>{' '}
        {t('suppressionRule', { minProducers, minNetworks })}
      </p>
    </div>
  );
}

/** Under a table or chart with hidden figures: the marker and a link to the rule. */
export function SuppressedHint({ suppression }: { suppression: Suppression }) {
  const { t } = useTranslation('dashboard');
  return (
    <p className="hint">
      <span aria-hidden="true">{suppression.marker} </span>
      <a href={`#${suppression.noteId}`}>{t('suppressedHint')}</a>
    </p>
  );
}
