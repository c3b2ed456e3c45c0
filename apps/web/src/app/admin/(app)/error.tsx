'use client';

import Link from 'next/link';
import { useI18n } from '@/lib/i18n';

/** A page that failed to render, inside the admin layout: try again, or go back to the overview. */
export default function AdminError({ reset }: { error: Error; reset: () => void }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('errorTitle')}</h1>
      <p>{t('errorBody')}</p>
      <div className="toolbar">
        <button type="button" className="button" onClick={reset}>
          {t('tryAgain')}
        </button>
        <Link className="button secondary" href="/admin">
          {t('backToOverview')}
        </Link>
      </div>
    </>
  );
}
