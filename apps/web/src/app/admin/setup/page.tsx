'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Field, fieldErrors } from '@/components/admin/field';
import { ZNoContent } from '@/components/admin/schemas';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

/** The one-time setup link: the token travels in the URL fragment, which no server ever sees or logs. */
export default function SetupPage() {
  const { t, language } = useI18n();
  const [done, setDone] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = String(new FormData(event.currentTarget).get('password'));
    try {
      await api('/api/v1/auth/setup', ZNoContent, {
        method: 'POST',
        body: { token: window.location.hash.slice(1), password },
      });
      window.history.replaceState(null, '', window.location.pathname);
      setDone(true);
    } catch (caught) {
      if (!(caught instanceof ApiError)) return setError(t('error'));
      setErrors(fieldErrors(caught.problem.errors, language));
      setError(caught.problem.errors ? null : errorText(caught, language));
    }
  }

  return (
    <main className="narrow">
      <h1>{t('setupTitle')}</h1>
      {done ? (
        <p role="status">
          {t('setupDone')} <Link href="/admin/login">{t('loginTitle')}</Link>
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          <p>{t('setupIntro')}</p>
          {error && (
            <p role="alert" className="error-box">
              {error}
            </p>
          )}
          <Field
            id="password"
            label={t('newPassword')}
            type="password"
            autoComplete="new-password"
            minLength={12}
            required
            error={errors.password}
          />
          <button type="submit" className="button">
            {t('setupButton')}
          </button>
        </form>
      )}
    </main>
  );
}
