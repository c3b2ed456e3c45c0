'use client';

import type { TWaveSettings } from '@enkat/survey-schema';
import { useEffect, useState } from 'react';
import { Field } from '@/components/admin/field';
import { useI18n } from '@/lib/i18n';
import { fromStockholmInput, toStockholmInput } from '@/lib/stockholm-time';

type TWaveSettingsFormProps = {
  value: TWaveSettings;
  errors: Record<string, string>;
  /** draft: everything; open: only the closing time and the number invited; locked: nothing. */
  mode: 'draft' | 'open' | 'locked';
  onChange: (settings: TWaveSettings) => void;
  /** Told whether a time field holds text that is not a time (it is then not in `value`). */
  onTimesInvalid: (invalid: boolean) => void;
};

type TTimeKey = 'opensAt' | 'closesAt';

/** Dates (Europe/Stockholm), audience, invited count, access mode, minimum groups, anonymity text. */
export function WaveSettingsForm({ value, errors, mode, onChange, onTimesInvalid }: TWaveSettingsFormProps) {
  const { t } = useI18n();
  const set = <K extends keyof TWaveSettings>(key: K, v: TWaveSettings[K]) => onChange({ ...value, [key]: v });
  const number = (raw: string) => (raw === '' ? null : Number(raw));
  // Times are typed as text in one explicit format; what cannot be read stays here with an error.
  const [times, setTimes] = useState({
    opensAt: toStockholmInput(value.opensAt),
    closesAt: toStockholmInput(value.closesAt),
  });
  const [timeErrors, setTimeErrors] = useState<Partial<Record<TTimeKey, boolean>>>({});
  useEffect(() => {
    setTimes((current) => ({
      opensAt:
        fromStockholmInput(current.opensAt) === value.opensAt ? current.opensAt : toStockholmInput(value.opensAt),
      closesAt:
        fromStockholmInput(current.closesAt) === value.closesAt ? current.closesAt : toStockholmInput(value.closesAt),
    }));
  }, [value.opensAt, value.closesAt]);
  const typeTime = (key: TTimeKey, text: string) => {
    setTimes((current) => ({ ...current, [key]: text }));
    const parsed = fromStockholmInput(text);
    const next = { ...timeErrors, [key]: parsed === undefined };
    setTimeErrors(next);
    onTimesInvalid(Boolean(next.opensAt || next.closesAt));
    if (parsed !== undefined) set(key, parsed);
  };
  const locked = mode === 'locked';
  const draftOnly = mode !== 'draft';
  const timeField = (key: TTimeKey, label: string, disabled: boolean) => (
    <Field
      id={key}
      label={label}
      hint={disabled ? undefined : t('timeFormatHint')}
      inputMode="numeric"
      autoComplete="off"
      placeholder={t('timePlaceholder')}
      value={times[key]}
      disabled={disabled}
      error={timeErrors[key] ? t('timeFormatError') : errors[key]}
      onChange={(e) => typeTime(key, e.target.value)}
    />
  );
  return (
    <fieldset disabled={locked} className="settings">
      <legend>{t('waveSettings')}</legend>
      {mode === 'open' && <p className="hint">{t('openWaveCorrections')}</p>}
      <div className="inline-form">
        {timeField('opensAt', t('opensAt'), draftOnly)}
        {timeField('closesAt', t('closesAt'), locked)}
      </div>
      <Field
        id="audience"
        label={t('audience')}
        value={value.audience}
        disabled={draftOnly}
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
          disabled={draftOnly}
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
          disabled={draftOnly}
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
          disabled={draftOnly}
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
          disabled={draftOnly}
          onChange={(e) => set('anonymityNote', e.target.value)}
        />
      </div>
      <div className="field checkbox">
        <input
          id="resultsBeforeClose"
          type="checkbox"
          checked={value.resultsBeforeClose}
          disabled={draftOnly}
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
