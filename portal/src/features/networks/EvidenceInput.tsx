import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceAccept, prepareEvidence } from '../../shared/files/downsize';
import { formatInteger } from '../../shared/format/format';
import type { EvidenceUpload } from './networkWrites';

interface EvidenceInputProps {
  files: EvidenceUpload[];
  onChange: (files: EvidenceUpload[]) => void;
  /** Where the caller keeps its own count of files being prepared (the submit waits for them). */
  onBusy?: (busy: boolean) => void;
  /** How many files the change may still carry (EvidenceAttachments.MaxPerChange: 20, less those already attached). */
  limit?: number;
}

/** The most files one phase change or monitoring record may name. */
export const maxFilesPerChange = 20;

/** Size in KB, as a field specialist reads it. */
const kilobytes = (bytes: number) => formatInteger(Math.max(1, Math.round(bytes / 1024)));

/**
 * Attachments of a phase advance or a monitoring record: JPEG, PNG or PDF; photos downsized here before upload, each
 * given its id now (the same id on a retry, so the server keeps one copy).
 */
export function EvidenceInput({ files, onChange, onBusy, limit = maxFilesPerChange }: EvidenceInputProps) {
  const { t } = useTranslation('networks');
  const id = useId();
  const [refused, setRefused] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  async function choose(list: FileList | null) {
    if (!list || list.length === 0) return;
    setBusy(true);
    onBusy?.(true);
    const added: EvidenceUpload[] = [];
    const problems: string[] = [];
    for (const file of Array.from(list)) {
      if (files.length + added.length >= limit) {
        problems.push(t('evidence.refused.tooMany', { name: file.name, limit: maxFilesPerChange }));
        continue;
      }
      const prepared = await prepareEvidence(file);
      if (prepared.ok) added.push({ id: crypto.randomUUID(), file: prepared.file, fileName: prepared.fileName, contentType: prepared.contentType });
      else problems.push(t(`evidence.refused.${prepared.problem}`, { name: file.name }));
    }
    setRefused(problems);
    onChange([...files, ...added]);
    setBusy(false);
    onBusy?.(false);
  }

  return (
    <div className="field evidence-input">
      <label htmlFor={id}>{t('evidence.label')}</label>
      <p className="hint" id={`${id}-hint`}>
        {t('evidence.hint')}
      </p>
      <input
        id={id}
        type="file"
        multiple
        accept={evidenceAccept}
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          void choose(event.target.files);
          event.target.value = '';
        }}
      />
      {busy && <p role="status">{t('evidence.preparing')}</p>}
      {refused.length > 0 && (
        <ul className="error" role="alert">
          {refused.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <ul className="evidence-chosen" aria-label={t('evidence.chosen', { count: files.length })}>
          {files.map((file) => (
            <li key={file.id}>
              <span>{t('evidence.file', { name: file.fileName, size: kilobytes(file.file.size) })}</span>{' '}
              <button type="button" className="button secondary small" onClick={() => onChange(files.filter((f) => f.id !== file.id))}>
                {t('evidence.remove', { name: file.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
