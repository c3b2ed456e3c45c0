import type { TQuestionSet, TWaveSettings } from '@enkat/survey-schema';
import { html, type SafeHtml } from './html';
import { respondentLabels } from './labels';
import { anonymitySection } from './pages';
import { questionHtml } from './question-html';

/**
 * The whole question set on one page, built by the very functions that build the respondent
 * pages, so the builder's preview shows exactly what respondents will see.
 */
export function previewHtml(questionSet: TQuestionSet, settings: TWaveSettings): SafeHtml {
  const labels = respondentLabels(questionSet.language);
  let number = 0;
  return html`<div class="survey" lang="${questionSet.language}">
<h2>${questionSet.title}</h2>
${questionSet.description && html`<p>${questionSet.description}</p>`}
${anonymitySection({ ...settings, language: questionSet.language }, labels)}
${questionSet.intro && html`<p>${questionSet.intro}</p>`}
${questionSet.sections.map(
  (section, index) => html`<section class="survey-section">
<h3>${labels.sectionHeading(index + 1, questionSet.sections.length)}${section.title ? `: ${section.title}` : ''}</h3>
${section.questions.map((question) => {
  number += 1;
  return questionHtml({ question, number, labels });
})}
</section>`,
)}
${questionSet.closing && html`<p>${questionSet.closing}</p>`}
</div>`;
}
