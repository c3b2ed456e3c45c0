import { ZListAdministratorsResponse } from '@enkat/survey-schema';
import { AdministratorsManager } from '@/components/admin/administrators-manager';
import { adminMessages, currentAdmin, serverApi } from '@/lib/server-api';

/** Owners manage administrators: invite, change roles, disable, send a new login link. */
export default async function AdministratorsPage() {
  const [{ m }, me] = await Promise.all([adminMessages(), currentAdmin()]);
  if (!me.ok || me.value.administrator.role !== 'owner') {
    return (
      <p role="alert" className="error-box">
        {m.forbiddenRole}
      </p>
    );
  }
  const list = await serverApi('/api/v1/admin/administrators', ZListAdministratorsResponse);
  if (!list.ok) return <p className="error-box">{m.error}</p>;
  return <AdministratorsManager initial={list.value.administrators} />;
}
