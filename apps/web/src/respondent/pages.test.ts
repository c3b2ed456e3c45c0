import { TEMPLATE_2012, type TQuestionSet, type TRespondentWave } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { hiddenState, readFormState } from './form-state';
import { respondentLabels } from './labels';
import { documentHtml, reviewPage, sectionPage, startPage, thanksPage, withMessage } from './pages';

const wave = (questionSet: TQuestionSet): TRespondentWave & { questionSet: TQuestionSet } => ({
  slug: 'k7m3p9ta',
  title: questionSet.title,
  language: questionSet.language,
  status: 'open',
  opensAt: '2026-12-01T07:00:00.000Z',
  closesAt: '2027-01-31T22:59:00.000Z',
  accessMode: 'codes',
  minGroupSize: 5,
  freeTextMinGroup: 10,
  anonymityNote: '',
  questionSet,
});

const english: TQuestionSet = {
  ...TEMPLATE_2012,
  title: 'Staff survey <2026>',
  language: 'en',
  sections: [
    {
      id: 'work',
      title: 'Work',
      questions: [
        {
          id: 'tasks',
          type: 'multiple_choice',
          text: 'Which tasks take <most> time?',
          required: false,
          options: [
            { id: 'admin', label: 'Administration', role: 'choice' },
            { id: 'visits', label: 'Home "visits"', role: 'choice' },
          ],
        },
        { id: 'comment', type: 'free_text', text: 'Anything else?', required: false, maxLength: 2000 },
      ],
    },
  ],
};

describe('respondent pages', () => {
  it('speak the survey’s language: an English survey gets English words around it', () => {
    const labels = respondentLabels('en');
    const page = documentHtml({ title: english.title, language: 'en' }, startPage(wave(english), labels));
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('Your answers are anonymous.');
    expect(page).toContain('>Start</button>');
    expect(page).toContain('Your code');
    expect(page).not.toContain('Börja');
  });

  it('escape everything that comes from a survey or a respondent', () => {
    const labels = respondentLabels('en');
    const state = {
      key: crypto.randomUUID(),
      code: '"><script>',
      page: 0,
      nav: '',
      answers: { comment: '</textarea><b>x' },
    };
    const html = String(sectionPage(wave(english), state, 0, labels));
    expect(html).toContain('Which tasks take &lt;most&gt; time?');
    expect(html).toContain('Home &quot;visits&quot;');
    expect(html).toContain('&lt;/textarea&gt;&lt;b&gt;x</textarea>');
    expect(html).toContain('value="&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<script>');
  });

  it('carry the answers of other pages in hidden fields, and read them back unchanged', () => {
    const answers = { tasks: ['admin', 'visits'], comment: 'Mer tid, "tack" & <gärna>' };
    const state = { key: crypto.randomUUID(), code: 'ABCD-EFGH-JKMN', page: 1, nav: '', answers };
    const fields = String(hiddenState(state, 1, new Set()));
    const form = new URLSearchParams(
      [...fields.matchAll(/name="([^"]+)" value="([^"]*)"/g)].map(([, name = '', value = '']) => [
        name,
        value
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&#39;/g, "'")
          .replace(/&amp;/g, '&'),
      ]),
    );
    const read = readFormState(form, english);
    expect(read).toMatchObject({ key: state.key, code: state.code, page: 1, answers });
  });

  it('show every answer on the review page, and "No answer" where there is none', () => {
    const state = { key: crypto.randomUUID(), code: '', page: 1, nav: '', answers: { tasks: ['visits'] } };
    const html = String(reviewPage(wave(english), state, respondentLabels('en')));
    expect(html).toContain('<dd>Home &quot;visits&quot;</dd>');
    expect(html).toContain('<dd>No answer</dd>');
  });

  it('tie an error to its question without a doubled stop, hint at several choices, and thank once', () => {
    expect(withMessage('Jag har för mycket att göra på arbetstid.', 'Frågan måste besvaras.')).toBe(
      'Jag har för mycket att göra på arbetstid: Frågan måste besvaras.',
    );
    expect(withMessage('Vilken är din roll?', 'Frågan måste besvaras.')).toBe(
      'Vilken är din roll? Frågan måste besvaras.',
    );
    const state = { key: crypto.randomUUID(), code: '', page: 0, nav: '', answers: {} };
    const section = String(sectionPage(wave(english), state, 0, respondentLabels('en')));
    expect(section).toContain('<p id="tasks-hint" class="muted">Choose one or more options.</p>');
    expect(section).toMatch(/id="tasks-admin"[^>]*aria-describedby="tasks-hint"/);
    const labels = respondentLabels('sv');
    const thanks = String(thanksPage(wave(TEMPLATE_2012), 'Tack för dina svar!', labels));
    expect(thanks.match(/Tack för dina svar!/g)).toHaveLength(1);
  });
});
