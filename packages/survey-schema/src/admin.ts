import { z } from 'zod';
import { ZRecoveryCode, ZTotpCode } from './second-factor.js';
import { ZText } from './text.js';

export const ZAdminRole = z.enum(['owner', 'editor', 'analyst']);
export type TAdminRole = z.infer<typeof ZAdminRole>;

/** E-mail addresses compare case-insensitively: they are stored and matched lower-cased. */
export const ZEmail = ZText.trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

export const ZPassword = ZText.min(12, 'At least 12 characters').max(200);

export const ZAdministrator = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: ZAdminRole,
  createdAt: z.iso.datetime(),
  disabled: z.boolean(),
  /** False until the administrator has followed the setup link and chosen a password. */
  active: z.boolean(),
  /** Signs in with a password and a code from an authenticator app. */
  secondFactor: z.boolean(),
});
export type TAdministrator = z.infer<typeof ZAdministrator>;

/** With a second factor set up, a code from the app or one recovery code as well. */
export const ZLoginRequest = z.strictObject({
  email: ZEmail,
  password: ZText.min(1).max(200),
  code: ZTotpCode.optional(),
  recoveryCode: ZRecoveryCode.optional(),
});
export const ZMeResponse = z.object({
  administrator: ZAdministrator,
  /** This session may only set up a second factor, which the owners require (or sign out). */
  mustSetUpSecondFactor: z.boolean(),
});
export type TMeResponse = z.infer<typeof ZMeResponse>;

/**
 * The new password typed a second time. Optional for API clients that choose a password
 * without a person typing it; when given (the admin pages always give it) it must match.
 */
const ZPasswordConfirmation = ZText.max(200).optional();
export const PASSWORDS_DIFFER = 'Does not match the new password';

export const ZChangePasswordRequest = z
  .strictObject({
    currentPassword: ZText.min(1).max(200),
    newPassword: ZPassword,
    newPasswordConfirmation: ZPasswordConfirmation,
  })
  .refine((body) => body.newPasswordConfirmation === undefined || body.newPasswordConfirmation === body.newPassword, {
    path: ['newPasswordConfirmation'],
    message: PASSWORDS_DIFFER,
  });

export const ZSetupToken = ZText.min(20).max(100);
export const ZSetupPasswordRequest = z
  .strictObject({ token: ZSetupToken, password: ZPassword, passwordConfirmation: ZPasswordConfirmation })
  .refine((body) => body.passwordConfirmation === undefined || body.passwordConfirmation === body.password, {
    path: ['passwordConfirmation'],
    message: PASSWORDS_DIFFER,
  });
/**
 * Asks whether a setup link still works, without using it. The token travels in the body, not
 * the URL, so that no access log ever holds it (the link keeps it in the fragment for the same
 * reason).
 */
export const ZCheckSetupTokenRequest = z.strictObject({ token: ZSetupToken });

export const ZListAdministratorsResponse = z.object({ administrators: z.array(ZAdministrator) });
export const ZCreateAdministratorRequest = z.strictObject({
  email: ZEmail,
  name: ZText.trim().min(1).max(200),
  role: ZAdminRole,
});
/** The setup link is shown once, to the owner who made it; only its hash is stored. */
export const ZSetupLinkResponse = z.object({
  administrator: ZAdministrator,
  setupPath: z.string(),
  expiresAt: z.iso.datetime(),
});
export type TSetupLinkResponse = z.infer<typeof ZSetupLinkResponse>;
export const ZUpdateAdministratorRequest = z
  .strictObject({
    name: ZText.trim().min(1).max(200).optional(),
    role: ZAdminRole.optional(),
    disabled: z.boolean().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change');
export const ZAdministratorIdParams = z.strictObject({ id: z.uuid() });

/** What the audit log calls administrator actions: the API writes them, the log page filters by them. */
export const AUDIT_ACTIONS = [
  'login',
  'login_failed',
  'logout',
  'password_changed',
  'password_set',
  'second_factor_enabled',
  'second_factor_disabled',
  'second_factor_reset',
  'recovery_code_used',
  'sign_in_settings_saved',
  'sso_login',
  'sso_login_refused',
  'administrator_created',
  'administrator_updated',
  'administrator_setup_link',
  'survey_series_created',
  'wave_created',
  'wave_questions_saved',
  'wave_settings_saved',
  'wave_published',
  'wave_closed',
  'wave_corrected',
  'codes_issued',
  'codes_refused',
  'codes_revoked',
  'comment_redacted',
  'redaction_names_saved',
  'results_exported',
  'mailing_mode_set',
  'recipients_uploaded',
  'recipients_deleted',
  'mail_templates_saved',
  'mail_test_sent',
  'mail_scheduled',
  'mail_cancelled',
] as const;
export type TAuditAction = (typeof AUDIT_ACTIONS)[number];

export const ZAuditEvent = z.object({
  id: z.uuid(),
  at: z.iso.datetime(),
  actorEmail: z.string().nullable(),
  action: z.string(),
  objectType: z.string().nullable(),
  objectId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEvent = z.infer<typeof ZAuditEvent>;
export const ZListAuditEventsQuery = z.strictObject({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actor: ZText.max(254).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const ZListAuditEventsResponse = z.object({ events: z.array(ZAuditEvent) });
