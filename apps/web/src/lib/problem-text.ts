import type { TProblem } from '@enkat/survey-schema';
import type { TLanguage } from './messages';

/**
 * The API explains its refusals in English (its problem+json bodies are for every client);
 * the Swedish admin pages say the same in Swedish. Known explanations are translated one by
 * one, anything else by its problem code, so no English sentence reaches a Swedish page.
 */
const DETAILS_SV: [RegExp, string][] = [
  [
    /^An administrator with the e-mail (.+) already exists\.$/,
    'Det finns redan en administratör med e-postadressen $1.',
  ],
  [
    /^This setup link is unknown, used or expired/,
    'Länken är okänd, redan använd eller för gammal: be en ägare om en ny.',
  ],
  [/^This setup link has expired/, 'Länken har gått ut: be en ägare om en ny.'],
  [
    /^The last active owner cannot be demoted or disabled\.$/,
    'Den sista aktiva ägaren kan inte byta roll eller stängas av.',
  ],
  [/^A survey series named “(.+)” already exists\.$/, 'Det finns redan en enkätserie som heter ”$1”.'],
  [/^The series already has a wave named “(.+)”\.$/, 'Serien har redan en omgång som heter ”$1”.'],
  [
    /^This wave is published: its questions are frozen/,
    'Omgången är publicerad: frågorna är låsta och kan inte ändras.',
  ],
  [
    /^Someone else saved this wave meanwhile/,
    'Någon annan har sparat omgången under tiden. Ladda om sidan för att se ändringarna.',
  ],
  [
    /^Set the opening and closing times before publishing\.$/,
    'Ange när omgången öppnar och stänger innan du publicerar.',
  ],
  [/^A draft cannot be closed/, 'Ett utkast kan inte stängas: publicera det först.'],
  [/^This batch is still being issued/, 'Koderna skapas fortfarande: dra tillbaka dem när alla är skapade.'],
  [/^This wave is already closed\.$/, 'Omgången är redan stängd.'],
  [/^This wave is closed: it takes no more answers\.$/, 'Omgången är stängd: den tar inte emot fler svar.'],
  [
    /^This wave is open and its settings forbid issuing more codes/,
    'Omgången är öppen och dess inställningar tillåter inga fler koder: koder som skapas medan andra svarar skulle kunna fylla ut en liten grupp.',
  ],
  [/^This wave is answered through an open link/, 'Omgången besvaras via en öppen länk: den använder inga koder.'],
  [/^That is not a code of this platform/, 'Det är ingen kod från den här plattformen (kontrollera stavningen).'],
  [/^The current password is wrong\.$/, 'Det nuvarande lösenordet är fel.'],
  [/^Wrong e-mail or password/, 'Fel e-postadress eller lösenord, eller så är kontot avstängt.'],
  [/^Too many failed logins: try again in (\d+) min\.$/, 'För många misslyckade inloggningar: försök igen om $1 min.'],
  [/^No such wave\.$/, 'Omgången finns inte.'],
  [/^No such survey series\.$/, 'Enkätserien finns inte.'],
  [/^No such administrator\.$/, 'Administratören finns inte.'],
  [/^Your role \(\w+\) does not allow this\.$/, 'Din roll får inte göra detta.'],
  [
    /^The closing date of an open wave must lie ahead\.?$/,
    'Stängningstiden för en öppen omgång måste ligga i framtiden.',
  ],
  [/^The number invited cannot be lower than the responses/, 'Antalet inbjudna kan inte vara lägre än antalet svar.'],
];

const CODES_SV: Record<TProblem['code'], string> = {
  bad_request: 'Begäran kunde inte läsas.',
  validation_failed: 'Kontrollera de markerade fälten.',
  unauthenticated: 'Logga in för att fortsätta.',
  forbidden: 'Din roll får inte göra detta.',
  not_found: 'Det du söker finns inte (längre).',
  conflict: 'Det gick inte att spara: något har ändrats under tiden. Ladda om sidan.',
  gone: 'Det gäller inte längre.',
  payload_too_large: 'Filen är för stor.',
  unsupported_media_type: 'Filtypen stöds inte.',
  too_many_requests: 'För många försök. Vänta en stund och försök igen.',
  service_unavailable: 'Tjänsten är inte tillgänglig just nu. Försök igen om en stund.',
  internal_error: 'Något gick fel. Försök igen.',
};

const FIELDS_SV: [RegExp, string][] = [
  [/at least 12|>=12 characters/i, 'Minst 12 tecken.'],
  [/^Wrong password$/, 'Fel lösenord.'],
  [/^Does not match the new password$/, 'Lösenorden är inte lika. Skriv samma lösenord i båda fälten.'],
  [/email/i, 'Ange en giltig e-postadress.'],
  [/>=1 characters|expected string to have >=1/, 'Fyll i fältet.'],
  [/^Too big/, 'För långt eller för stort.'],
  [/^Too small/, 'För kort eller för litet.'],
  [/expected number/, 'Ange ett tal.'],
  [/closing time must come after the opening time/, 'Stängningstiden måste komma efter öppningstiden.'],
  [/^Required to publish$/, 'Måste anges innan omgången publiceras.'],
  [/^At least two answer options are needed$/, 'Frågan behöver minst två svarsalternativ.'],
  [/^Duplicate/, 'Samma id används två gånger.'],
  [/^Unknown template$/, 'Okänd mall.'],
  [/must lie ahead/, 'Måste ligga i framtiden.'],
  [/lower than the responses/, 'Kan inte vara lägre än antalet svar.'],
];

/** A problem's explanation in the page's language. */
export function problemText(problem: TProblem, language: TLanguage): string {
  const detail = problem.detail ?? problem.title;
  if (language === 'en') return detail;
  for (const [pattern, text] of DETAILS_SV) {
    const match = pattern.exec(detail);
    if (match) return text.replace(/\$(\d)/g, (_, group: string) => match[Number(group)] ?? '');
  }
  return CODES_SV[problem.code];
}

/** A field error's message in the page's language. */
export function fieldText(message: string, language: TLanguage): string {
  if (language === 'en') return message;
  for (const [pattern, text] of FIELDS_SV) if (pattern.test(message)) return text;
  return 'Ogiltigt värde.';
}
