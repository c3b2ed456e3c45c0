import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n';
import { adminLanguage } from '@/lib/server-api';

export const metadata = { title: 'Administration' };

export default async function AdminLayout({ children }: { children: ReactNode }) {
  return <I18nProvider initialLanguage={await adminLanguage()}>{children}</I18nProvider>;
}
