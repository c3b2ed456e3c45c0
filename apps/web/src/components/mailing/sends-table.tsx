'use client';

import { formatInteger } from '@enkat/results';
import type { TMailSend } from '@enkat/survey-schema';
import { useI18n } from '@/lib/i18n';
import { formatStockholm } from '@/lib/stockholm-time';

type TSendsTableProps = {
  sends: TMailSend[];
  onCancel: ((sendId: string) => void) | undefined;
};

/** Every send of a wave with its counts, and the mail server's reasons for what failed. */
export function SendsTable({ sends, onCancel }: TSendsTableProps) {
  const { t, language } = useI18n();
  const number = (n: number) => formatInteger(n, language);
  return (
    <>
      <table className="sends-table">
        <caption>{t('mailSends')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mailKind')}</th>
            <th scope="col">{t('mailWhen')}</th>
            <th scope="col">{t('mailState')}</th>
            <th scope="col">{t('mailTotal')}</th>
            <th scope="col">{t('mailSent')}</th>
            <th scope="col">{t('mailFailed')}</th>
            {onCancel && <th scope="col">{t('actions')}</th>}
          </tr>
        </thead>
        <tbody>
          {sends.map((send) => (
            <tr key={send.id}>
              <td>{t(send.kind === 'invitation' ? 'mailInvitation' : 'mailReminder')}</td>
              <td>{formatStockholm(send.scheduledAt, language)}</td>
              <td>{t(`mailState_${send.state}`)}</td>
              <td className="number">{number(send.total)}</td>
              <td className="number">{number(send.sent)}</td>
              <td className="number">{number(send.failed)}</td>
              {onCancel && (
                <td>
                  {send.state === 'scheduled' && (
                    <button type="button" className="button secondary" onClick={() => onCancel(send.id)}>
                      {t('mailCancel')}
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      {sends.some((send) => send.failures.length > 0) && (
        <div>
          <h3>{t('mailFailures')}</h3>
          <ul>
            {sends.flatMap((send) =>
              send.failures.map((failure) => (
                <li key={`${send.id}-${failure.reason}`}>
                  {t(send.kind === 'invitation' ? 'mailInvitation' : 'mailReminder')}: {failure.reason} (
                  {number(failure.count)})
                </li>
              )),
            )}
          </ul>
          {sends.some((send) => send.failedRecipients.length > 0) && (
            <ul>
              {sends.flatMap((send) =>
                send.failedRecipients.map((failed) => (
                  <li key={`${send.id}-${failed.address}`}>
                    {failed.address}: {failed.reason}
                  </li>
                )),
              )}
            </ul>
          )}
        </div>
      )}
    </>
  );
}
