'use client';

import { type TAdministrator, ZMeResponse } from '@enkat/survey-schema';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { ZNoContent } from './schemas';

const SECOND_FACTOR_PATH = '/admin/second-factor';

const AdminContext = createContext<TAdministrator | null>(null);

/** The logged-in administrator (inside the admin shell). */
export function useAdmin(): TAdministrator {
  const admin = useContext(AdminContext);
  if (!admin) throw new Error('useAdmin outside AdminShell');
  return admin;
}

/** Header, navigation and session check around every logged-in admin page. */
export function AdminShell({ children }: { children: ReactNode }) {
  const { t, toggleLanguage } = useI18n();
  const router = useRouter();
  const pathname = usePathname();
  const [admin, setAdmin] = useState<TAdministrator | null>(null);

  useEffect(() => {
    api('/api/v1/auth/me', ZMeResponse)
      .then((me) => {
        // A session that may only set up the second factor the owners require goes there first.
        if (me.mustSetUpSecondFactor && pathname !== SECOND_FACTOR_PATH) router.replace(SECOND_FACTOR_PATH);
        setAdmin(me.administrator);
      })
      .catch((error) => {
        if (error instanceof ApiError && error.status === 401) router.replace('/admin/login');
      });
  }, [router, pathname]);

  async function logout() {
    await api('/api/v1/auth/logout', ZNoContent, { method: 'POST' }).catch(() => {});
    router.replace('/admin/login?signedOut');
  }

  if (!admin) return <main aria-busy="true">{t('loading')}</main>;
  return (
    <AdminContext.Provider value={admin}>
      <header className="admin-header">
        <nav aria-label={t('admin')}>
          <Link href="/admin">{t('navHome')}</Link>
          {admin.role === 'owner' && <Link href="/admin/administrators">{t('navAdministrators')}</Link>}
          {admin.role === 'owner' && <Link href="/admin/audit">{t('navAudit')}</Link>}
          <Link href="/admin/password">{t('navPassword')}</Link>
          <Link href={SECOND_FACTOR_PATH}>{t('navSecondFactor')}</Link>
        </nav>
        <div className="admin-user">
          <span>
            {t('loggedInAs')} <strong>{admin.name}</strong> ({t(`role_${admin.role}`)})
          </span>
          <button type="button" className="button secondary" onClick={toggleLanguage}>
            {t('language')}
          </button>
          <button type="button" className="button secondary" onClick={logout}>
            {t('logout')}
          </button>
        </div>
      </header>
      <main>{children}</main>
    </AdminContext.Provider>
  );
}

/** Shown instead of a page whose role the administrator lacks (the API refuses it too). */
export function RoleRefused() {
  const { t } = useI18n();
  return (
    <p role="alert" className="error-box">
      {t('forbiddenRole')}
    </p>
  );
}
