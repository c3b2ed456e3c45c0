'use client';

import {
  type TAdministrator,
  type TAdminRole,
  type TSetupLinkResponse,
  ZAdministrator,
  ZListAdministratorsResponse,
  ZSetupLinkResponse,
} from '@enkat/survey-schema';
import { type FormEvent, useState } from 'react';
import { useConfirm } from '@/components/admin/confirm-dialog';
import { Field, fieldErrors } from '@/components/admin/field';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fillMessage } from '@/lib/messages';

const ROLES: TAdminRole[] = ['owner', 'editor', 'analyst'];

/** The administrators table and the invitation form; role changes and disabling ask first. */
export function AdministratorsManager({ initial }: { initial: TAdministrator[] }) {
  const { t, language } = useI18n();
  const { ask, dialog } = useConfirm();
  const [administrators, setAdministrators] = useState(initial);
  const [link, setLink] = useState<TSetupLinkResponse | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});

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
                <td className="actions">
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
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

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
