import type { TLanguage } from './question-set.js';
import type { TWaveSettings } from './wave.js';

/**
 * The statement respondents read before the first question: what is stored, what is not, and
 * the smallest group results are shown for. Generated from the wave's settings, so it is true.
 */
export function anonymityStatement(
  settings: Pick<TWaveSettings, 'accessMode' | 'minGroupSize' | 'freeTextMinGroup'>,
  language: TLanguage,
): string[] {
  if (language === 'en') {
    return [
      'Your answers are anonymous. We do not store your name, your e-mail address, your IP address, your browser or when you answered.',
      settings.accessMode === 'codes'
        ? 'Your code is marked as used so that it cannot be used twice, but nothing links the code to your answers.'
        : 'No code is needed, and nothing identifies you when you answer.',
      `Results are only shown for groups of at least ${settings.minGroupSize} respondents, and comments only when at least ${settings.freeTextMinGroup} have answered; results are broken down by groups and comments shown only once the survey has closed.`,
    ];
  }
  return [
    'Dina svar är anonyma. Vi sparar inte ditt namn, din e-postadress, din IP-adress, din webbläsare eller när du svarade.',
    settings.accessMode === 'codes'
      ? 'Din kod markeras som använd så att den inte kan användas två gånger, men ingenting kopplar koden till dina svar.'
      : 'Ingen kod behövs, och ingenting identifierar dig när du svarar.',
    `Resultat visas bara för grupper med minst ${settings.minGroupSize} svarande, och fritextsvar bara när minst ${settings.freeTextMinGroup} har svarat; resultat delas upp på grupper och fritextsvar visas först när enkäten har stängt.`,
  ];
}
