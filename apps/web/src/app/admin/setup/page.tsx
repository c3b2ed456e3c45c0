'use client';

import Link from 'next/link';
import { type FormEvent, useEffect, useState } from 'react';
import { fieldErrors } from '@/components/admin/field';
import { NewPasswordFields, passwordMismatch } from '@/components/admin/new-password-fields';
import { ZNoContent } from '@/components/admin/schemas';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import type { TMessageKey } from '@/lib/messages';

/** Where the link stands: asked about first, so a used or expired link never shows a form. */
type TLinkState = 'checking' | 'valid' | 'done' | 'missing' | 'used' | 'expired' | 'failed';

const REFUSALS: Partial<Record<TLinkState, TMessageKey>> = {
  missing: 'setupLinkMissing',
  used: 'setupLinkUsed',
  expired: 'setupLinkExpired',
  failed: 'error',
};

function refusalOf(caught: unknown): TLinkState {
  if (!(caught instanceof ApiError)) return 'failed';
  if (caught.problem.code === 'gone') return 'expired';
  return caught.problem.code === 'not_found' ? 'used' : 'failed';
}

/**
 * The one-time setup link: the token travels in the URL fragment, which no server ever sees or
 * logs, so the page asks the API about it (POST /api/v1/auth/setup/check, which does not use
 * it) before it offers the form.
 */
export default function SetupPage() {
  const { t, language } = useI18n();
  const [state, setState] = useState<TLinkState>('checking');
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    const token = window.location.hash.slice(1);
    if (!token) return setState('missing');
    api('/api/v1/auth/setup/check', ZNoContent, { method: 'POST', body: { token } }).then(
      () => setState('valid'),
      (caught: unknown) => setState(refusalOf(caught)),
    );
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    if (passwordMismatch(data, 'password')) {
      setError(null);
      setErrors({ passwordConfirmation: t('passwordsDiffer') });
      document.getElementById('passwordConfirmation')?.focus();
      return;
    }
    try {
      await api('/api/v1/auth/setup', ZNoContent, {
        method: 'POST',
        body: {
          token: window.location.hash.slice(1),
          password: String(data.get('password')),
          passwordConfirmation: String(data.get('passwordConfirmation')),
        },
      });
      window.history.replaceState(null, '', window.location.pathname);
      setState('done');
    } catch (caught) {
      if (!(caught instanceof ApiError)) return setError(t('error'));
      if (!caught.problem.errors && (caught.status === 404 || caught.status === 410))
        return setState(refusalOf(caught));
      setErrors(fieldErrors(caught.problem.errors, language));
      setError(caught.problem.errors ? null : errorText(caught, language));
    }
  }

  const refusal = REFUSALS[state];
  return (
    <main className="narrow">
      <h1>{t('setupTitle')}</h1>
      {state === 'checking' && (
        <>
          <p role="status">{t('setupChecking')}</p>
          <noscript>
            <p className="error-box">{t('setupNeedsScript')}</p>
          </noscript>
        </>
      )}
      {refusal && (
        <>
          <p role="alert" className="error-box">
            {t(refusal)}
          </p>
          <p>
            <Link href="/admin/login">{t('goToLogin')}</Link>
          </p>
        </>
      )}
      {state === 'done' && (
        <p role="status">
          {t('setupDone')} <Link href="/admin/login">{t('loginTitle')}</Link>
        </p>
      )}
      {state === 'valid' && (
        <form onSubmit={submit} method="post" noValidate>
          <p>{t('setupIntro')}</p>
          {error && (
            <p role="alert" className="error-box">
              {error}
            </p>
          )}
          <NewPasswordFields name="password" errors={errors} />
          <button type="submit" className="button">
            {t('setupButton')}
          </button>
        </form>
      )}
    </main>
  );
}
