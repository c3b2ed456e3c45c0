'use client';

import type { TAdministrator } from '@enkat/survey-schema';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { type ReactNode, useEffect } from 'react';
import { api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { ZNoContent } from './schemas';

const SECOND_FACTOR_PATH = '/admin/second-factor';

/** Header and navigation around every logged-in admin page; the session was checked on the server. */
export function AdminShell({
  admin,
  mustSetUpSecondFactor,
  children,
}: {
  admin: TAdministrator;
  mustSetUpSecondFactor: boolean;
  children: ReactNode;
}) {
  const { t, toggleLanguage } = useI18n();
  const router = useRouter();
  const pathname = usePathname();

  // A session that may only set up the second factor the owners require goes there first.
  useEffect(() => {
    if (mustSetUpSecondFactor && pathname !== SECOND_FACTOR_PATH) router.replace(SECOND_FACTOR_PATH);
  }, [mustSetUpSecondFactor, pathname, router]);

  async function logout() {
    await api('/api/v1/auth/logout', ZNoContent, { method: 'POST' }).catch(() => {});
    router.replace('/admin/login?signedOut');
  }

  const links = [
    { href: '/admin', label: t('navHome'), show: true },
    { href: '/admin/administrators', label: t('navAdministrators'), show: admin.role === 'owner' },
    { href: '/admin/audit', label: t('navAudit'), show: admin.role === 'owner' },
    { href: '/admin/password', label: t('navPassword'), show: true },
    { href: SECOND_FACTOR_PATH, label: t('navSecondFactor'), show: true },
  ];
  return (
    <>
      <header className="admin-header">
        <nav aria-label={t('admin')}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <Link key={link.href} href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>
                {link.label}
              </Link>
            ))}
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
    </>
  );
}
