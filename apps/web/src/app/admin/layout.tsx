import type { ReactNode } from 'react';
import { I18nProvider } from '@/lib/i18n';

export const metadata = { title: 'Administration' };

export default function AdminLayout({ children }: { children: ReactNode }) {
  return <I18nProvider>{children}</I18nProvider>;
}
