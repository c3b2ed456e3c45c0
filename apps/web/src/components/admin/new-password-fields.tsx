'use client';

import { useEffect, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { Field } from './field';

type TNewPasswordFieldsProps = {
  /** The name of the new password's input; the confirmation's is this plus "Confirmation". */
  name: string;
  errors: Record<string, string>;
};

/**
 * A new password, the same typed again, and "Visa lösenord", which switches both between
 * hidden and shown. The checkbox appears once the page runs its script, since it does nothing
 * without.
 */
export function NewPasswordFields({ name, errors }: TNewPasswordFieldsProps) {
  const { t } = useI18n();
  const [shown, setShown] = useState(false);
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);
  const confirmation = `${name}Confirmation`;
  const type = shown ? 'text' : 'password';
  return (
    <>
      <Field
        id={name}
        label={t('newPassword')}
        hint={t('passwordRule')}
        type={type}
        autoComplete="new-password"
        minLength={12}
        required
        error={errors[name]}
      />
      <Field
        id={confirmation}
        label={t('repeatPassword')}
        type={type}
        autoComplete="new-password"
        required
        error={errors[confirmation]}
      />
      {interactive && (
        <div className="field checkbox">
          <input
            id={`${name}-show`}
            type="checkbox"
            checked={shown}
            aria-controls={`${name} ${confirmation}`}
            onChange={(event) => setShown(event.target.checked)}
          />
          <label htmlFor={`${name}-show`}>{t('showPassword')}</label>
        </div>
      )}
    </>
  );
}

/**
 * The check made before sending: the API makes it too (422 naming the confirmation field), so a
 * client that skips this one is refused all the same.
 */
export function passwordMismatch(data: FormData, name: string): boolean {
  return data.get(name) !== data.get(`${name}Confirmation`);
}
