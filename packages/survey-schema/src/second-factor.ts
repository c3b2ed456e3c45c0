import { z } from 'zod';
import { ZText } from './text.js';

/** A code from an authenticator app: six digits (spaces allowed, as apps show "123 456"). */
export const ZTotpCode = ZText.transform((code) => code.replace(/\s/g, '')).pipe(
  z.string().regex(/^\d{6}$/, 'Six digits'),
);
/** A one-time recovery code as printed, e.g. "7KQ2-M9XD-4HTP"; case and dashes do not matter. */
export const ZRecoveryCode = ZText.trim().min(1).max(40);

/** Setting up a second factor starts with the password again (a left-open session is not enough). */
export const ZStartSecondFactorRequest = z.strictObject({ password: ZText.min(1).max(200) });
/** Shown once when a second factor is set up: the secret, as text and as an otpauth:// URI. */
export const ZSecondFactorSetup = z.object({ secret: z.string(), uri: z.string() });
export type TSecondFactorSetup = z.infer<typeof ZSecondFactorSetup>;
export const ZConfirmSecondFactorRequest = z.strictObject({ code: ZTotpCode });
/** The recovery codes, shown this once; only their hashes are kept. */
export const ZRecoveryCodesResponse = z.object({ recoveryCodes: z.array(z.string()) });
export type TRecoveryCodesResponse = z.infer<typeof ZRecoveryCodesResponse>;
export const ZTurnOffSecondFactorRequest = z.strictObject({ password: ZText.min(1).max(200) });

/** Platform-wide sign-in rules that owners set. */
export const ZSignInSettings = z.object({
  /** Every password sign-in needs a second factor; who has none must set one up first. */
  requireSecondFactor: z.boolean(),
  /** Off: single sign-on only, except for the break-glass owner. Only with SSO configured. */
  passwordSignIn: z.boolean(),
  breakGlassOwnerId: z.uuid().nullable(),
  ssoEnabled: z.boolean(),
});
export type TSignInSettings = z.infer<typeof ZSignInSettings>;
export const ZSaveSignInSettingsRequest = z
  .strictObject({
    requireSecondFactor: z.boolean().optional(),
    passwordSignIn: z.boolean().optional(),
    breakGlassOwnerId: z.uuid().nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'Nothing to change');

/** What the login page needs to know about single sign-on. */
export const ZSsoInfo = z.object({
  enabled: z.boolean(),
  /** "Logga in med <organisationName>". */
  organisationName: z.string().nullable(),
  /** The provider's end-session address, to sign out there too, where it has one. */
  endSessionUrl: z.string().nullable(),
});
export type TSsoInfo = z.infer<typeof ZSsoInfo>;
