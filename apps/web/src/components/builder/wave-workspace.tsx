'use client';

import type { TCodeSummary, TQuestion, TQuestionSet, TSection, TWave, TWaveSettings } from '@enkat/survey-schema';
import { ZWave } from '@enkat/survey-schema';
import Link from 'next/link';
import { useState } from 'react';
import { useConfirm } from '@/components/admin/confirm-dialog';
import { useUnsavedWarning } from '@/components/admin/use-unsaved-warning';
import { waveDates } from '@/components/admin/wave-dates';
import { CodesPanel } from '@/components/codes/codes-panel';
import { MailingPanel } from '@/components/mailing/mailing-panel';
import { QuestionSetView } from '@/components/survey/question-set-view';
import { ApiError, api, errorText } from '@/lib/api-client';
import { useI18n } from '@/lib/i18n';
import { fillMessage } from '@/lib/messages';
import { fieldText } from '@/lib/problem-text';
import { QuestionSetEditor } from './question-set-editor';
import { restoreQuestion, restoreSection } from './question-set-edits';
import { WaveSettingsForm } from './wave-settings-form';

type TMessage = { kind: 'status' | 'alert'; text: string };
/** The last deletion, to undo: where it was and what it was. */
type TUndo =
  | { kind: 'question'; s: number; q: number; question: TQuestion }
  | { kind: 'section'; s: number; section: TSection };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

type TWaveWorkspaceProps = { initialWave: TWave; initialCodes: TCodeSummary | null; canEdit: boolean };

/**
 * A wave's page. A draft's question set and settings are edited together and saved with one
 * button; an open wave's closing time and number invited can still be corrected. Publishing
 * and closing ask first, and save pending edits before they act.
 */
export function WaveWorkspace({ initialWave, initialCodes, canEdit }: TWaveWorkspaceProps) {
  const { t, language } = useI18n();
  const { ask, dialog } = useConfirm();
  const [wave, setWave] = useState(initialWave);
  const [questionSet, setQuestionSet] = useState(initialWave.questionSet);
  const [settings, setSettings] = useState(initialWave.settings);
  const [timesInvalid, setTimesInvalid] = useState(false);
  const [message, setMessage] = useState<TMessage | null>(null);
  const [setErrors, setSetErrors] = useState<Record<string, string>>({});
  const [settingsErrors, setSettingsErrors] = useState<Record<string, string>>({});
  const [previewing, setPreviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [undo, setUndo] = useState<TUndo | null>(null);

  const draft = wave.state === 'draft' && canEdit;
  const correctable = wave.state === 'open' && canEdit;
  const questionsDirty = draft && !same(questionSet, wave.questionSet);
  const settingsDirty = (draft || correctable) && !same(settings, wave.settings);
  const dirty = questionsDirty || settingsDirty || timesInvalid;
  useUnsavedWarning(dirty, t('leaveUnsaved'));

  const editQuestions = (next: TQuestionSet) => {
    setQuestionSet(next);
    if (message?.kind === 'status') setMessage(null);
  };
  const editSettings = (next: TWaveSettings) => {
    setSettings(next);
    if (message?.kind === 'status') setMessage(null);
  };

  /** Errors of a 422 answer keyed by their path under `prefix` ("body.questionSet."), in the page's language. */
  const errorsUnder = (error: unknown, prefix: string) =>
    error instanceof ApiError
      ? Object.fromEntries(
          (error.problem.errors ?? [])
            .filter((e) => e.path.startsWith(prefix))
            .map((e) => [e.path.slice(prefix.length), fieldText(e.message, language)]),
        )
      : {};

  /** Saves what changed, questions first; the saved wave, or null with the errors shown. */
  async function save(): Promise<TWave | null> {
    if (timesInvalid) {
      setMessage({ kind: 'alert', text: t('timeFormatError') });
      return null;
    }
    let current = wave;
    try {
      if (questionsDirty) {
        current = await api(`/api/v1/waves/${wave.id}/question-set`, ZWave, {
          method: 'PUT',
          body: { revision: current.revision, questionSet },
        }).catch((error) => {
          setSetErrors(errorsUnder(error, 'body.questionSet.'));
          throw error;
        });
        setWave(current);
        setQuestionSet(current.questionSet);
      }
      if (settingsDirty) {
        current = await (draft
          ? api(`/api/v1/waves/${wave.id}/settings`, ZWave, {
              method: 'PUT',
              body: { revision: current.revision, settings },
            })
          : api(`/api/v1/waves/${wave.id}/open-settings`, ZWave, {
              method: 'PUT',
              body: { revision: current.revision, closesAt: settings.closesAt, invitedCount: settings.invitedCount },
            })
        ).catch((error) => {
          setSettingsErrors(errorsUnder(error, draft ? 'body.settings.' : 'body.'));
          throw error;
        });
        setWave(current);
        setSettings(current.settings);
      }
      setSetErrors({});
      setSettingsErrors({});
      return current;
    } catch (error) {
      setMessage({ kind: 'alert', text: errorText(error, language) });
      return null;
    }
  }

  async function run(action: () => Promise<TWave | null>, done: string) {
    setBusy(true);
    try {
      const next = await action();
      if (!next) return;
      setWave(next);
      setQuestionSet(next.questionSet);
      setSettings(next.settings);
      setMessage({ kind: 'status', text: done });
    } catch (error) {
      setMessage({ kind: 'alert', text: errorText(error, language) });
    } finally {
      setBusy(false);
    }
  }

  async function publish() {
    const confirmed = await ask({
      title: t('confirmPublishTitle'),
      body: (
        <>
          <p>{t('confirmPublishBody')}</p>
          {dirty && <p>{t('confirmSavesFirst')}</p>}
        </>
      ),
      confirmLabel: t('publish'),
    });
    if (!confirmed) return;
    await run(async () => {
      const saved = dirty ? await save() : wave;
      if (!saved) return null;
      return api(`/api/v1/waves/${wave.id}/publish`, ZWave, { method: 'POST', body: { revision: saved.revision } });
    }, t('publishedNotice'));
  }

  async function close() {
    const confirmed = await ask({
      title: t('confirmCloseTitle'),
      body: (
        <>
          <p>{t('confirmCloseBody')}</p>
          {dirty && <p>{t('confirmSavesFirst')}</p>}
        </>
      ),
      confirmLabel: t('closeWave'),
    });
    if (!confirmed) return;
    await run(async () => {
      if (dirty && !(await save())) return null;
      return api(`/api/v1/waves/${wave.id}/close`, ZWave, { method: 'POST' });
    }, t('closedNoticeShort'));
  }

  function undoDeletion() {
    if (!undo) return;
    editQuestions(
      undo.kind === 'question'
        ? restoreQuestion(questionSet, undo.s, undo.q, undo.question)
        : restoreSection(questionSet, undo.s, undo.section),
    );
    setUndo(null);
  }

  const stateNotice = wave.state === 'open' ? t('frozenOpen') : wave.state === 'closed' ? t('closedNotice') : null;
  return (
    <>
      <p>
        <Link href={`/admin/series/${wave.series.id}`}>{wave.series.name}</Link>
      </p>
      <h1>
        {wave.series.name} {wave.name} <span className={`badge state-${wave.state}`}>{t(`state_${wave.state}`)}</span>
      </h1>
      <p className="muted">
        {t('period')}: {waveDates(wave.settings.opensAt, wave.settings.closesAt, language)}
      </p>
      {message && (
        <p role={message.kind} className={message.kind === 'alert' ? 'error-box' : 'notice'}>
          {message.text}
        </p>
      )}
      {stateNotice && <p className="notice">{stateNotice}</p>}
      {wave.wordingChanged && wave.wordingChanged.questionIds.length > 0 && (
        <p className="notice">
          {fillMessage(t('wordingChangedQuestions'), {
            wave: wave.wordingChanged.since,
            questions: wave.wordingChanged.questionIds.join(', '),
          })}
        </p>
      )}
      <div className="toolbar">
        <button
          type="button"
          className="button secondary"
          aria-pressed={previewing}
          onClick={() => setPreviewing(!previewing)}
        >
          {t('preview')}
        </button>
        {wave.state !== 'draft' && (
          <Link className="button" href={`/admin/waves/${wave.id}/results`}>
            {t('results')}
          </Link>
        )}
        <a className="button secondary" href={`/api/v1/waves/${wave.id}/export`} download>
          {t('exportJson')}
        </a>
        {draft && (
          <button type="button" className="button" disabled={busy} onClick={publish}>
            {t('publish')}
          </button>
        )}
        {correctable && (
          <button type="button" className="button danger" disabled={busy} onClick={close}>
            {t('closeWave')}
          </button>
        )}
      </div>
      {wave.slug && (
        <p>
          {t('codesAddress')}: <a href={`/s/${wave.slug}`}>/s/{wave.slug}</a>
        </p>
      )}
      {wave.contentHash && (
        <p className="muted">
          {t('contentHash')}: <code>{wave.contentHash.slice(0, 12)}</code>
        </p>
      )}
      {wave.slug && wave.settings.accessMode === 'codes' && (
        <CodesPanel
          waveId={wave.id}
          slug={wave.slug}
          title={wave.questionSet.title || `${wave.series.name} ${wave.name}`}
          surveyLanguage={wave.questionSet.language === 'en' ? 'en' : 'sv'}
          invitedCount={wave.settings.invitedCount}
          initialSummary={initialCodes}
          canEdit={canEdit}
          open={wave.state === 'open'}
        />
      )}
      {wave.slug && wave.settings.accessMode === 'codes' && canEdit && (
        <MailingPanel waveId={wave.id} canEdit={canEdit} open={wave.state === 'open'} />
      )}
      {previewing ? (
        <section className="preview" aria-label={t('previewTitle')}>
          <QuestionSetView questionSet={questionSet} settings={settings} />
        </section>
      ) : (
        <>
          <WaveSettingsForm
            value={settings}
            errors={settingsErrors}
            mode={draft ? 'draft' : correctable ? 'open' : 'locked'}
            onChange={editSettings}
            onTimesInvalid={setTimesInvalid}
          />
          <h2>{t('questionsHeading')}</h2>
          {draft ? (
            <QuestionSetEditor
              value={questionSet}
              errors={setErrors}
              onChange={editQuestions}
              onDeleteQuestion={(s, q, question) => setUndo({ kind: 'question', s, q, question })}
              onDeleteSection={(s, section) => setUndo({ kind: 'section', s, section })}
            />
          ) : (
            <QuestionSetView questionSet={questionSet} settings={settings} />
          )}
        </>
      )}
      {(draft || correctable) && (
        <div className="save-bar">
          {undo && (
            <p role="status" className="undo">
              {undo.kind === 'question'
                ? fillMessage(t('questionDeleted'), { text: undo.question.text || t('untitledQuestion') })
                : fillMessage(t('sectionDeleted'), {
                    text: undo.section.title || `${t('section')} ${undo.s + 1}`,
                  })}{' '}
              <button type="button" className="link-button" onClick={undoDeletion}>
                {t('undo')}
              </button>
            </p>
          )}
          <p className="save-state" aria-live="polite">
            {dirty ? <strong>{t('unsaved')}</strong> : t('allSaved')}
          </p>
          <button type="button" className="button" disabled={busy || !dirty} onClick={() => run(save, t('saved'))}>
            {t('saveChanges')}
          </button>
        </div>
      )}
      {dialog}
    </>
  );
}
