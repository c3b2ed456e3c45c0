'use client';

import { ZMeResponse } from '@enkat/survey-schema';
import { useRouter } from 'next/navigation';
import { type FormEvent, useState } from 'react';
import { Field } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

export default function LoginPage() {
  const { t, toggleLanguage } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await api('/api/v1/auth/login', ZMeResponse, {
        method: 'POST',
        body: { email: String(form.get('email')), password: String(form.get('password')) },
      });
      router.replace('/admin');
    } catch (caught) {
      const status = caught instanceof ApiError ? caught.status : 0;
      const crossOrigin = caught instanceof ApiError && caught.crossOrigin;
      setError(
        status === 401
          ? t('loginFailed')
          : status === 429
            ? t('loginThrottled')
            : crossOrigin
              ? t('crossOrigin')
              : t('error'),
      );
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>{t('loginTitle')}</h1>
      <form onSubmit={submit} noValidate>
        {error && (
          <p role="alert" className="error-box">
            {error}
          </p>
        )}
        <Field id="email" label={t('email')} type="email" autoComplete="username" required />
        <Field id="password" label={t('password')} type="password" autoComplete="current-password" required />
        <button type="submit" className="button" disabled={busy}>
          {t('loginButton')}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={toggleLanguage}>
          {t('language')}
        </button>
      </p>
    </main>
  );
}
