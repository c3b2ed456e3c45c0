import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AdminShell } from '@/components/admin/admin-shell';
import { adminMessages, currentAdmin } from '@/lib/server-api';

/**
 * Every logged-in admin page: the session is checked on the server, so the page arrives with
 * its header and data at once (no "Laddar …" while the browser asks the API).
 */
export default async function LoggedInLayout({ children }: { children: ReactNode }) {
  const me = await currentAdmin();
  if (!me.ok && (me.problem?.status === 401 || me.problem?.status === 403)) redirect('/admin/login');
  if (!me.ok) {
    const { m } = await adminMessages();
    return (
      <main>
        <h1>{m.error}</h1>
        <p className="error-box">{m.apiUnreachable}</p>
      </main>
    );
  }
  return (
    <AdminShell admin={me.value.administrator} mustSetUpSecondFactor={me.value.mustSetUpSecondFactor}>
      {children}
    </AdminShell>
  );
}
