import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from './States';
import { useModalDecision } from './useModalDecision';

interface ConfirmDialogProps {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** A destructive decision gets the red button. */
  danger?: boolean;
  onConfirm: () => Promise<void>;
  onClose: () => void;
}

/**
 * A yes/no decision without a reason (deactivate, reactivate): a native modal dialog that traps focus, cancels with
 * Escape, shows the server's refusal inside it, and gives the focus back to the button that opened it.
 */
export function ConfirmDialog({ title, children, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const titleId = useId();
  const { dialog, failure, busy, decide } = useModalDecision(onClose);

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={titleId} onCancel={onClose}>
      <h2 id={titleId}>{title}</h2>
      {failure && <Alert>{failure}</Alert>}
      {children}
      <div className="actions">
        <button type="button" className={danger ? 'button danger' : 'button'} disabled={busy} onClick={() => void decide(onConfirm)}>
          {confirmLabel}
        </button>
        <button type="button" className="button secondary" onClick={onClose}>
          {t('action.cancel')}
        </button>
      </div>
    </dialog>
  );
}
