'use client';

import { type TComment, ZComment, ZListCommentsResponse } from '@enkat/survey-schema';
import { useCallback, useState } from 'react';
import { ApiError, api } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';

type TProps = { waveId: string; questionId: string; canRedact: boolean };

/** A comment with what may be personal data marked, and (for editors) a button to remove it. */
function CommentText({
  comment,
  onRedact,
  removeLabel,
}: {
  comment: TComment;
  onRedact: ((span: { start: number; end: number }) => void) | null;
  removeLabel: string;
}) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const flag of comment.flags ?? []) {
    if (flag.start < at) continue;
    parts.push(comment.text.slice(at, flag.start));
    parts.push(
      <mark key={flag.start} title={flag.kind}>
        {comment.text.slice(flag.start, flag.end)}
        {onRedact && (
          <button type="button" className="link-button" onClick={() => onRedact(flag)}>
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">
              {removeLabel} {comment.text.slice(flag.start, flag.end)}
            </span>
          </button>
        )}
      </mark>,
    );
    at = flag.end;
  }
  parts.push(comment.text.slice(at));
  return <>{parts}</>;
}

/**
 * The free-text answers of a question, in a new random order on every view and without any
 * metadata; what looks like personal data is marked so an editor can remove it (audited).
 */
export function CommentsList({ waveId, questionId, canRedact }: TProps) {
  const { t } = useI18n();
  const [comments, setComments] = useState<TComment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api(`/api/v1/waves/${waveId}/comments/${questionId}?flag=1`, ZListCommentsResponse).then(
        (list) => setComments(list.comments),
        () => setError(t('error')),
      ),
    [waveId, questionId, t],
  );
  const redact = (comment: TComment) => async (span: { start: number; end: number }) => {
    try {
      await api(`/api/v1/waves/${waveId}/comments/${questionId}/redact`, ZComment, {
        method: 'POST',
        body: {
          comment: comment.id,
          span: { start: span.start, end: span.end, text: comment.text.slice(span.start, span.end) },
        },
      });
      await load();
    } catch (failure) {
      setError(failure instanceof ApiError ? failure.message : t('error'));
    }
  };

  if (comments === null) {
    return (
      <button type="button" className="button secondary" onClick={load}>
        {t('showComments')}
      </button>
    );
  }
  return (
    <>
      {error && <p className="error-box">{error}</p>}
      <ul className="comments">
        {comments.map((comment) => (
          <li key={comment.id}>
            <CommentText comment={comment} onRedact={canRedact ? redact(comment) : null} removeLabel={t('remove')} />
          </li>
        ))}
      </ul>
    </>
  );
}
