import type { InputHTMLAttributes } from 'react';

type TFieldProps = InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; error?: string | undefined };

/** A labelled input whose error is announced and linked to it. */
export function Field({ id, label, error, ...input }: TFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
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
export function fieldErrors(errors: { path: string; message: string }[] | undefined): Record<string, string> {
  return Object.fromEntries((errors ?? []).map((e) => [e.path.split('.').slice(1).join('.'), e.message]));
}
