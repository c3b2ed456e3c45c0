import type { TMailingMode } from './mailing.js';
import type { TLanguage } from './question-set.js';
import type { TWaveSettings } from './wave.js';

/**
 * The statement respondents read before the first question: what is stored, what is not, and
 * the smallest group results are shown for. Generated from the wave's settings, so it is true.
 */
export function anonymityStatement(
  settings: Pick<TWaveSettings, 'accessMode' | 'minGroupSize' | 'freeTextMinGroup'> & {
    mailingMode?: TMailingMode | null | undefined;
  },
  language: TLanguage,
): string[] {
  const mailed = settings.mailingMode ?? null;
  if (language === 'en') {
    return [
      mailed
        ? 'Your answers are anonymous. We do not store your name, your IP address, your browser or when you answered.'
        : 'Your answers are anonymous. We do not store your name, your e-mail address, your IP address, your browser or when you answered.',
      ...(mailed === 'tracked'
        ? [
            'You were invited by e-mail with a code of your own: the platform knows who has taken part, never what they answered, so that reminders go only to those who have not answered.',
          ]
        : mailed === 'blind'
          ? [
              'You were invited by e-mail, but nothing links your address to your code: nobody, not even the platform’s owners, can learn who has taken part. The address list is kept encrypted until the survey closes, then deleted, and reminders go to everyone.',
            ]
          : []),
      settings.accessMode === 'codes'
        ? 'Your code is marked as used so that it cannot be used twice, but nothing links the code to your answers.'
        : 'No code is needed, and nothing identifies you when you answer.',
      `Results are only shown for groups of at least ${settings.minGroupSize} respondents, and comments only when at least ${settings.freeTextMinGroup} have answered; results are broken down by groups and comments shown only once the survey has closed.`,
    ];
  }
  return [
    mailed
      ? 'Dina svar är anonyma. Vi sparar inte ditt namn, din IP-adress, din webbläsare eller när du svarade.'
      : 'Dina svar är anonyma. Vi sparar inte ditt namn, din e-postadress, din IP-adress, din webbläsare eller när du svarade.',
    ...(mailed === 'tracked'
      ? [
          'Du fick inbjudan med e-post och en egen kod: plattformen vet vem som har deltagit, aldrig vad någon svarade, så att påminnelser bara går till dem som inte har svarat.',
        ]
      : mailed === 'blind'
        ? [
            'Du fick inbjudan med e-post, men ingenting kopplar din adress till din kod: ingen, inte ens plattformens ägare, kan ta reda på vem som har deltagit. Adresslistan sparas krypterad tills enkäten stängs och raderas sedan, och påminnelser går till alla.',
          ]
        : []),
    settings.accessMode === 'codes'
      ? 'Din kod markeras som använd så att den inte kan användas två gånger, men ingenting kopplar koden till dina svar.'
      : 'Ingen kod behövs, och ingenting identifierar dig när du svarar.',
    `Resultat visas bara för grupper med minst ${settings.minGroupSize} svarande, och fritextsvar bara när minst ${settings.freeTextMinGroup} har svarat; resultat delas upp på grupper och fritextsvar visas först när enkäten har stängt.`,
  ];
}
