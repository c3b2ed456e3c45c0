import Link from 'next/link';
import { adminMessages } from '@/lib/server-api';

/** Any unknown address: said in the administrator's language (Swedish unless chosen otherwise). */
export default async function NotFound() {
  const { m } = await adminMessages();
  return (
    <main>
      <h1>{m.notFoundTitle}</h1>
      <p>{m.notFoundBody}</p>
      <p>
        <Link className="button" href="/">
          {m.backToStart}
        </Link>{' '}
        <Link className="button secondary" href="/admin">
          {m.backToOverview}
        </Link>
      </p>
    </main>
  );
}
