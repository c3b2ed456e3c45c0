'use client';

import { type TSecondFactorSetup, ZRecoveryCodesResponse, ZSecondFactorSetup } from '@enkat/survey-schema';
import { type FormEvent, useState } from 'react';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { Field, fieldErrors } from './field';
import { ZNoContent } from './schemas';

type TSecondFactorState = { on: boolean; required: boolean };

/** Setting up, and turning off, one's own second factor (TOTP with recovery codes). */
export function SecondFactorForms({ initial }: { initial: TSecondFactorState }) {
  const { t, language } = useI18n();
  const [state, setState] = useState(initial);
  const [setup, setSetup] = useState<TSecondFactorSetup | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);

  function showError(caught: unknown, field: string) {
    setErrors(
      caught instanceof ApiError
        ? { [field]: errorText(caught, language), ...fieldErrors(caught.problem.errors, language) }
        : { [field]: t('error') },
    );
  }

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get('setupPassword');
    try {
      setSetup(
        await api('/api/v1/auth/second-factor/setup', ZSecondFactorSetup, { method: 'POST', body: { password } }),
      );
      setErrors({});
    } catch (caught) {
      showError(caught, 'setupPassword');
    }
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const code = new FormData(event.currentTarget).get('code');
    try {
      const result = await api('/api/v1/auth/second-factor/confirm', ZRecoveryCodesResponse, {
        method: 'POST',
        body: { code },
      });
      setRecoveryCodes(result.recoveryCodes);
      setSetup(null);
      setErrors({});
      setState({ on: true, required: false });
    } catch (caught) {
      showError(caught, 'code');
    }
  }

  async function turnOff(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const password = new FormData(event.currentTarget).get('password');
    try {
      await api('/api/v1/auth/second-factor/turn-off', ZNoContent, { method: 'POST', body: { password } });
      setState({ on: false, required: false });
      setRecoveryCodes(null);
      setErrors({});
      setMessage(t('secondFactorTurnedOff'));
    } catch (caught) {
      showError(caught, 'password');
    }
  }

  return (
    <>
      <h1>{t('navSecondFactor')}</h1>
      {state.required && (
        <p role="alert" className="error-box">
          {t('secondFactorRequired')}
        </p>
      )}
      {message && <p role="status">{message}</p>}
      <p>{t('secondFactorIntro')}</p>
      <p>{state.on ? t('secondFactorOn') : t('secondFactorOff')}</p>

      {recoveryCodes && (
        <section className="notice" aria-labelledby="recovery-title">
          <h2 id="recovery-title">{t('recoveryCodesTitle')}</h2>
          <p>{t('recoveryCodesShown')}</p>
          <ul data-testid="recovery-codes">
            {recoveryCodes.map((code) => (
              <li key={code}>
                <code>{code}</code>
              </li>
            ))}
          </ul>
        </section>
      )}

      {!state.on && !setup && (
        <form onSubmit={start} method="post" noValidate className="narrow">
          <Field
            id="setupPassword"
            label={t('currentPassword')}
            type="password"
            autoComplete="current-password"
            error={errors.setupPassword}
          />
          <button type="submit" className="button">
            {t('secondFactorStart')}
          </button>
        </form>
      )}
      {setup && (
        <form onSubmit={confirm} method="post" noValidate className="narrow">
          <p>{t('secondFactorScan')}</p>
          <p>
            <a href={setup.uri}>{t('secondFactorLink')}</a>
          </p>
          <p>
            {t('secondFactorKey')}:{' '}
            <code data-testid="totp-secret">{setup.secret.replace(/(.{4})/g, '$1 ').trim()}</code>
          </p>
          <Field id="code" label={t('totpCode')} inputMode="numeric" autoComplete="one-time-code" error={errors.code} />
          <button type="submit" className="button">
            {t('secondFactorConfirm')}
          </button>
        </form>
      )}

      {state.on && (
        <form onSubmit={turnOff} method="post" noValidate className="narrow">
          <h2>{t('secondFactorTurnOff')}</h2>
          <Field
            id="password"
            label={t('currentPassword')}
            type="password"
            autoComplete="current-password"
            error={errors.password}
          />
          <button type="submit" className="button secondary">
            {t('secondFactorTurnOff')}
          </button>
        </form>
      )}
    </>
  );
}
