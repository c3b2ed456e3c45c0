import type { TAnswerProblem, TLanguage, TRespondentProblem } from '@enkat/survey-schema';

/** The words around a survey follow the survey's language, not the visitor's or the admin's. */
export type TLabels = {
  required: string;
  optional: string;
  multipleHint: string;
  maxLength: (n: number) => string;
  page: (i: number, n: number) => string;
  sectionHeading: (i: number, n: number) => string;
  start: string;
  codeLabel: string;
  codeHint: string;
  next: string;
  previous: string;
  review: string;
  reviewHeading: string;
  reviewIntro: string;
  change: (section: number) => string;
  noAnswer: string;
  send: string;
  thanksHeading: string;
  thanks: string;
  errorSummary: string;
  errorTitle: string;
  anonymity: string;
  opens: (when: string) => string;
  closed: string;
  notFound: string;
  tooLarge: string;
  unavailable: string;
  problems: Record<TRespondentProblem, string>;
  answerProblems: Record<TAnswerProblem, (limit?: number) => string>;
};

const SV: TLabels = {
  required: 'obligatorisk',
  optional: 'frivillig',
  multipleHint: 'Välj ett eller flera alternativ.',
  maxLength: (n) => `Högst ${n.toLocaleString('sv-SE')} tecken.`,
  page: (i, n) => `Sida ${i} av ${n}`,
  sectionHeading: (i, n) => `Del ${i} av ${n}`,
  start: 'Börja',
  codeLabel: 'Din kod',
  codeHint: 'Koden står på din inbjudan, till exempel ABCD-EFGH-JKMN. Stora eller små bokstäver spelar ingen roll.',
  next: 'Nästa',
  previous: 'Föregående',
  review: 'Granska svaren',
  reviewHeading: 'Granska dina svar',
  reviewIntro: 'Kontrollera svaren innan du skickar dem. Efter att du har skickat dem går de inte att ändra.',
  change: (section) => `Ändra del ${section}`,
  noAnswer: 'Inget svar',
  send: 'Skicka svaren',
  thanksHeading: 'Tack för dina svar!',
  thanks: 'Dina svar är sparade. Du kan stänga sidan.',
  errorSummary: 'Något behöver rättas',
  errorTitle: 'Fel',
  anonymity: 'Anonymitet',
  opens: (when) => `Enkäten har inte öppnat än. Den öppnar ${when}.`,
  closed: 'Enkäten är stängd och tar inte emot fler svar.',
  notFound: 'Det finns ingen enkät på den här adressen. Kontrollera adressen i din inbjudan.',
  tooLarge: 'Svaren är för långa för att skickas.',
  unavailable: 'Enkäten går inte att nå just nu. Försök igen om en stund; dina svar finns kvar på sidan.',
  problems: {
    survey_not_found: 'Det finns ingen enkät på den här adressen.',
    survey_not_yet_open: 'Enkäten har inte öppnat än.',
    survey_closed: 'Enkäten är stängd och tar inte emot fler svar.',
    code_required: 'Skriv koden från din inbjudan.',
    code_malformed: 'Koden stämmer inte. Kontrollera att du har skrivit av den rätt.',
    code_unknown: 'Det finns ingen sådan kod. Kontrollera att du har skrivit av den rätt.',
    code_other_survey: 'Koden gäller en annan enkät.',
    code_revoked: 'Koden har dragits tillbaka och kan inte användas.',
    code_used: 'Koden har redan använts. Varje kod kan bara användas en gång.',
    answers_invalid: 'Några svar behöver rättas.',
    receipt_mismatch: 'Formuläret har redan skickats med andra svar. Ladda om enkäten för att svara.',
  },
  answerProblems: {
    unknown_question: () => 'Frågan finns inte i enkäten.',
    unknown_option: () => 'Välj ett av alternativen.',
    expected_text: () => 'Skriv ditt svar som text.',
    expected_option: () => 'Välj ett av alternativen.',
    expected_options: () => 'Välj bland alternativen.',
    one_only: () => 'Välj bara ett alternativ.',
    chosen_twice: () => 'Ett alternativ är valt två gånger.',
    too_long: (limit) => `Svaret är för långt: högst ${limit?.toLocaleString('sv-SE')} tecken.`,
    bad_text: () => 'Svaret innehåller ett styrtecken eller ett trasigt tecken. Skriv om det.',
    too_few: (limit) => `Välj minst ${limit}.`,
    too_many: (limit) => `Välj högst ${limit}.`,
    exclusive: () => 'Ett av alternativen kan inte väljas tillsammans med andra. Välj bara det, eller bara andra.',
    required: () => 'Frågan måste besvaras.',
  },
};

const EN: TLabels = {
  required: 'required',
  optional: 'optional',
  multipleHint: 'Choose one or more options.',
  maxLength: (n) => `At most ${n.toLocaleString('en')} characters.`,
  page: (i, n) => `Page ${i} of ${n}`,
  sectionHeading: (i, n) => `Part ${i} of ${n}`,
  start: 'Start',
  codeLabel: 'Your code',
  codeHint: 'The code is on your invitation, for example ABCD-EFGH-JKMN. Upper or lower case does not matter.',
  next: 'Next',
  previous: 'Previous',
  review: 'Review your answers',
  reviewHeading: 'Review your answers',
  reviewIntro: 'Check your answers before you send them. Once sent, they cannot be changed.',
  change: (section) => `Change part ${section}`,
  noAnswer: 'No answer',
  send: 'Send your answers',
  thanksHeading: 'Thank you for your answers!',
  thanks: 'Your answers are saved. You can close this page.',
  errorSummary: 'Something needs correcting',
  errorTitle: 'Error',
  anonymity: 'Anonymity',
  opens: (when) => `This survey has not opened yet. It opens on ${when}.`,
  closed: 'This survey is closed and takes no more answers.',
  notFound: 'There is no survey at this address. Check the address in your invitation.',
  tooLarge: 'The answers are too long to send.',
  unavailable: 'The survey cannot be reached right now. Try again in a moment; your answers are still on the page.',
  problems: {
    survey_not_found: 'There is no survey at this address.',
    survey_not_yet_open: 'This survey has not opened yet.',
    survey_closed: 'This survey is closed and takes no more answers.',
    code_required: 'Enter the code from your invitation.',
    code_malformed: 'That code is not right. Check that you copied it correctly.',
    code_unknown: 'There is no such code. Check that you copied it correctly.',
    code_other_survey: 'This code is for another survey.',
    code_revoked: 'This code has been withdrawn and cannot be used.',
    code_used: 'This code has already been used. Each code can be used once.',
    answers_invalid: 'Some answers need correcting.',
    receipt_mismatch: 'This form was already sent with other answers. Reload the survey to answer.',
  },
  answerProblems: {
    unknown_question: () => 'This question is not in the survey.',
    unknown_option: () => 'Choose one of the options.',
    expected_text: () => 'Write your answer as text.',
    expected_option: () => 'Choose one of the options.',
    expected_options: () => 'Choose among the options.',
    one_only: () => 'Choose only one option.',
    chosen_twice: () => 'An option is chosen twice.',
    too_long: (limit) => `The answer is too long: at most ${limit?.toLocaleString('en')} characters.`,
    bad_text: () => 'The answer contains a control character or a broken character. Please retype it.',
    too_few: (limit) => `Choose at least ${limit}.`,
    too_many: (limit) => `Choose at most ${limit}.`,
    exclusive: () => 'One of the options cannot be chosen together with others. Choose only that one, or only others.',
    required: () => 'This question must be answered.',
  },
};

export function respondentLabels(language: TLanguage): TLabels {
  return language === 'en' ? EN : SV;
}
