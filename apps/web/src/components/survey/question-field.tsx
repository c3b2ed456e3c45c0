import type { TQuestion } from '@enkat/survey-schema';

type TQuestionFieldProps = {
  question: TQuestion;
  number: number;
  /** The answer so far (kept in the form itself, never on the server). */
  value?: string | string[] | undefined;
  error?: string | undefined;
  labels: { required: string; optional: string; maxLength: (n: number) => string };
};

/**
 * One question as respondents see it: a fieldset with a legend, native radio buttons or
 * checkboxes with labels, or a text area. Plain HTML: works without JavaScript.
 */
export function QuestionField({ question, number, value, error, labels }: TQuestionFieldProps) {
  const name = `answers.${question.id}`;
  const describedBy =
    [question.help ? `${question.id}-help` : '', error ? `${question.id}-error` : ''].filter(Boolean).join(' ') ||
    undefined;
  const legend = (
    <legend>
      <span className="question-number">{number}.</span> {question.text}{' '}
      <span className="muted">({question.required ? labels.required : labels.optional})</span>
    </legend>
  );
  const help = question.help && (
    <p id={`${question.id}-help`} className="muted">
      {question.help}
    </p>
  );
  const errorText = error && (
    <p id={`${question.id}-error`} className="field-error">
      {error}
    </p>
  );

  if (question.type === 'free_text') {
    return (
      <fieldset className="question" id={`q-${question.id}`} aria-describedby={describedBy}>
        {legend}
        {help}
        {errorText}
        <label htmlFor={`${question.id}-text`} className="visually-hidden">
          {question.text}
        </label>
        <textarea
          id={`${question.id}-text`}
          name={name}
          rows={5}
          maxLength={question.maxLength}
          defaultValue={typeof value === 'string' ? value : ''}
          aria-invalid={error ? true : undefined}
        />
        <p className="muted">{labels.maxLength(question.maxLength)}</p>
      </fieldset>
    );
  }

  const multiple = question.type === 'multiple_choice';
  const chosen = new Set(Array.isArray(value) ? value : value ? [value] : []);
  return (
    <fieldset
      className="question"
      id={`q-${question.id}`}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      {legend}
      {help}
      {errorText}
      <div className={question.type === 'agreement' ? 'options scale' : 'options'}>
        {question.options.map((option) => {
          const id = `${question.id}-${option.id}`;
          return (
            <div
              key={option.id}
              className={option.role === 'scale' || option.role === 'choice' ? 'option' : 'option aside'}
            >
              <input
                type={multiple ? 'checkbox' : 'radio'}
                id={id}
                name={name}
                value={option.id}
                defaultChecked={chosen.has(option.id)}
                required={question.required && !multiple}
              />
              <label htmlFor={id}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
