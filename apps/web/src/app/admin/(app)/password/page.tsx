'use client';

import { type FormEvent, useState } from 'react';
import { Field, fieldErrors } from '@/components/admin/field';
import { NewPasswordFields, passwordMismatch } from '@/components/admin/new-password-fields';
import { ZNoContent } from '@/components/admin/schemas';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

export default function PasswordPage() {
  const { t, language } = useI18n();
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    setDone(false);
    if (passwordMismatch(data, 'newPassword')) {
      setErrors({ newPasswordConfirmation: t('passwordsDiffer') });
      document.getElementById('newPasswordConfirmation')?.focus();
      return;
    }
    try {
      await api('/api/v1/auth/password', ZNoContent, {
        method: 'POST',
        body: {
          currentPassword: data.get('currentPassword'),
          newPassword: data.get('newPassword'),
          newPasswordConfirmation: data.get('newPasswordConfirmation'),
        },
      });
      form.reset();
      setErrors({});
      setDone(true);
    } catch (caught) {
      setErrors(
        caught instanceof ApiError && caught.problem.errors
          ? fieldErrors(caught.problem.errors, language)
          : { newPassword: errorText(caught, language) },
      );
    }
  }

  return (
    <>
      <h1>{t('navPassword')}</h1>
      {done && <p role="status">{t('passwordChanged')}</p>}
      {/* method="post": should the script not run, the passwords never land in an address. */}
      <form onSubmit={submit} method="post" noValidate className="narrow">
        <Field
          id="currentPassword"
          label={t('currentPassword')}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword}
        />
        <NewPasswordFields name="newPassword" errors={errors} />
        <button type="submit" className="button">
          {t('save')}
        </button>
      </form>
    </>
  );
}
