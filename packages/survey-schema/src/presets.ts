import type { TOption } from './question-set.js';

const scale = (labels: string[], dontKnow: string): TOption[] => [
  ...labels.map((label, i) => ({ id: `s${i + 1}`, label, role: 'scale' as const, position: i + 1 })),
  { id: 'dont-know', label: dontKnow, role: 'dont_know' as const },
];

/** Agreement scales, first point = full agreement; each with its "don't know". */
export const AGREEMENT_PRESETS = {
  'sv-4': {
    name: 'Instämmer helt … Instämmer inte alls (4 steg) + Vet ej',
    options: scale(['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Instämmer inte alls'], 'Vet ej'),
  },
  'sv-5': {
    name: 'Instämmer helt … Instämmer inte alls (5 steg) + Vet ej',
    options: scale(
      ['Instämmer helt', 'Instämmer till stor del', 'Varken eller', 'Instämmer till liten del', 'Instämmer inte alls'],
      'Vet ej',
    ),
  },
  'en-4': {
    name: 'Strongly agree … Strongly disagree (4 points) + Don’t know',
    options: scale(['Strongly agree', 'Partly agree', 'Disagree', 'Strongly disagree'], 'Don’t know'),
  },
  'en-5': {
    name: 'Strongly agree … Strongly disagree (5 points) + Don’t know',
    options: scale(
      ['Strongly agree', 'Agree', 'Neither agree nor disagree', 'Disagree', 'Strongly disagree'],
      'Don’t know',
    ),
  },
} as const satisfies Record<string, { name: string; options: TOption[] }>;

export type TAgreementPreset = keyof typeof AGREEMENT_PRESETS;

/** A fresh copy of a preset's options, safe to edit. */
export function agreementOptions(preset: TAgreementPreset): TOption[] {
  return AGREEMENT_PRESETS[preset].options.map((option) => ({ ...option }));
}
