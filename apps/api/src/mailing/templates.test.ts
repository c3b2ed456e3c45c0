import { describe, expect, it } from 'vitest';
import { DEFAULT_TEMPLATES, renderTemplate, respondentLink, templateProblems } from './templates.js';

describe('mail templates', () => {
  it('fill the title, closing time, link and code', () => {
    const link = respondentLink('https://enkat.example.org/', 'abc123', 'ABCD-EFGH-JKMN');
    expect(link).toBe('https://enkat.example.org/s/abc123#kod=ABCD-EFGH-JKMN');
    const mail = renderTemplate(DEFAULT_TEMPLATES.sv.invitation, {
      title: 'Socialtjänstenkäten',
      closes: '15 mars 2026 17:00',
      link,
      code: 'ABCD-EFGH-JKMN',
    });
    expect(mail.subject).toBe('Inbjudan: Socialtjänstenkäten');
    expect(mail.body).toContain('Din kod: ABCD-EFGH-JKMN');
    expect(mail.body).toContain(link);
    expect(mail.body).toContain('stängs 15 mars 2026 17:00');
  });

  it('are refused with unknown placeholders, without a link, or with a code in a reminder', () => {
    for (const language of ['sv', 'en'] as const) {
      expect(templateProblems('invitation', DEFAULT_TEMPLATES[language].invitation)).toEqual([]);
      expect(templateProblems('reminder', DEFAULT_TEMPLATES[language].reminder)).toEqual([]);
    }
    expect(templateProblems('invitation', { subject: 'Hej {namn}', body: '{länk} {kod}' })).toEqual([
      'subject: okänd platshållare {namn}',
    ]);
    expect(templateProblems('reminder', { subject: 'P', body: 'Din kod {kod}' })).toEqual([
      'body: en påminnelse kan inte innehålla {kod} (koden sparas aldrig, så den kan inte skickas igen)',
      'body: {länk} saknas',
    ]);
  });
});
