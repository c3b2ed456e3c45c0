import { questionsOf, type TChoiceQuestion, TEMPLATE_2012, type TWave } from '@enkat/survey-schema';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { closeWaveNow, publishedWave, submit } from '../survey-helpers.js';

/**
 * Waves the attacks are run against: the 2012 question set (three overlapping background
 * questions: role, area, years), answered through the respondents' path by generated people
 * with small groups on purpose and with some background questions skipped, then closed.
 */

/** A small deterministic generator (mulberry32), so a failing wave can be made again. */
export function randomOf(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TWaveRecipe = {
  seed: number;
  people: number;
  /** Weights of each background question's options (in option order); a skip chance for each. */
  background: Record<'q9' | 'q10' | 'q11', number[]>;
  skipBackground: number;
  /** Choice questions answered (the rest are skipped by everyone). */
  questions: string[];
  skipQuestion: number;
};

export const BACKGROUND_IDS = ['q9', 'q10', 'q11'] as const;

export const RECIPES: TWaveRecipe[] = [
  {
    seed: 11,
    people: 48,
    background: { q9: [0.6, 0.33, 0.07], q10: [0.45, 0.4, 0.1, 0.05], q11: [0.08, 0.3, 0.3, 0.32] },
    skipBackground: 0.1,
    questions: ['q1', 'q2'],
    skipQuestion: 0.1,
  },
  {
    seed: 29,
    people: 31,
    background: { q9: [0.5, 0.4, 0.1], q10: [0.3, 0.3, 0.3, 0.1], q11: [0.25, 0.25, 0.25, 0.25] },
    skipBackground: 0.15,
    questions: ['q1', 'q3'],
    skipQuestion: 0.05,
  },
];

const QUESTIONS = new Map(questionsOf(TEMPLATE_2012).map((q) => [q.id, q]));

export function choiceQuestion(id: string): TChoiceQuestion {
  const question = QUESTIONS.get(id);
  if (!question || question.type === 'free_text') throw new Error(`no choice question ${id}`);
  return question;
}

function pick(random: () => number, weights: number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  let r = random() * total;
  for (const [i, w] of weights.entries()) {
    r -= w;
    if (r < 0) return i;
  }
  return weights.length - 1;
}

/** The answer sets of a recipe: option ids by question id (skipped questions absent). */
export function answerSets(recipe: TWaveRecipe): Record<string, string>[] {
  const random = randomOf(recipe.seed);
  return Array.from({ length: recipe.people }, () => {
    const answers: Record<string, string> = {};
    for (const id of BACKGROUND_IDS) {
      if (random() < recipe.skipBackground) continue;
      const options = choiceQuestion(id).options;
      answers[id] = options[pick(random, recipe.background[id])]?.id ?? '';
    }
    for (const id of recipe.questions) {
      if (random() < recipe.skipQuestion) continue;
      const options = choiceQuestion(id).options;
      answers[id] = options[Math.floor(random() * options.length)]?.id ?? '';
    }
    return answers;
  });
}

/** A published open-link wave answered by the recipe's people through the respondents' API, then closed. */
export async function answeredWave(
  app: FastifyInstance,
  editorCookie: string,
  recipe: TWaveRecipe,
  settings: { resultsBeforeClose?: boolean; close?: boolean } = {},
): Promise<{ wave: TWave; answers: Record<string, string>[] }> {
  return waveAnsweredBy(app, editorCookie, answerSets(recipe), settings);
}

/** The same for answer sets written out by hand (option ids by question id, skipped questions absent). */
export async function waveAnsweredBy(
  app: FastifyInstance,
  editorCookie: string,
  answers: Record<string, string>[],
  settings: { resultsBeforeClose?: boolean; close?: boolean } = {},
): Promise<{ wave: TWave; answers: Record<string, string>[] }> {
  const wave = await publishedWave(app, editorCookie, {
    accessMode: 'open_link',
    settings: { resultsBeforeClose: settings.resultsBeforeClose ?? false },
  });
  for (const set of answers) {
    const response = await submit(app, wave.slug ?? '', { answers: set });
    expect(response.statusCode, response.body).toBe(201);
  }
  if (settings.close ?? true) await closeWaveNow(app, editorCookie, wave.id);
  return { wave, answers };
}
