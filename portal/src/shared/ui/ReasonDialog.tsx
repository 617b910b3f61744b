import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TextAreaField } from './Field';
import { Alert } from './States';
import { useModalDecision } from './useModalDecision';

interface ReasonDialogProps {
  title: string;
  confirmLabel: string;
  /** A reason the decision keeps in its history; optional where the API allows none. */
  reasonRequired: boolean;
  onConfirm: (reason: string) => Promise<void>;
  onClose: () => void;
}

/**
 * A modal decision with its reason (reject, return, suspend): the native dialog traps focus, Escape cancels, and the
 * focus goes back to the button that opened it.
 */
export function ReasonDialog({ title, confirmLabel, reasonRequired, onConfirm, onClose }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const { dialog, failure, busy, decide } = useModalDecision(onClose);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reasonRequired && reason.trim().length < 3) {
      setError(t('validation.reasonRequired'));
      return;
    }
    await decide(() => onConfirm(reason.trim()));
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="reason-dialog-title" onCancel={onClose}>
      <form onSubmit={submit} noValidate>
        <h2 id="reason-dialog-title">{title}</h2>
        {failure && <Alert>{failure}</Alert>}
        <TextAreaField
          label={t('field.reason')}
          required={reasonRequired}
          value={reason}
          maxLength={500}
          rows={4}
          error={error}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="actions">
          <button type="submit" className="button" disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="button secondary" onClick={onClose}>
            {t('action.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
