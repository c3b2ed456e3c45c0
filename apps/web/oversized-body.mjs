// Refuses an /api/ request whose declared body is larger than any the API takes, before Next.js
// buffers it. The body is read to its end first and then answered, so a client still sending
// gets the 413 problem+json instead of a broken pipe; past DRAIN_LIMIT the connection is closed.
import { MAX_REQUEST_BODY_BYTES, PROBLEM_CONTENT_TYPE } from '@enkat/survey-schema';

const DRAIN_LIMIT = 64 * 1024 * 1024;

/** Whether the request is for the API and says its body is over the limit. */
export function isOversizedApiRequest(request) {
  return (
    request.url?.startsWith('/api/') === true && Number(request.headers['content-length'] ?? 0) > MAX_REQUEST_BODY_BYTES
  );
}

export function refuseOversizedBody(request, response) {
  const body = JSON.stringify({
    type: 'urn:enkat:problem:payload_too_large',
    title: 'The request body is too large',
    status: 413,
    code: 'payload_too_large',
    detail: `Request body is too large: at most ${MAX_REQUEST_BODY_BYTES} bytes.`,
  });
  const answer = (close) => {
    if (response.headersSent) return;
    response.writeHead(413, {
      'content-type': PROBLEM_CONTENT_TYPE,
      'content-length': Buffer.byteLength(body),
      ...(close ? { connection: 'close' } : {}),
    });
    response.end(body);
  };
  let received = 0;
  request.on('data', (chunk) => {
    received += chunk.length;
    if (received > DRAIN_LIMIT) {
      answer(true);
      request.destroy();
    }
  });
  request.on('end', () => answer(false));
  request.on('error', () => response.destroy());
}
