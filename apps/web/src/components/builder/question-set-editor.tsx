'use client';

import type { TQuestion, TQuestionSet, TQuestionType, TSection } from '@enkat/survey-schema';
import { useEffect, useRef, useState } from 'react';
import { useI18n } from '@/lib/i18n';
import { QUESTION_TYPES, QuestionEditor } from './question-editor';
import {
  addQuestion,
  addSection,
  changeType,
  deleteQuestion,
  deleteSection,
  duplicateQuestion,
  moveQuestion,
  moveSection,
  updateQuestion,
} from './question-set-edits';

type TQuestionSetEditorProps = {
  value: TQuestionSet;
  errors: Record<string, string>;
  onChange: (set: TQuestionSet) => void;
  /** Told of each deletion, so the page can offer to undo it. */
  onDeleteQuestion: (s: number, q: number, question: TQuestion) => void;
  onDeleteSection: (s: number, section: TSection) => void;
};

/** The draft's sections and questions. Moving is done with buttons, so it works by keyboard alone. */
export function QuestionSetEditor({
  value: set,
  errors,
  onChange,
  onDeleteQuestion,
  onDeleteSection,
}: TQuestionSetEditorProps) {
  const { t } = useI18n();
  const root = useRef<HTMLDivElement>(null);
  // After a move, focus follows the moved question's button, so a keyboard user can keep moving it.
  const [focusAfterMove, setFocusAfterMove] = useState<{ id: string; move: 'up' | 'down' } | null>(null);
  // Parts fold open and shut one by one (their <details>), or all at once: a new generation
  // re-creates them with the chosen state.
  const [fold, setFold] = useState({ open: true, generation: 0 });
  useEffect(() => {
    if (!focusAfterMove) return;
    root.current
      ?.querySelector<HTMLButtonElement>(
        `[data-question-id="${focusAfterMove.id}"] [data-move="${focusAfterMove.move}"]`,
      )
      ?.focus();
    setFocusAfterMove(null);
  }, [focusAfterMove]);

  let number = 0;
  return (
    <div ref={root}>
      <fieldset className="settings">
        <legend>{t('aboutSurvey')}</legend>
        <div className="field">
          <label htmlFor="set-title">{t('surveyTitle')}</label>
          <input
            id="set-title"
            value={set.title}
            onChange={(event) => onChange({ ...set, title: event.target.value })}
          />
          {errors.title && <p className="field-error">{errors.title}</p>}
        </div>
        <div className="field">
          <label htmlFor="set-description">{t('surveyDescription')}</label>
          <textarea
            id="set-description"
            rows={3}
            value={set.description}
            onChange={(event) => onChange({ ...set, description: event.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="set-intro">{t('surveyIntro')}</label>
          <textarea
            id="set-intro"
            rows={2}
            value={set.intro}
            onChange={(event) => onChange({ ...set, intro: event.target.value })}
          />
        </div>
      </fieldset>
      <div className="toolbar">
        <button
          type="button"
          className="button secondary"
          onClick={() => setFold({ open: false, generation: fold.generation + 1 })}
        >
          {t('foldAll')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => setFold({ open: true, generation: fold.generation + 1 })}
        >
          {t('unfoldAll')}
        </button>
      </div>
      {set.sections.map((section, s) => (
        <details key={`${section.id}-${fold.generation}`} className="section-editor" open={fold.open}>
          <summary>
            <h3 id={`section-${section.id}`}>
              {t('section')} {s + 1}
              {section.title ? `: ${section.title}` : ''}{' '}
              <span className="muted">
                ({section.questions.length} {section.questions.length === 1 ? t('questionOne') : t('questionMany')})
              </span>
            </h3>
          </summary>
          <div className="question-actions">
            <button
              type="button"
              className="button secondary"
              disabled={s === 0}
              onClick={() => onChange(moveSection(set, s, -1))}
            >
              {t('moveSectionUp')}
              <span className="visually-hidden">
                : {t('section')} {s + 1}
              </span>
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={s === set.sections.length - 1}
              onClick={() => onChange(moveSection(set, s, 1))}
            >
              {t('moveSectionDown')}
              <span className="visually-hidden">
                : {t('section')} {s + 1}
              </span>
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={set.sections.length === 1}
              onClick={() => {
                onDeleteSection(s, section);
                onChange(deleteSection(set, s));
              }}
            >
              {t('deleteSection')}
              <span className="visually-hidden">
                : {t('section')} {s + 1}
              </span>
            </button>
          </div>
          <div className="field">
            <label htmlFor={`section-${section.id}-title`}>{t('sectionTitle')}</label>
            <input
              id={`section-${section.id}-title`}
              value={section.title ?? ''}
              onChange={(event) =>
                onChange({
                  ...set,
                  sections: set.sections.map((x, i) => (i === s ? { ...x, title: event.target.value } : x)),
                })
              }
            />
          </div>
          {section.questions.map((question, q) => {
            number += 1;
            return (
              <QuestionEditor
                key={question.id}
                question={question}
                number={number}
                path={`sections.${s}.questions.${q}`}
                errors={errors}
                onChange={(changed) => onChange(updateQuestion(set, s, q, () => changed))}
                onTypeChange={(type) =>
                  onChange(updateQuestion(set, s, q, (current) => changeType(set, current, type)))
                }
                onMove={(delta) => {
                  onChange(moveQuestion(set, s, q, delta));
                  setFocusAfterMove({ id: question.id, move: delta < 0 ? 'up' : 'down' });
                }}
                onDuplicate={() => onChange(duplicateQuestion(set, s, q))}
                onDelete={() => {
                  onDeleteQuestion(s, q, question);
                  onChange(deleteQuestion(set, s, q));
                }}
              />
            );
          })}
          <AddQuestion onAdd={(type) => onChange(addQuestion(set, s, type))} sectionId={section.id} />
        </details>
      ))}
      <button type="button" className="button secondary" onClick={() => onChange(addSection(set))}>
        {t('addSection')}
      </button>
    </div>
  );
}

function AddQuestion({ onAdd, sectionId }: { onAdd: (type: TQuestionType) => void; sectionId: string }) {
  const { t } = useI18n();
  const [type, setType] = useState<TQuestionType>('agreement');
  return (
    <div className="inline-form">
      <div className="field">
        <label htmlFor={`add-${sectionId}`}>{t('newQuestionType')}</label>
        <select id={`add-${sectionId}`} value={type} onChange={(event) => setType(event.target.value as TQuestionType)}>
          {QUESTION_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`type_${option}`)}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button secondary" onClick={() => onAdd(type)}>
        {t('addQuestion')}
      </button>
    </div>
  );
}
