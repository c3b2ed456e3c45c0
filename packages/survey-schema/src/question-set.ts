import { z } from 'zod';
import { ZMultilineText, ZText } from './text.js';

/**
 * A stable id: it survives edits and reruns, so wave 2012's question "q2" and wave 2026's
 * "q2" are known to be the same question even if its wording was corrected.
 */
export const ZStableId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'Use 1–64 lower-case letters, digits, "-" or "_"');

export const ZLanguage = z.enum(['sv', 'en']);
export type TLanguage = z.infer<typeof ZLanguage>;

const ZOptionBase = z.strictObject({ id: ZStableId, label: ZText.trim().min(1).max(500) });

/**
 * What an answer option means: a point on a scale (with its position, 1 = first), an ordinary
 * choice, "don't know" ("Vet ej"), or "don't want to answer". Only scale points and choices are
 * substantive; dont_know and refused are counted, and can be left out of a percentage base.
 */
export const ZOption = z.discriminatedUnion('role', [
  ZOptionBase.extend({ role: z.literal('scale'), position: z.number().int().min(1).max(20) }),
  ZOptionBase.extend({
    role: z.literal('choice'),
    /** Multiple choice only: this option ("Inget av dessa") cannot be chosen with any other. */
    exclusive: z.literal(true).optional(),
  }),
  ZOptionBase.extend({ role: z.literal('dont_know') }),
  ZOptionBase.extend({ role: z.literal('refused') }),
]);
export type TOption = z.infer<typeof ZOption>;
export type TOptionRole = TOption['role'];

const ZQuestionBase = z.strictObject({
  id: ZStableId,
  text: ZMultilineText.trim().min(1).max(2000),
  help: ZMultilineText.trim().max(2000).optional(),
  /** The 2012 survey let people skip: questions are optional unless marked required. */
  required: z.boolean().default(false),
});

export const DEFAULT_FREE_TEXT_MAX = 2000;

export const ZAgreementQuestion = ZQuestionBase.extend({
  type: z.literal('agreement'),
  options: z.array(ZOption).min(2).max(20),
});
export const ZSingleChoiceQuestion = ZQuestionBase.extend({
  type: z.literal('single_choice'),
  options: z.array(ZOption).min(2).max(50),
});
export const ZMultipleChoiceQuestion = ZQuestionBase.extend({
  type: z.literal('multiple_choice'),
  options: z.array(ZOption).min(2).max(50),
  minSelections: z.number().int().min(0).max(50).optional(),
  maxSelections: z.number().int().min(1).max(50).optional(),
});
export const ZFreeTextQuestion = ZQuestionBase.extend({
  type: z.literal('free_text'),
  maxLength: z.number().int().min(1).max(10_000).default(DEFAULT_FREE_TEXT_MAX),
});
/** A single choice about the respondent (role, area, years) that results can be broken down by. */
export const ZBackgroundQuestion = ZQuestionBase.extend({
  type: z.literal('background'),
  options: z.array(ZOption).min(2).max(50),
});

export const ZQuestion = z
  .discriminatedUnion('type', [
    ZAgreementQuestion,
    ZSingleChoiceQuestion,
    ZMultipleChoiceQuestion,
    ZFreeTextQuestion,
    ZBackgroundQuestion,
  ])
  .superRefine(checkQuestion);
export type TQuestion = z.infer<typeof ZQuestion>;
export type TQuestionType = TQuestion['type'];
export type TChoiceQuestion = Exclude<TQuestion, { type: 'free_text' }>;

export const ZSection = z.strictObject({
  id: ZStableId,
  title: ZText.trim().max(300).optional(),
  questions: z.array(ZQuestion).min(1).max(200),
});
export type TSection = z.infer<typeof ZSection>;

export const ZQuestionSet = z
  .strictObject({
    title: ZText.trim().min(1).max(300),
    /** Shown to respondents above the first question. */
    description: ZMultilineText.trim().max(5000).default(''),
    language: ZLanguage,
    intro: ZMultilineText.trim().max(5000).default(''),
    closing: ZMultilineText.trim().max(5000).default(''),
    sections: z.array(ZSection).min(1).max(50),
  })
  .superRefine((set, ctx) => {
    const seen = new Set<string>();
    set.sections.forEach((section, s) => {
      if (seen.has(section.id))
        ctx.addIssue({ code: 'custom', path: ['sections', s, 'id'], message: `Duplicate id "${section.id}"` });
      seen.add(section.id);
      section.questions.forEach((question, q) => {
        if (seen.has(question.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['sections', s, 'questions', q, 'id'],
            message: `Duplicate id "${question.id}"`,
          });
        }
        seen.add(question.id);
      });
    });
  });
export type TQuestionSet = z.infer<typeof ZQuestionSet>;
export type TQuestionSetInput = z.input<typeof ZQuestionSet>;

/** Which option roles each question type may use, and the rules a scale must follow. */
function checkQuestion(
  question: z.infer<
    | typeof ZAgreementQuestion
    | typeof ZSingleChoiceQuestion
    | typeof ZMultipleChoiceQuestion
    | typeof ZFreeTextQuestion
    | typeof ZBackgroundQuestion
  >,
  ctx: z.RefinementCtx,
) {
  if (question.type === 'free_text') return;
  const options = question.options;
  const ids = new Set<string>();
  options.forEach((option, i) => {
    if (ids.has(option.id))
      ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `Duplicate option id "${option.id}"` });
    ids.add(option.id);
    const allowed =
      question.type === 'agreement'
        ? ['scale', 'dont_know', 'refused']
        : question.type === 'multiple_choice'
          ? ['choice']
          : ['choice', 'dont_know', 'refused'];
    if (!allowed.includes(option.role)) {
      ctx.addIssue({
        code: 'custom',
        path: ['options', i, 'role'],
        message: `A ${question.type} question cannot have a "${option.role}" option`,
      });
    }
  });
  if (question.type === 'agreement') {
    const positions = options.flatMap((o) => (o.role === 'scale' ? [o.position] : []));
    const expected = positions.map((_, i) => i + 1);
    if (positions.length < 2 || positions.some((p, i) => p !== expected[i])) {
      ctx.addIssue({
        code: 'custom',
        path: ['options'],
        message: 'Scale points must come first-to-last with positions 1, 2, 3 …',
      });
    }
  }
  if (question.type !== 'multiple_choice') {
    options.forEach((option, i) => {
      if (option.role === 'choice' && option.exclusive) {
        ctx.addIssue({
          code: 'custom',
          path: ['options', i, 'exclusive'],
          message: 'Only an option of a multiple choice question can be exclusive',
        });
      }
    });
  }
  if (question.type !== 'agreement' && options.filter((o) => o.role === 'choice').length < 2) {
    ctx.addIssue({ code: 'custom', path: ['options'], message: 'At least two answer options are needed' });
  }
  if (question.type === 'multiple_choice') {
    const { minSelections: min, maxSelections: max } = question;
    if (max !== undefined && max > options.length)
      ctx.addIssue({
        code: 'custom',
        path: ['maxSelections'],
        message: `At most ${options.length} (the number of options)`,
      });
    if (min !== undefined && max !== undefined && min > max)
      ctx.addIssue({ code: 'custom', path: ['minSelections'], message: 'Cannot be more than maxSelections' });
  }
}

/** Every question of a set, in order. */
export function questionsOf(set: TQuestionSet): TQuestion[] {
  return set.sections.flatMap((section) => section.questions);
}
