import { useTranslation } from 'react-i18next';
import { formatFigure } from './labels';
import { SuppressedMark } from './Suppressed';

/** One figure in a table or card: the formatted number, the suppression marker, or a dash where none can be computed. */
export function CellValue({ columnKey, value, suppressed, marker = '*' }: { columnKey: string; value: number | null; suppressed: boolean; marker?: string }) {
  const { t } = useTranslation('dashboard');
  if (suppressed) return <SuppressedMark marker={marker} />;
  if (value === null)
    return (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('noValue')}</span>
      </>
    );
  return <>{formatFigure(columnKey, value)}</>;
}
