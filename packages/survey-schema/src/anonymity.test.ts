import { describe, expect, it } from 'vitest';
import { anonymityStatement } from './anonymity.js';

const settings = { accessMode: 'codes', minGroupSize: 5, freeTextMinGroup: 10 } as const;

describe('the anonymity statement', () => {
  it('says what a tracked mailing knows: who took part, never what they answered', () => {
    const lines = anonymityStatement({ ...settings, mailingMode: 'tracked' }, 'sv');
    expect(lines.join(' ')).toContain('plattformen vet vem som har deltagit, aldrig vad någon svarade');
    expect(lines[0]).not.toContain('e-postadress');
  });

  it('says a blind mailing lets nobody learn who took part, in both languages', () => {
    expect(anonymityStatement({ ...settings, mailingMode: 'blind' }, 'sv').join(' ')).toContain(
      'ingen, inte ens plattformens ägare, kan ta reda på vem som har deltagit',
    );
    expect(anonymityStatement({ ...settings, mailingMode: 'blind' }, 'en').join(' ')).toContain(
      'nobody, not even the platform’s owners, can learn who has taken part',
    );
  });

  it('promises no stored e-mail address when nobody was mailed', () => {
    expect(anonymityStatement(settings, 'sv')[0]).toContain('din e-postadress');
    expect(anonymityStatement(settings, 'sv')).toHaveLength(3);
  });
});
