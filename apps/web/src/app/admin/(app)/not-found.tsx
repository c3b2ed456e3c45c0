import Link from 'next/link';
import { adminMessages } from '@/lib/server-api';

/** An unknown wave, series or admin address, inside the admin layout, with the way back. */
export default async function AdminNotFound() {
  const { m } = await adminMessages();
  return (
    <>
      <h1>{m.notFoundTitle}</h1>
      <p>{m.notFoundBody}</p>
      <p>
        <Link className="button" href="/admin">
          {m.backToOverview}
        </Link>
      </p>
    </>
  );
}
