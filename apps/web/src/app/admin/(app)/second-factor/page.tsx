import { SecondFactorForms } from '@/components/admin/second-factor-forms';
import { currentAdmin } from '@/lib/server-api';

/** One's own second factor: its state comes with the page from the session the layout checked. */
export default async function SecondFactorPage() {
  const me = await currentAdmin();
  // Without a session the layout has already sent the browser to the login page.
  if (!me.ok) return null;
  return (
    <SecondFactorForms
      initial={{ on: me.value.administrator.secondFactor, required: me.value.mustSetUpSecondFactor }}
    />
  );
}
