'use client';

import {
  AGREEMENT_PRESETS,
  agreementOptions,
  type TAgreementPreset,
  type TOption,
  type TQuestion,
  type TQuestionType,
} from '@enkat/survey-schema';
import { useI18n } from '@/lib/i18n';
import { addOption, removeOption } from './question-set-edits';

/** The preset whose options these are (same labels in the same order), or '' for a scale of one's own. */
function presetOf(options: readonly TOption[]): TAgreementPreset | '' {
  const labels = JSON.stringify(options.map((o) => [o.label, o.role]));
  const match = Object.entries(AGREEMENT_PRESETS).find(
    ([, preset]) => JSON.stringify(preset.options.map((o) => [o.label, o.role])) === labels,
  );
  return (match?.[0] as TAgreementPreset | undefined) ?? '';
}

export const QUESTION_TYPES: TQuestionType[] = [
  'agreement',
  'single_choice',
  'multiple_choice',
  'free_text',
  'background',
];

type TQuestionEditorProps = {
  question: TQuestion;
  number: number;
  /** "sections.0.questions.1": where this question's errors are reported. */
  path: string;
  errors: Record<string, string>;
  onChange: (question: TQuestion) => void;
  onTypeChange: (type: TQuestionType) => void;
  onMove: (delta: -1 | 1) => void;
  onDuplicate: () => void;
  onDelete: () => void;
};

/** One question in the builder: wording, type, options, and keyboard-operable move buttons. */
export function QuestionEditor({
  question,
  number,
  path,
  errors,
  onChange,
  onTypeChange,
  onMove,
  onDuplicate,
  onDelete,
}: TQuestionEditorProps) {
  const { t } = useI18n();
  const id = `edit-${question.id}`;
  const errorFor = (field: string) => errors[`${path}.${field}`];
  const textError = errorFor('text');

  return (
    <fieldset className="question-editor" data-question-id={question.id}>
      <legend>
        {t('question')} {number}
      </legend>
      <div className="field">
        <label htmlFor={`${id}-text`}>{t('questionText')}</label>
        <textarea
          id={`${id}-text`}
          rows={2}
          value={question.text}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${id}-text-error` : undefined}
          onChange={(event) => onChange({ ...question, text: event.target.value })}
        />
        {textError && (
          <p id={`${id}-text-error`} className="field-error">
            {textError}
          </p>
        )}
      </div>
      <div className="inline-form">
        <div className="field">
          <label htmlFor={`${id}-type`}>{t('questionType')}</label>
          <select
            id={`${id}-type`}
            value={question.type}
            onChange={(event) => onTypeChange(event.target.value as TQuestionType)}
          >
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type_${type}`)}
              </option>
            ))}
          </select>
        </div>
        {question.type === 'agreement' && (
          <div className="field">
            <label htmlFor={`${id}-preset`}>{t('preset')}</label>
            <select
              id={`${id}-preset`}
              value={presetOf(question.options)}
              onChange={(event) =>
                event.target.value &&
                onChange({ ...question, options: agreementOptions(event.target.value as TAgreementPreset) })
              }
            >
              <option value="">{t('ownScale')}</option>
              {Object.entries(AGREEMENT_PRESETS).map(([key, preset]) => (
                <option key={key} value={key}>
                  {preset.name}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field checkbox">
          <input
            id={`${id}-required`}
            type="checkbox"
            checked={question.required}
            onChange={(event) => onChange({ ...question, required: event.target.checked })}
          />
          <label htmlFor={`${id}-required`}>{t('required')}</label>
        </div>
      </div>
      {question.type !== 'free_text' && (
        <>
          <p className="option-list-label" id={`${id}-options`}>
            {t('answerOptions')}
          </p>
          <ol className="option-list" aria-labelledby={`${id}-options`}>
            {question.options.map((option, index) => (
              <li key={option.id}>
                <label htmlFor={`${id}-option-${option.id}`} className="visually-hidden">
                  {t('option')} {index + 1}
                </label>
                <input
                  className="option-input"
                  id={`${id}-option-${option.id}`}
                  value={option.label}
                  onChange={(event) =>
                    onChange({
                      ...question,
                      options: question.options.map((o, i) => (i === index ? { ...o, label: event.target.value } : o)),
                    } as TQuestion)
                  }
                />
                {option.role !== 'choice' && <span className="muted">{t(`role_option_${option.role}`)}</span>}
                {question.type === 'multiple_choice' && option.role === 'choice' && (
                  <span className="checkbox-inline">
                    <input
                      id={`${id}-exclusive-${option.id}`}
                      type="checkbox"
                      checked={option.exclusive === true}
                      onChange={(event) =>
                        onChange({
                          ...question,
                          options: question.options.map((o, i) => {
                            if (i !== index || o.role !== 'choice') return o;
                            const { exclusive: _, ...rest } = o;
                            return event.target.checked ? { ...rest, exclusive: true as const } : rest;
                          }),
                        })
                      }
                    />
                    <label htmlFor={`${id}-exclusive-${option.id}`}>
                      {t('exclusive')}
                      <span className="visually-hidden">: {option.label}</span>
                    </label>
                  </span>
                )}
                <button type="button" className="link-button" onClick={() => onChange(removeOption(question, index))}>
                  {t('remove')}
                  <span className="visually-hidden">: {option.label}</span>
                </button>
                {errorFor(`options.${index}.label`) && (
                  <p className="field-error">{errorFor(`options.${index}.label`)}</p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {question.type !== 'free_text' && (
        <p>
          <button type="button" className="button secondary" onClick={() => onChange(addOption(question))}>
            {t('addOption')}
          </button>
        </p>
      )}
      {errorFor('options') && <p className="field-error">{errorFor('options')}</p>}
      <div className="question-actions">
        <button type="button" className="button secondary" data-move="up" onClick={() => onMove(-1)}>
          {t('moveUp')}
          <span className="visually-hidden">: {question.text}</span>
        </button>
        <button type="button" className="button secondary" data-move="down" onClick={() => onMove(1)}>
          {t('moveDown')}
          <span className="visually-hidden">: {question.text}</span>
        </button>
        <button type="button" className="button secondary" onClick={onDuplicate}>
          {t('duplicate')}
        </button>
        <button type="button" className="button secondary" onClick={onDelete}>
          {t('delete')}
        </button>
      </div>
    </fieldset>
  );
}
