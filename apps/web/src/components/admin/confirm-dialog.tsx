'use client';

import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n';

export type TConfirmRequest = {
  title: string;
  /** What will happen, in plain words. */
  body: ReactNode;
  confirmLabel: string;
};

type TPending = TConfirmRequest & { resolve: (confirmed: boolean) => void };

/**
 * A confirmation in a plain HTML <dialog> (modal, focus kept inside, Escape cancels) for an
 * action that cannot be undone: `if (await ask({...})) act()`. Render `dialog` once.
 */
export function useConfirm() {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [pending, setPending] = useState<TPending | null>(null);

  const ask = useCallback(
    (request: TConfirmRequest) => new Promise<boolean>((resolve) => setPending({ ...request, resolve })),
    [],
  );
  useEffect(() => {
    if (pending && !ref.current?.open) ref.current?.showModal();
  }, [pending]);

  const finish = (confirmed: boolean) => {
    pending?.resolve(confirmed);
    setPending(null);
    if (ref.current?.open) ref.current.close();
  };

  const dialog = (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onClose={() => pending && finish(false)}
    >
      {pending && (
        <>
          <h2 id={`${id}-title`}>{pending.title}</h2>
          <div id={`${id}-body`}>{pending.body}</div>
          <div className="toolbar">
            <button type="button" className="button secondary" onClick={() => finish(false)}>
              {t('cancel')}
            </button>
            <button type="button" className="button danger" onClick={() => finish(true)}>
              {pending.confirmLabel}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
  return { ask, dialog };
}
