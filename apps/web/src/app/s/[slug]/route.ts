import { documentHtml } from '../../../respondent/pages';
import { respondentGet, respondentPost, type TPage } from '../../../respondent/respond';

// The respondent pages are plain HTML built on the server (see src/respondent): they ship no
// framework JavaScript, work in any browser with scripting off, and set no cookie.
export const dynamic = 'force-dynamic';

/** Far more than a whole answer set needs; anything larger is not a respondent's form. */
const MAX_FORM_BYTES = 300 * 1024;

type TContext = { params: Promise<{ slug: string }> };

function respond(page: TPage): Response {
  return new Response(
    documentHtml(
      { title: page.title, language: page.language, withFragmentScript: page.fragmentScript ?? false },
      page.body,
    ),
    {
      status: page.status,
      headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
    },
  );
}

export async function GET(request: Request, { params }: TContext) {
  return respond(await respondentGet((await params).slug, request.headers));
}

export async function POST(request: Request, { params }: TContext) {
  const { slug } = await params;
  const length = Number(request.headers.get('content-length') ?? 0);
  const text = length > MAX_FORM_BYTES ? null : await request.text();
  if (text === null || text.length > MAX_FORM_BYTES) {
    return new Response('Payload too large', { status: 413, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
  return respond(await respondentPost(slug, request.headers, new URLSearchParams(text)));
}
