import type { Metadata } from 'next';
import { headers } from 'next/headers';
import type { ReactNode } from 'react';
import { adminLanguage } from '@/lib/server-api';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Enkät', template: '%s · Enkät' },
  description: 'Anonyma personalenkäter',
  referrer: 'no-referrer',
};

/** Rendered per request: every response carries its own script nonce (see proxy.ts). */
export default async function RootLayout({ children }: { children: ReactNode }) {
  await headers();
  return (
    <html lang={await adminLanguage()}>
      <body>{children}</body>
    </html>
  );
}
