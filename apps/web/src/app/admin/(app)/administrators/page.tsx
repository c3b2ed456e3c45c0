import { ZListAdministratorsResponse, ZSignInSettings } from '@enkat/survey-schema';
import { AdministratorsManager } from '@/components/admin/administrators-manager';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';

/**
 * Owners manage administrators (invite, change roles, disable, send a new login link, reset a
 * second factor) and how everyone signs in.
 */
export default async function AdministratorsPage() {
  const [{ m }, me] = await Promise.all([adminMessages(), currentAdmin()]);
  if (!me.ok || me.value.administrator.role !== 'owner') {
    return (
      <p role="alert" className="error-box">
        {m.forbiddenRole}
      </p>
    );
  }
  const [list, signIn] = await Promise.all([
    serverApi('/api/v1/admin/administrators', ZListAdministratorsResponse),
    serverApi('/api/v1/admin/sign-in-settings', ZSignInSettings),
  ]);
  if (!list.ok) return <p className="error-box">{m.error}</p>;
  return <AdministratorsManager initial={list.value.administrators} initialSignIn={signIn.ok ? signIn.value : null} />;
}
