import { agreementOptions } from './presets.js';
import type { TOption, TQuestionSet } from './question-set.js';

const choices = (pairs: [string, string][], dontKnow?: string): TOption[] => [
  ...pairs.map(([id, label]) => ({ id, label, role: 'choice' as const })),
  ...(dontKnow ? [{ id: 'dont-know', label: dontKnow, role: 'dont_know' as const }] : []),
];

const agreement = (id: string, text: string) => ({
  id,
  type: 'agreement' as const,
  text,
  required: false,
  options: agreementOptions('sv-4'),
});

/**
 * The 2012 survey among social workers in the City of Stockholm ("Får stockholmarna det de har
 * rätt till?"). Questions 1–8 are the report's, verbatim; the report does not name questions
 * 9–12, so they are reconstructed as the background questions a rerun needs for breakdowns.
 */
export const TEMPLATE_2012: TQuestionSet = {
  title: 'Socialtjänstenkäten',
  description:
    'En enkät till socialsekreterare och biståndsbedömare i Stockholms stad om ekonomiska ramar, rättssäkerhet och arbetsbelastning. ' +
    'Frågorna 1–8 är ordagrant de från 2012 års enkät; frågorna 9–12 är rekonstruerade bakgrundsfrågor, eftersom rapporten inte återger dem.',
  language: 'sv',
  intro:
    'Tack för att du tar dig tid. Enkäten tar ungefär tio minuter. Du kan hoppa över frågor du inte vill eller kan svara på.',
  closing: 'Tack för dina svar!',
  sections: [
    {
      id: 'ekonomi',
      title: 'Ekonomiska ramar och bedömningar',
      questions: [
        {
          id: 'q1',
          type: 'single_choice',
          text: 'Upplever du ett tryck på att bli mer restriktiv i att godkänna ansökningar?',
          required: false,
          options: choices(
            [
              ['ja', 'Ja'],
              ['nej', 'Nej'],
            ],
            'Vet ej',
          ),
        },
        agreement('q2', 'De ekonomiska förutsättningarna gör det omöjligt att göra ett bra jobb.'),
        agreement(
          'q3',
          'Det finns ett tryck uppifrån om ökad restriktivitet i biståndsbedömningen som gör att människor inte får rätt stöd',
        ),
        agreement('q4', 'Barnperspektivet beaktas alltid om besluten kan komma att påverka barnens situation.'),
        agreement('q5', 'I dag uppfyller vi lagens intentioner.'),
        agreement('q6', 'Jag hinner med mina arbetsuppgifter inom ramen för min arbetstid.'),
      ],
    },
    {
      id: 'rattssakerhet',
      title: 'Rättssäkerhet och arbetsbelastning',
      questions: [
        {
          id: 'q7',
          type: 'free_text',
          text: 'Hur upplever du att ni klarar rättssäkerheten och kvaliteten enligt lagens intentioner utifrån de resurser och ekonomiska ramar som är gällande för er idag?',
          required: false,
          maxLength: 2000,
        },
        {
          id: 'q8',
          type: 'free_text',
          text: 'Om du ser till din egen arbetsplats, hur upplever du att socialsekreterarnas arbetsbelastning har förändrats över tid?',
          required: false,
          maxLength: 2000,
        },
      ],
    },
    {
      id: 'bakgrund',
      title: 'Om dig',
      questions: [
        {
          id: 'q9',
          type: 'background',
          text: 'Vilken är din roll?',
          required: false,
          options: choices([
            ['socialsekreterare', 'Socialsekreterare'],
            ['bistandsbedomare', 'Biståndsbedömare'],
            ['annan', 'Annan'],
          ]),
        },
        {
          id: 'q10',
          type: 'background',
          text: 'Inom vilket område arbetar du?',
          required: false,
          options: choices([
            ['ekonomiskt-bistand', 'Ekonomiskt bistånd'],
            ['barn-och-unga', 'Barn och unga'],
            ['vuxna-missbruk', 'Vuxna/missbruk'],
            ['annat', 'Annat'],
          ]),
        },
        {
          id: 'q11',
          type: 'background',
          text: 'Hur länge har du arbetat i yrket?',
          required: false,
          options: choices([
            ['under-2', 'Mindre än 2 år'],
            ['2-5', '2–5 år'],
            ['6-10', '6–10 år'],
            ['over-10', 'Mer än 10 år'],
          ]),
        },
        { id: 'q12', type: 'free_text', text: 'Övriga kommentarer', required: false, maxLength: 2000 },
      ],
    },
  ],
};

export const BUILT_IN_TEMPLATES = {
  'socialtjanst-2012': { name: 'Socialtjänstenkäten 2012 (Stockholms stad)', questionSet: TEMPLATE_2012 },
} as const;
export type TTemplateId = keyof typeof BUILT_IN_TEMPLATES;
