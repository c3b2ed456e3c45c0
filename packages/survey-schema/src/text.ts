import { z } from 'zod';

// C0 controls, DEL and C1 controls; tab, line feed and carriage return separately.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const TAB_OR_LINE_BREAK = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a text is refused, or null when it is fine. Tab and line breaks only where `multiline`. */
export function textProblem(value: string, multiline: boolean): string | null {
  const control = CONTROL.exec(value) ?? (multiline ? null : TAB_OR_LINE_BREAK.exec(value));
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return `Contains a control character (U+${code}), which is not allowed here`;
  }
  if (LONE_SURROGATE.test(value)) return 'Contains a broken character (a lone UTF-16 surrogate)';
  return null;
}

const refuseBadText = (multiline: boolean) => (value: string, ctx: z.core.$RefinementCtx<string>) => {
  const problem = textProblem(value, multiline);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, input: value, params: { problem: 'bad_text' } });
};

/**
 * Every text a person types goes through one of these two, so that no field lets through what
 * PostgreSQL refuses (NUL) or what would corrupt a page or an export (other control characters,
 * lone surrogates). Chain as usual: `ZText.trim().min(1).max(200)`.
 */
export const ZText = z.string().superRefine(refuseBadText(false));
/** Like ZText, but tab and line breaks are allowed: descriptions, notes, free-text answers. */
export const ZMultilineText = z.string().superRefine(refuseBadText(true));
