'use client';

import { useAdmin } from '@/components/admin/admin-shell';
import { useI18n } from '@/lib/i18n';

export default function AdminHomePage() {
  const { t } = useI18n();
  const admin = useAdmin();
  return (
    <>
      <h1>
        {t('welcome')}, {admin.name}
      </h1>
      <p>{t('dashboardIntro')}</p>
    </>
  );
}
