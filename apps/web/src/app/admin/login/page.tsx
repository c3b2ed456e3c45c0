'use client';

import { type TSsoInfo, ZMeResponse, ZSsoInfo } from '@enkat/survey-schema';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useState } from 'react';
import { Field } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { type TI18n, useI18n } from '@/lib/i18n';
import { fillMessage, type TMessageKey } from '@/lib/messages';

/** The second step after a right password: a code from the app, or one recovery code. */
type TStep = 'password' | 'code' | 'recovery';
/** What the API's single sign-on callback may send back in ?sso=. */
const SSO_REFUSALS = ['unavailable', 'failed', 'expired', 'unverified', 'unknown', 'disabled'] as const;

export default function LoginPage() {
  const { t, toggleLanguage } = useI18n();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<TStep>('password');
  const [busy, setBusy] = useState(false);
  const [sso, setSso] = useState<TSsoInfo | null>(null);
  const [signedOut, setSignedOut] = useState(false);

  useEffect(() => {
    api('/api/v1/auth/sso/info', ZSsoInfo).then(setSso, () => setSso(null));
    const params = new URLSearchParams(window.location.search);
    const refusal = SSO_REFUSALS.find((r) => r === params.get('sso'));
    if (refusal) setError(t(`sso_${refusal}` as TMessageKey));
    setSignedOut(params.has('signedOut'));
  }, [t]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const second =
      step === 'code'
        ? { code: String(form.get('code')) }
        : step === 'recovery'
          ? { recoveryCode: String(form.get('recoveryCode')) }
          : {};
    setBusy(true);
    setError(null);
    try {
      const me = await api('/api/v1/auth/login', ZMeResponse, {
        method: 'POST',
        body: { email: String(form.get('email')), password: String(form.get('password')), ...second },
      });
      router.replace(me.mustSetUpSecondFactor ? '/admin/second-factor' : '/admin');
    } catch (caught) {
      if (caught instanceof ApiError && caught.problem.reason === 'second_factor_required') setStep('code');
      setError(loginProblem(caught, t));
      setBusy(false);
    }
  }

  return (
    <main className="narrow">
      <h1>{t('loginTitle')}</h1>
      {signedOut && (
        <p role="status">
          {t('signedOut')}{' '}
          {sso?.endSessionUrl && (
            <a href={sso.endSessionUrl}>{fillMessage(t('endSession'), { name: sso.organisationName ?? '' })}</a>
          )}
        </p>
      )}
      {sso?.enabled && (
        <>
          <p>
            <a className="button" href="/api/v1/auth/sso">
              {fillMessage(t('ssoButton'), { name: sso.organisationName ?? '' })}
            </a>
          </p>
          <p>{t('orPassword')}</p>
        </>
      )}
      {/* method="post": should the script not run, the password never lands in an address. */}
      <form onSubmit={submit} method="post" noValidate>
        {error && (
          <p role="alert" className="error-box">
            {error}
          </p>
        )}
        <Field id="email" label={t('email')} type="email" autoComplete="username" required />
        <Field id="password" label={t('password')} type="password" autoComplete="current-password" required />
        {step === 'code' && (
          <Field
            id="code"
            label={t('totpCode')}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="[0-9 ]*"
            required
            autoFocus
          />
        )}
        {step === 'recovery' && (
          <Field id="recoveryCode" label={t('recoveryCode')} autoComplete="off" required autoFocus />
        )}
        <button type="submit" className="button" disabled={busy}>
          {t('loginButton')}
        </button>
      </form>
      {step !== 'password' && (
        <p>
          <button type="button" className="link-button" onClick={() => setStep(step === 'code' ? 'recovery' : 'code')}>
            {step === 'code' ? t('useRecoveryCode') : t('useTotpCode')}
          </button>
        </p>
      )}
      <p>
        <button type="button" className="link-button" onClick={toggleLanguage}>
          {t('language')}
        </button>
      </p>
    </main>
  );
}

function loginProblem(caught: unknown, t: TI18n['t']): string {
  if (!(caught instanceof ApiError)) return t('error');
  if (caught.problem.reason === 'second_factor_required') return t('loginCodeNeeded');
  if (caught.problem.reason === 'second_factor_invalid') return t('loginCodeWrong');
  if (caught.status === 401) return t('loginFailed');
  if (caught.status === 429) return t('loginThrottled');
  if (caught.problem.reason === 'password_sign_in_off') return t('passwordSignInOff');
  if (caught.crossOrigin) return t('crossOrigin');
  return t('error');
}
