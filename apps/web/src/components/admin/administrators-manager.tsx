'use client';

import {
  type TAdministrator,
  type TAdminRole,
  type TSetupLinkResponse,
  type TSignInSettings,
  ZAdministrator,
  ZListAdministratorsResponse,
  ZSetupLinkResponse,
  ZSignInSettings,
} from '@enkat/survey-schema';
import { type FormEvent, useState } from 'react';
import { useConfirm } from '@/components/admin/confirm-dialog';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fillMessage } from '@/lib/messages';

const ROLES: TAdminRole[] = ['owner', 'editor', 'analyst'];

/**
 * The administrators table, the sign-in settings (second factor required, password sign-in
 * beside single sign-on) and the invitation form; role changes and disabling ask first.
 */
export function AdministratorsManager({
  initial,
  initialSignIn,
}: {
  initial: TAdministrator[];
  initialSignIn: TSignInSettings | null;
}) {
  const { t, language } = useI18n();
  const { ask, dialog } = useConfirm();
  const [administrators, setAdministrators] = useState(initial);
  const [link, setLink] = useState<TSetupLinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [signIn, setSignIn] = useState(initialSignIn);

  const load = async () =>
    setAdministrators((await api('/api/v1/admin/administrators', ZListAdministratorsResponse)).administrators);

  function showError(caught: unknown) {
    if (caught instanceof ApiError) setErrors(fieldErrors(caught.problem.errors, language));
    setError(errorText(caught, language));
  }

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    try {
      const created = await api('/api/v1/admin/administrators', ZSetupLinkResponse, {
        method: 'POST',
        body: { email: data.get('email'), name: data.get('name'), role: data.get('role') },
      });
      setLink(created);
      setError(null);
      setErrors({});
      form.reset();
      await load();
    } catch (caught) {
      showError(caught);
    }
  }

  async function update(a: TAdministrator, changes: Partial<{ role: TAdminRole; disabled: boolean }>) {
    const confirmed = await ask(
      changes.role
        ? {
            title: t('confirmRoleTitle'),
            body: (
              <p>
                {fillMessage(t('confirmRoleBody'), {
                  name: a.name,
                  from: t(`role_${a.role}`),
                  to: t(`role_${changes.role}`),
                })}
              </p>
            ),
            confirmLabel: t('changeRole'),
          }
        : changes.disabled
          ? {
              title: t('confirmDisableTitle'),
              body: <p>{fillMessage(t('confirmDisableBody'), { name: a.name })}</p>,
              confirmLabel: t('disable'),
            }
          : {
              title: t('confirmEnableTitle'),
              body: <p>{fillMessage(t('confirmEnableBody'), { name: a.name })}</p>,
              confirmLabel: t('enable'),
            },
    );
    if (!confirmed) return;
    try {
      await api(`/api/v1/admin/administrators/${a.id}`, ZAdministrator, { method: 'PATCH', body: changes });
      setError(null);
      await load();
    } catch (caught) {
      showError(caught);
    }
  }

  async function newLink(a: TAdministrator) {
    const confirmed = await ask({
      title: t('confirmNewLinkTitle'),
      body: <p>{fillMessage(t('confirmNewLinkBody'), { name: a.name })}</p>,
      confirmLabel: t('newLink'),
    });
    if (!confirmed) return;
    try {
      setLink(await api(`/api/v1/admin/administrators/${a.id}/setup-link`, ZSetupLinkResponse, { method: 'POST' }));
    } catch (caught) {
      showError(caught);
    }
  }

  async function resetSecondFactor(a: TAdministrator) {
    try {
      await api(`/api/v1/admin/administrators/${a.id}/second-factor/reset`, ZAdministrator, { method: 'POST' });
      setNotice(t('secondFactorReset'));
      setError(null);
      await load();
    } catch (caught) {
      showError(caught);
    }
  }

  async function saveSignInSettings(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const passwordSignIn = data.get('passwordSignIn') === 'on';
    const breakGlass = String(data.get('breakGlassOwnerId') ?? '');
    try {
      const saved = await api('/api/v1/admin/sign-in-settings', ZSignInSettings, {
        method: 'PUT',
        body: {
          requireSecondFactor: data.get('requireSecondFactor') === 'on',
          ...(signIn?.ssoEnabled ? { passwordSignIn, breakGlassOwnerId: breakGlass || null } : {}),
        },
      });
      setSignIn(saved);
      setErrors({});
      setError(null);
      setNotice(t('saved'));
    } catch (caught) {
      showError(caught);
    }
  }

  const status = (a: TAdministrator) =>
    a.disabled ? t('statusDisabled') : a.active ? t('statusActive') : t('statusInvited');

  return (
    <>
      <h1>{t('administratorsTitle')}</h1>
      {error && (
        <p role="alert" className="error-box">
          {error}
        </p>
      )}
      {notice && <p role="status">{notice}</p>}
      {link && (
        <div role="status" className="notice">
          <p>{fillMessage(t('setupLinkShown'), { email: link.administrator.email })}</p>
          <p>
            <code data-testid="setup-link" className="long-text">{`${window.location.origin}${link.setupPath}`}</code>
          </p>
        </div>
      )}
      <div className="table-scroll">
        <table className="stack-table">
          <thead>
            <tr>
              <th scope="col">{t('name')}</th>
              <th scope="col">{t('email')}</th>
              <th scope="col">{t('role')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('secondFactorColumn')}</th>
              <th scope="col">{t('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {administrators.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td className="long-text" data-label={t('email')}>
                  {a.email}
                </td>
                <td data-label={t('role')}>
                  <select
                    aria-label={`${t('role')}: ${a.email}`}
                    value={a.role}
                    onChange={(event) => update(a, { role: event.target.value as TAdminRole })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`role_${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td data-label={t('status')}>{status(a)}</td>
                <td data-label={t('secondFactorColumn')}>{a.secondFactor ? t('on') : t('off')}</td>
                <td className="actions">
                  <div className="cell-actions">
                    <button
                      type="button"
                      className="button secondary"
                      onClick={() => update(a, { disabled: !a.disabled })}
                    >
                      {a.disabled ? t('enable') : t('disable')}
                      <span className="visually-hidden">: {a.email}</span>
                    </button>
                    <button type="button" className="button secondary" onClick={() => newLink(a)}>
                      {t('newLink')}
                      <span className="visually-hidden">: {a.email}</span>
                    </button>
                    {a.secondFactor && (
                      <button type="button" className="button secondary" onClick={() => resetSecondFactor(a)}>
                        {t('resetSecondFactor')}
                        <span className="visually-hidden">: {a.email}</span>
                      </button>
                    )}
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h2>{t('signInSettingsTitle')}</h2>
      {signIn && (
        <form onSubmit={saveSignInSettings} noValidate className="narrow" aria-label={t('signInSettingsTitle')}>
          <div className="field">
            <label>
              <input type="checkbox" name="requireSecondFactor" defaultChecked={signIn.requireSecondFactor} />{' '}
              {t('requireSecondFactor')}
            </label>
          </div>
          {signIn.ssoEnabled && (
            <>
              <div className="field">
                <label>
                  <input type="checkbox" name="passwordSignIn" defaultChecked={signIn.passwordSignIn} />{' '}
                  {t('passwordSignIn')}
                </label>
                <p>{t('passwordSignInHint')}</p>
              </div>
              <div className="field">
                <label htmlFor="breakGlassOwnerId">{t('breakGlassOwner')}</label>
                <select
                  id="breakGlassOwnerId"
                  name="breakGlassOwnerId"
                  defaultValue={signIn.breakGlassOwnerId ?? ''}
                  aria-invalid={errors.breakGlassOwnerId ? true : undefined}
                  aria-describedby={errors.breakGlassOwnerId ? 'breakGlassOwnerId-error' : undefined}
                >
                  <option value="">–</option>
                  {administrators
                    .filter((a) => a.role === 'owner' && a.active && !a.disabled)
                    .map((a) => (
                      <option key={a.id} value={a.id}>
                        {a.name} ({a.email})
                      </option>
                    ))}
                </select>
                {errors.breakGlassOwnerId && (
                  <p id="breakGlassOwnerId-error" className="field-error">
                    {errors.breakGlassOwnerId}
                  </p>
                )}
              </div>
            </>
          )}
          <button type="submit" className="button">
            {t('saveSignInSettings')}
          </button>
        </form>
      )}

      <h2>{t('inviteTitle')}</h2>
      <form onSubmit={invite} noValidate className="inline-form" aria-label={t('inviteTitle')}>
        <Field id="name" label={t('name')} required error={errors.name} />
        <Field id="email" label={t('email')} type="email" required error={errors.email} />
        <div className="field">
          <label htmlFor="role">{t('role')}</label>
          <select id="role" name="role" defaultValue="analyst">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`role_${role}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t('inviteButton')}
        </button>
      </form>
      {dialog}
    </>
  );
}
