import type { TLanguage } from '../../lib/messages';
import { formatStockholm } from '../../lib/stockholm-time';

/** Each audited action in words; an action not listed here shows as it is stored. */
export const ACTION_NAMES: Record<TLanguage, Record<string, string>> = {
  sv: {
    login: 'Inloggning',
    login_failed: 'Misslyckad inloggning',
    logout: 'Utloggning',
    password_changed: 'Lösenord bytt',
    password_set: 'Lösenord valt',
    second_factor_enabled: 'Tvåstegsverifiering påslagen',
    second_factor_disabled: 'Tvåstegsverifiering avslagen',
    second_factor_reset: 'Tvåstegsverifiering återställd',
    recovery_code_used: 'Reservkod använd',
    sign_in_settings_saved: 'Inloggningsinställningar sparade',
    sso_login: 'Inloggning via organisationens konto',
    sso_login_refused: 'Inloggning via organisationens konto nekad',
    administrator_created: 'Administratör inbjuden',
    administrator_updated: 'Administratör ändrad',
    administrator_setup_link: 'Ny inloggningslänk',
    survey_series_created: 'Enkätserie skapad',
    wave_created: 'Omgång skapad',
    wave_questions_saved: 'Frågor sparade',
    wave_settings_saved: 'Inställningar sparade',
    wave_published: 'Omgång publicerad',
    wave_closed: 'Omgång stängd',
    wave_corrected: 'Öppen omgång ändrad',
    codes_issued: 'Koder skapade',
    codes_revoked: 'Koder återkallade',
    codes_refused: 'Nya koder nekade (omgången är öppen)',
    comment_redacted: 'Kommentar avidentifierad',
    redaction_names_saved: 'Namn att markera sparade',
    results_exported: 'Resultat exporterade',
    mailing_mode_set: 'Utskicksläge valt',
    recipients_uploaded: 'Mottagarlista uppladdad',
    recipients_deleted: 'Mottagarlista borttagen',
    mail_templates_saved: 'E-postmallar sparade',
    mail_test_sent: 'Testutskick skickat',
    mail_scheduled: 'Utskick schemalagt',
    mail_cancelled: 'Utskick avbrutet',
  },
  en: {
    login: 'Login',
    login_failed: 'Failed login',
    logout: 'Logout',
    password_changed: 'Password changed',
    password_set: 'Password chosen',
    second_factor_enabled: 'Two-step verification turned on',
    second_factor_disabled: 'Two-step verification turned off',
    second_factor_reset: 'Two-step verification reset',
    recovery_code_used: 'Recovery code used',
    sign_in_settings_saved: 'Sign-in settings saved',
    sso_login: 'Login through the organisation’s account',
    sso_login_refused: 'Login through the organisation’s account refused',
    administrator_created: 'Administrator invited',
    administrator_updated: 'Administrator changed',
    administrator_setup_link: 'New login link',
    survey_series_created: 'Survey series created',
    wave_created: 'Wave created',
    wave_questions_saved: 'Questions saved',
    wave_settings_saved: 'Settings saved',
    wave_published: 'Wave published',
    wave_closed: 'Wave closed',
    wave_corrected: 'Open wave corrected',
    codes_issued: 'Codes issued',
    codes_revoked: 'Codes revoked',
    codes_refused: 'New codes refused (the wave is open)',
    comment_redacted: 'Comment redacted',
    redaction_names_saved: 'Names to mark saved',
    results_exported: 'Results exported',
    mailing_mode_set: 'Mailing mode chosen',
    recipients_uploaded: 'Recipient list uploaded',
    recipients_deleted: 'Recipient list deleted',
    mail_templates_saved: 'E-mail templates saved',
    mail_test_sent: 'Test e-mail sent',
    mail_scheduled: 'Mailing scheduled',
    mail_cancelled: 'Mailing cancelled',
  },
};

const KEYS: Record<TLanguage, Record<string, string>> = {
  sv: {
    name: 'namn',
    email: 'e-post',
    role: 'roll',
    disabled: 'avstängd',
    count: 'antal',
    batchId: 'kodsats',
    contentHash: 'kontrollsumma',
    rerun: 'nästa omgång',
    questionId: 'fråga',
    part: 'del',
    file: 'fil',
    breakdown: 'uppdelning',
    closesAt: 'stänger',
    invitedCount: 'antal inbjudna',
  },
  en: {
    name: 'name',
    email: 'e-mail',
    role: 'role',
    disabled: 'disabled',
    count: 'count',
    batchId: 'batch',
    contentHash: 'content hash',
    rerun: 'next wave',
    questionId: 'question',
    part: 'part',
    file: 'file',
    breakdown: 'breakdown',
    closesAt: 'closes',
    invitedCount: 'number invited',
  },
};

const WORDS: Record<TLanguage, Record<string, string>> = {
  sv: {
    true: 'ja',
    false: 'nej',
    owner: 'ägare',
    editor: 'redaktör',
    analyst: 'analytiker',
    span: 'del av text',
    whole: 'hela',
  },
  en: {
    true: 'yes',
    false: 'no',
    owner: 'owner',
    editor: 'editor',
    analyst: 'analyst',
    span: 'part of text',
    whole: 'whole',
  },
};

function valueText(key: string, value: unknown, language: TLanguage): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'object' && 'from' in value && 'to' in value) {
    return `${valueText(key, value.from, language)} → ${valueText(key, value.to, language)}`;
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) return formatStockholm(value, language);
  if (key === 'batchId' || key === 'contentHash') return String(value).slice(0, 8);
  const text = String(value);
  return WORDS[language][text] ?? text;
}

/** An audit entry's details as a line of text: "antal: 640 · kodsats: 1a2b3c4d". */
export function detailsText(details: Record<string, unknown> | null, language: TLanguage): string {
  if (!details) return '';
  return Object.entries(details)
    .map(([key, value]) => `${KEYS[language][key] ?? key}: ${valueText(key, value, language)}`)
    .join(' · ');
}
