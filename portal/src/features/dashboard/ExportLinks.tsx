import { useTranslation } from 'react-i18next';

/**
 * A table's CSV and Excel downloads. The session cookie goes with a plain link (the gateway adds the token), so these
 * are ordinary links the browser downloads.
 */
export function ExportLinks({ base, table, title, query = '' }: { base: string; table: string; title: string; query?: string }) {
  const { t } = useTranslation('dashboard');
  return (
    <p className="export-links">
      <span>{t('download')}</span>
      {(['csv', 'xlsx'] as const).map((format) => (
        <a
          key={format}
          className="button secondary small"
          href={`${base}/${table}.${format}${query}`}
          download
          aria-label={t('exportLabel', { format: t(`format.${format}`), table: title })}
        >
          {t(`format.${format}`)}
        </a>
      ))}
    </p>
  );
}
