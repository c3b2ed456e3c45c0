import { type TUploadRecipientsResponse, ZProblem, ZUploadRecipientsResponse } from '@enkat/survey-schema';
import { ApiError } from '@/lib/api-client';

/**
 * Uploads a recipient list, reporting how much of it has been sent (a list of 100,000
 * addresses is a few megabytes). XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadList(
  url: string,
  text: string,
  onProgress: (fraction: number) => void,
): Promise<TUploadRecipientsResponse> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.withCredentials = true;
    request.setRequestHeader('content-type', 'application/json');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new ApiError({ type: 'about:blank', title: 'Network error', status: 0, code: 'internal_error' }));
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {}
      if (request.status >= 200 && request.status < 300) return resolve(ZUploadRecipientsResponse.parse(body));
      const problem = ZProblem.safeParse(body);
      reject(
        new ApiError(
          problem.success
            ? problem.data
            : { type: 'about:blank', title: request.statusText, status: request.status, code: 'internal_error' },
        ),
      );
    };
    request.send(JSON.stringify({ text }));
  });
}
