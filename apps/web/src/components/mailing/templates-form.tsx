'use client';

import type { TMailTemplates } from '@enkat/survey-schema';
import { useState } from 'react';
import { useI18n } from '@/lib/i18n';

type TTemplatesFormProps = {
  language: 'sv' | 'en';
  templates: TMailTemplates;
  disabled: boolean;
  onSave: (templates: TMailTemplates, language: 'sv' | 'en') => void;
};

/** The invitation's and the reminder's subject and text, in the language the mails are sent in. */
export function TemplatesForm({ language, templates, disabled, onSave }: TTemplatesFormProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(templates);
  const [lang, setLang] = useState(language);
  const edit = (kind: keyof TMailTemplates, part: 'subject' | 'body', text: string) =>
    setValue({ ...value, [kind]: { ...value[kind], [part]: text } });
  return (
    <fieldset className="mail-templates" disabled={disabled}>
      <legend>{t('mailTemplates')}</legend>
      <p>{t('mailPlaceholders')}</p>
      <label htmlFor="mail-language">{t('mailLanguage')}</label>
      <select id="mail-language" value={lang} onChange={(e) => setLang(e.target.value === 'en' ? 'en' : 'sv')}>
        <option value="sv">svenska</option>
        <option value="en">English</option>
      </select>
      {(['invitation', 'reminder'] as const).map((kind) => (
        <div key={kind} className="field">
          <h4>{t(kind === 'invitation' ? 'mailInvitation' : 'mailReminder')}</h4>
          <label htmlFor={`mail-${kind}-subject`}>{t('mailSubject')}</label>
          <input
            id={`mail-${kind}-subject`}
            value={value[kind].subject}
            onChange={(e) => edit(kind, 'subject', e.target.value)}
          />
          <label htmlFor={`mail-${kind}-body`}>{t('mailBody')}</label>
          <textarea
            id={`mail-${kind}-body`}
            rows={8}
            value={value[kind].body}
            onChange={(e) => edit(kind, 'body', e.target.value)}
          />
        </div>
      ))}
      <button type="button" className="button secondary" onClick={() => onSave(value, lang)}>
        {t('mailSaveTemplates')}
      </button>
    </fieldset>
  );
}
