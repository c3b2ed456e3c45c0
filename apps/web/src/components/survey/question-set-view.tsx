import { anonymityStatement, type TQuestionSet, type TWaveSettings } from '@enkat/survey-schema';
import { QuestionField } from './question-field';
import { surveyLabels } from './survey-labels';

/** A whole question set, section by section, as respondents see it (the admin preview). */
export function QuestionSetView({ questionSet, settings }: { questionSet: TQuestionSet; settings: TWaveSettings }) {
  const labels = surveyLabels(questionSet.language);
  let number = 0;
  return (
    <div lang={questionSet.language} className="survey">
      <h2>{questionSet.title}</h2>
      {questionSet.description && <p>{questionSet.description}</p>}
      <section className="anonymity" aria-label={questionSet.language === 'en' ? 'Anonymity' : 'Anonymitet'}>
        {anonymityStatement(settings, questionSet.language).map((line) => (
          <p key={line}>{line}</p>
        ))}
        {settings.anonymityNote && <p>{settings.anonymityNote}</p>}
      </section>
      {questionSet.intro && <p>{questionSet.intro}</p>}
      {questionSet.sections.map((section, index) => (
        <section key={section.id} className="survey-section">
          <h3>
            {labels.sectionHeading(index + 1, questionSet.sections.length)}
            {section.title ? `: ${section.title}` : ''}
          </h3>
          {section.questions.map((question) => {
            number += 1;
            return <QuestionField key={question.id} question={question} number={number} labels={labels} />;
          })}
        </section>
      ))}
      {questionSet.closing && <p>{questionSet.closing}</p>}
    </div>
  );
}
