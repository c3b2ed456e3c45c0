import type { TLanguage } from '@enkat/survey-schema';

/** The words around a survey follow the survey's language, not the administrator's. */
export function surveyLabels(language: TLanguage) {
  return language === 'en'
    ? {
        required: 'required',
        optional: 'optional',
        maxLength: (n: number) => `At most ${n.toLocaleString('en')} characters.`,
        sectionHeading: (i: number, n: number) => `Part ${i} of ${n}`,
      }
    : {
        required: 'obligatorisk',
        optional: 'frivillig',
        maxLength: (n: number) => `Högst ${n.toLocaleString('sv-SE')} tecken.`,
        sectionHeading: (i: number, n: number) => `Del ${i} av ${n}`,
      };
}
