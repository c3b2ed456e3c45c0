'use client';

import type { TWaveSettings } from '@enkat/survey-schema';
import { Field } from '@/components/admin/field';
import { useI18n } from '@/lib/i18n';
import { fromStockholmInput, toStockholmInput } from '@/lib/stockholm-time';

type TWaveSettingsFormProps = {
  value: TWaveSettings;
  errors: Record<string, string>;
  disabled: boolean;
  onChange: (settings: TWaveSettings) => void;
};

/** Dates (Europe/Stockholm), audience, invited count, access mode, minimum groups, anonymity text. */
export function WaveSettingsForm({ value, errors, disabled, onChange }: TWaveSettingsFormProps) {
  const { t } = useI18n();
  const set = <K extends keyof TWaveSettings>(key: K, v: TWaveSettings[K]) => onChange({ ...value, [key]: v });
  const number = (raw: string) => (raw === '' ? null : Number(raw));
  return (
    <fieldset disabled={disabled} className="settings">
      <legend>{t('waveSettings')}</legend>
      <div className="inline-form">
        <Field
          id="opensAt"
          label={t('opensAt')}
          type="datetime-local"
          value={toStockholmInput(value.opensAt)}
          error={errors.opensAt}
          onChange={(e) => set('opensAt', fromStockholmInput(e.target.value))}
        />
        <Field
          id="closesAt"
          label={t('closesAt')}
          type="datetime-local"
          value={toStockholmInput(value.closesAt)}
          error={errors.closesAt}
          onChange={(e) => set('closesAt', fromStockholmInput(e.target.value))}
        />
      </div>
      <Field
        id="audience"
        label={t('audience')}
        value={value.audience}
        error={errors.audience}
        onChange={(e) => set('audience', e.target.value)}
      />
      <div className="inline-form">
        <Field
          id="invitedCount"
          label={t('invitedCount')}
          type="number"
          min={1}
          value={value.invitedCount ?? ''}
          error={errors.invitedCount}
          onChange={(e) => set('invitedCount', number(e.target.value))}
        />
        <Field
          id="minGroupSize"
          label={t('minGroupSize')}
          type="number"
          min={3}
          max={50}
          value={value.minGroupSize}
          error={errors.minGroupSize ?? (value.minGroupSize < 5 ? t('minGroupWarning') : undefined)}
          onChange={(e) => set('minGroupSize', Number(e.target.value))}
        />
        <Field
          id="freeTextMinGroup"
          label={t('freeTextMinGroup')}
          type="number"
          min={3}
          max={100}
          value={value.freeTextMinGroup}
          error={errors.freeTextMinGroup}
          onChange={(e) => set('freeTextMinGroup', Number(e.target.value))}
        />
      </div>
      <div className="field">
        <label htmlFor="accessMode">{t('accessMode')}</label>
        <select
          id="accessMode"
          value={value.accessMode}
          onChange={(e) => set('accessMode', e.target.value as TWaveSettings['accessMode'])}
        >
          <option value="codes">{t('access_codes')}</option>
          <option value="open_link">{t('access_open_link')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="anonymityNote">{t('anonymityNote')}</label>
        <textarea
          id="anonymityNote"
          rows={2}
          value={value.anonymityNote}
          onChange={(e) => set('anonymityNote', e.target.value)}
        />
      </div>
      <div className="field checkbox">
        <input
          id="resultsBeforeClose"
          type="checkbox"
          checked={value.resultsBeforeClose}
          onChange={(e) => set('resultsBeforeClose', e.target.checked)}
        />
        <label htmlFor="resultsBeforeClose">{t('resultsBeforeClose')}</label>
      </div>
      <div className="field checkbox">
        <input
          id="codesLockedWhenOpen"
          type="checkbox"
          checked={value.codesLockedWhenOpen}
          onChange={(e) => set('codesLockedWhenOpen', e.target.checked)}
        />
        <label htmlFor="codesLockedWhenOpen">{t('codesLockedWhenOpen')}</label>
      </div>
    </fieldset>
  );
}
