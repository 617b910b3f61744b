import { useTranslation } from 'react-i18next';
import { evidenceUrl, type EvidenceSummary } from './api';

/** An entry's files: photos as thumbnails that open the full image, PDFs as links. */
export function EvidenceList({ files }: { files: readonly EvidenceSummary[] }) {
  const { t } = useTranslation('networks');
  if (files.length === 0) return null;
  return (
    <ul className="evidence-list" aria-label={t('evidence.attached')}>
      {files.map((file) => (
        <li key={file.id}>
          <a href={evidenceUrl(file)} target="_blank" rel="noopener">
            {file.contentType.startsWith('image/') ? (
              <img src={evidenceUrl(file)} alt={t('evidence.photo', { name: file.fileName })} width={96} height={96} loading="lazy" />
            ) : (
              t('evidence.document', { name: file.fileName })
            )}
          </a>
        </li>
      ))}
    </ul>
  );
}
