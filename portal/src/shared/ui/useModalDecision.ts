import { useEffect, useRef, useState } from 'react';
import { useErrorMessage } from './States';

/**
 * What the portal's modal decisions share (ConfirmDialog, ReasonDialog): the native dialog opened modally (the `open`
 * attribute where the browser has no showModal, as in jsdom), the focus given back to the button that opened it, and
 * one attempt at a time whose refusal by the server is shown inside the dialog.
 */
export function useModalDecision(onClose: () => void) {
  const message = useErrorMessage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    const element = dialog.current;
    if (element && typeof element.showModal === 'function') element.showModal();
    else element?.setAttribute('open', '');
    return () => opener?.focus();
  }, []);

  async function decide(action: () => Promise<void>) {
    setBusy(true);
    setFailure(undefined);
    try {
      await action();
      onClose();
    } catch (error) {
      setFailure(message(error));
      setBusy(false);
    }
  }

  return { dialog, failure, busy, decide };
}
