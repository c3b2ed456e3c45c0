import type { TMailKind, TMailTemplate, TMailTemplates } from '@enkat/survey-schema';

export type TMailLanguage = 'sv' | 'en';

/** The placeholders a template may use; {kod} only in invitations (see mailing/README.md). */
export const PLACEHOLDERS = ['titel', 'stängs', 'länk', 'kod'] as const;
type TPlaceholder = (typeof PLACEHOLDERS)[number];

export const ALREADY_ANSWERED_SV = 'Om du redan har svarat: tack, du behöver inte göra något mer.';
export const ALREADY_ANSWERED_EN = 'If you have already answered: thank you, there is nothing more you need to do.';

export const DEFAULT_TEMPLATES: Record<TMailLanguage, TMailTemplates> = {
  sv: {
    invitation: {
      subject: 'Inbjudan: {titel}',
      body:
        'Hej!\n\nDu är inbjuden att svara på enkäten "{titel}". Den är anonym: ingen kan se vad du har svarat.\n\n' +
        'Svara här: {länk}\n\nDin kod: {kod}\n(Koden fylls i av sig själv när du öppnar länken. Den gäller en gång.)\n\n' +
        'Enkäten stängs {stängs}.\n\nTack för din medverkan!',
    },
    reminder: {
      subject: 'Påminnelse: {titel}',
      body:
        'Hej!\n\nEnkäten "{titel}" stängs {stängs}. Svara här: {länk}\n\n' +
        'Använd koden i inbjudan du fick tidigare.\n\n' +
        `${ALREADY_ANSWERED_SV}`,
    },
  },
  en: {
    invitation: {
      subject: 'Invitation: {titel}',
      body:
        'Hello,\n\nYou are invited to answer the survey "{titel}". It is anonymous: nobody can see what you answered.\n\n' +
        'Answer here: {länk}\n\nYour code: {kod}\n(The code fills itself in when you open the link. It works once.)\n\n' +
        'The survey closes {stängs}.\n\nThank you for taking part!',
    },
    reminder: {
      subject: 'Reminder: {titel}',
      body:
        'Hello,\n\nThe survey "{titel}" closes {stängs}. Answer here: {länk}\n\n' +
        'Use the code in the invitation you received earlier.\n\n' +
        `${ALREADY_ANSWERED_EN}`,
    },
  },
};

const PLACEHOLDER = /\{([^{}\s]{1,20})\}/g;

/** Problems with a template: unknown placeholders, a missing link, a code in a reminder. */
export function templateProblems(kind: TMailKind, template: TMailTemplate): string[] {
  const problems: string[] = [];
  for (const [part, text] of [
    ['subject', template.subject],
    ['body', template.body],
  ] as const) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = match[1] as TPlaceholder;
      if (!PLACEHOLDERS.includes(name)) problems.push(`${part}: okänd platshållare {${match[1]}}`);
      else if (name === 'kod' && (kind === 'reminder' || part === 'subject')) {
        problems.push(
          kind === 'reminder'
            ? `${part}: en påminnelse kan inte innehålla {kod} (koden sparas aldrig, så den kan inte skickas igen)`
            : 'subject: koden hör hemma i brevet, inte i ämnesraden',
        );
      }
    }
  }
  if (!template.body.includes('{länk}')) problems.push('body: {länk} saknas');
  if (kind === 'invitation' && !template.body.includes('{kod}')) problems.push('body: {kod} saknas');
  return problems;
}

export type TMailValues = { title: string; closes: string; link: string; code?: string };

/** Fills a template's placeholders. */
export function renderTemplate(template: TMailTemplate, values: TMailValues): TMailTemplate {
  const fill = (text: string) =>
    text.replace(PLACEHOLDER, (whole, name: string) => {
      switch (name) {
        case 'titel':
          return values.title;
        case 'stängs':
          return values.closes;
        case 'länk':
          return values.link;
        case 'kod':
          return values.code ?? whole;
        default:
          return whole;
      }
    });
  return { subject: fill(template.subject).replace(/[\r\n]+/g, ' '), body: fill(template.body) };
}

/** The respondent's link; the code only ever in the fragment, which browsers never send. */
export function respondentLink(publicOrigin: string, slug: string, code?: string): string {
  const base = `${publicOrigin.replace(/\/$/, '')}/s/${slug}`;
  return code ? `${base}#kod=${code}` : base;
}
