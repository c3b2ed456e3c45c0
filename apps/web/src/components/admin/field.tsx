import type { InputHTMLAttributes, ReactNode } from 'react';
import type { TLanguage } from '@/lib/messages';
import { fieldText } from '@/lib/problem-text';

type TFieldProps = InputHTMLAttributes<HTMLInputElement> & {
  id: string;
  label: string;
  error?: string | undefined;
  /** A hint under the label, e.g. the format expected. */
  hint?: ReactNode;
};

/** A labelled input whose error is announced and linked to it. */
export function Field({ id, label, error, hint, ...input }: TFieldProps) {
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Errors of a problem+json body, by field name ("body.email" → "email"). */
export function fieldErrors(
  errors: { path: string; message: string }[] | undefined,
  language: TLanguage,
): Record<string, string> {
  return Object.fromEntries(
    (errors ?? []).map((e) => [e.path.split('.').slice(1).join('.'), fieldText(e.message, language)]),
  );
}
