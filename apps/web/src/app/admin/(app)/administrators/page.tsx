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
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import { RoleRefused, useAdmin } from '@/components/admin/admin-shell';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

const ROLES: TAdminRole[] = ['owner', 'editor', 'analyst'];

export default function AdministratorsPage() {
  const admin = useAdmin();
  if (admin.role !== 'owner') return <RoleRefused />;
  return <Administrators />;
}

function Administrators() {
  const { t } = useI18n();
  const [administrators, setAdministrators] = useState<TAdministrator[]>([]);
  const [link, setLink] = useState<TSetupLinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [signIn, setSignIn] = useState<TSignInSettings | null>(null);

  const load = useCallback(async () => {
    setAdministrators((await api('/api/v1/admin/administrators', ZListAdministratorsResponse)).administrators);
    setSignIn(await api('/api/v1/admin/sign-in-settings', ZSignInSettings));
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  function showError(caught: unknown) {
    if (!(caught instanceof ApiError)) return setError(t('error'));
    setErrors(fieldErrors(caught.problem.errors));
    setError(caught.message);
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

  async function update(id: string, changes: Partial<{ role: TAdminRole; disabled: boolean }>) {
    try {
      await api(`/api/v1/admin/administrators/${id}`, ZAdministrator, { method: 'PATCH', body: changes });
      setError(null);
      await load();
    } catch (caught) {
      showError(caught);
    }
  }

  async function resetSecondFactor(id: string) {
    try {
      await api(`/api/v1/admin/administrators/${id}/second-factor/reset`, ZAdministrator, { method: 'POST' });
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

  async function newLink(id: string) {
    try {
      setLink(await api(`/api/v1/admin/administrators/${id}/setup-link`, ZSetupLinkResponse, { method: 'POST' }));
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
          <p>
            {t('setupLinkShown')} ({link.administrator.email})
          </p>
          <p>
            <code data-testid="setup-link">{`${window.location.origin}${link.setupPath}`}</code>
          </p>
        </div>
      )}
      <table>
        <thead>
          <tr>
            <th scope="col">{t('name')}</th>
            <th scope="col">{t('email')}</th>
            <th scope="col">{t('role')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('secondFactorColumn')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('action')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {administrators.map((a) => (
            <tr key={a.id}>
              <td>{a.name}</td>
              <td>{a.email}</td>
              <td>
                <select
                  aria-label={`${t('role')}: ${a.email}`}
                  value={a.role}
                  onChange={(event) => update(a.id, { role: event.target.value as TAdminRole })}
                >
                  {ROLES.map((role) => (
                    <option key={role} value={role}>
                      {t(`role_${role}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td>{status(a)}</td>
              <td>{a.secondFactor ? t('on') : t('off')}</td>
              <td className="actions">
                <button
                  type="button"
                  className="button secondary"
                  onClick={() => update(a.id, { disabled: !a.disabled })}
                >
                  {a.disabled ? t('enable') : t('disable')}
                </button>
                <button type="button" className="button secondary" onClick={() => newLink(a.id)}>
                  {t('newLink')}
                </button>
                {a.secondFactor && (
                  <button type="button" className="button secondary" onClick={() => resetSecondFactor(a.id)}>
                    {t('resetSecondFactor')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('signInSettingsTitle')}</h2>
      {signIn && (
        <form onSubmit={saveSignInSettings} noValidate className="narrow">
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
      <form onSubmit={invite} noValidate className="inline-form">
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
    </>
  );
}
