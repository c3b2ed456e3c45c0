import type { TProblem } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { fieldText, problemText } from './problem-text';

const problem = (code: TProblem['code'], detail?: string): TProblem => ({
  type: 'about:blank',
  title: 'Problem',
  status: 409,
  code,
  ...(detail ? { detail } : {}),
});

describe('the API’s explanations on Swedish pages', () => {
  it('translates known explanations, keeping the names in them', () => {
    expect(problemText(problem('conflict', 'A survey series named “Trivsel” already exists.'), 'sv')).toBe(
      'Det finns redan en enkätserie som heter ”Trivsel”.',
    );
    expect(
      problemText(
        problem('not_found', 'This setup link is unknown, used or expired: ask an owner for a new one.'),
        'sv',
      ),
    ).toBe('Länken är okänd, redan använd eller för gammal: be en ägare om en ny.');
  });

  it('falls back on the problem code, never on English; English pages keep the API’s words', () => {
    expect(problemText(problem('conflict', 'Something new the API says.'), 'sv')).toBe(
      'Det gick inte att spara: något har ändrats under tiden. Ladda om sidan.',
    );
    expect(problemText(problem('conflict', 'Something new the API says.'), 'en')).toBe('Something new the API says.');
  });

  it('says field errors in Swedish', () => {
    expect(fieldText('Too small: expected string to have >=12 characters', 'sv')).toBe('Minst 12 tecken.');
    expect(fieldText('Wrong password', 'sv')).toBe('Fel lösenord.');
    expect(fieldText('Invalid email address', 'sv')).toBe('Ange en giltig e-postadress.');
    expect(fieldText('Too small: expected string to have >=1 characters', 'sv')).toBe('Fyll i fältet.');
    expect(fieldText('Anything else', 'sv')).toBe('Ogiltigt värde.');
    expect(fieldText('Anything else', 'en')).toBe('Anything else');
  });
});
