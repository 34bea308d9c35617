import { useEffect, useRef, type ReactNode } from 'react';
import './outputs.css';

/**
 * A modal built on the native `<dialog>` (`showModal`): the browser traps focus, makes the rest of
 * the page inert, closes on Escape and gives focus back where it was. Keys pressed inside do not
 * reach the board's shortcuts.
 */
export function ModalDialog({ labelledBy, onClose, className, children }: { labelledBy: string; onClose: () => void; className?: string; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  useEffect(() => {
    const dialog = ref.current!;
    if (!dialog.open) dialog.showModal();
    const onCancel = (e: Event): void => {
      e.preventDefault();
      close.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} aria-labelledby={labelledBy} className={`sammen-dialog ${className ?? ''}`} onKeyDown={(e) => e.stopPropagation()}>
      {children}
    </dialog>
  );
}
