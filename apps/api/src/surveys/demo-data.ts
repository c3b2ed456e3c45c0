import { randomUUID } from 'node:crypto';
import type { TDb } from '@enkat/db';
import { TEMPLATE_2012, type TWaveSettings } from '@enkat/survey-schema';
import { issueCodes } from '../answering/code-batches.js';
import { findPublishedWave } from '../answering/respondent-wave.js';
import { submitResponse } from '../answering/submission.js';
import type { TDeploymentKeys } from '../keys/deployment-keys.js';
import { demo2012Responses } from './demo-2012-responses.js';
import { createSeriesWithWave } from './series.js';
import { closeWave, publishWave, rerunSeries, saveSettings } from './wave-lifecycle.js';

export const DEMO_SERIES_NAME = 'Socialtjänstenkäten';

const AUDIENCE = 'Socialsekreterare och biståndsbedömare i alla stadsdelar i Stockholms stad';

const SETTINGS_2012: TWaveSettings = {
  opensAt: '2012-03-22T00:00:00+01:00',
  closesAt: '2012-05-31T23:59:00+02:00',
  audience: AUDIENCE,
  invitedCount: 640,
  minGroupSize: 5,
  freeTextMinGroup: 10,
  accessMode: 'codes',
  anonymityNote: '',
  resultsBeforeClose: false,
  codesLockedWhenOpen: true,
};

/** A day inside the 2012 answering period, for the respondents' path to see the wave open. */
const ANSWERED_AT = new Date('2012-04-16T10:00:00+02:00');

/**
 * The demo: the series "Socialtjänstenkäten" with its 2012 wave (published, answered by 185 of
 * 640 invited, and closed, as it ran) and a 2026 draft ready to publish. Made through the same
 * functions as the admin pages and the respondents' form; does nothing when the series exists.
 * The answers are synthetic (see demo-2012-responses.ts).
 */
export async function seedDemoSurvey(db: TDb, keys: TDeploymentKeys): Promise<boolean> {
  if (await db.surveySeries.findUnique({ where: { name: DEMO_SERIES_NAME }, select: { id: true } })) return false;
  const { seriesId, waveId } = await createSeriesWithWave(
    db,
    { name: DEMO_SERIES_NAME, waveName: '2012', questionSet: TEMPLATE_2012 },
    null,
  );
  await saveSettings(db, waveId, 1, SETTINGS_2012, null);
  await publishWave(db, waveId, 2, null);
  await answer2012(db, keys, waveId);
  await closeWave(db, keys, waveId, null);
  // As it ran: published when it opened, closed when it closed.
  await db.wave.update({
    where: { id: waveId },
    data: { publishedAt: new Date('2012-03-22T00:00:00+01:00'), closedAt: new Date('2012-05-31T23:59:00+02:00') },
  });
  // The codes went out as the wave opened, not while people answered (see code-padding.ts).
  await db.codeBatch.updateMany({ where: { waveId }, data: { createdAt: new Date('2012-03-22T00:00:00+01:00') } });

  const next = await rerunSeries(db, seriesId, '2026', null);
  await saveSettings(
    db,
    next,
    1,
    {
      ...SETTINGS_2012,
      opensAt: '2026-12-01T08:00:00+01:00',
      closesAt: '2027-01-31T23:59:00+01:00',
      invitedCount: null,
    },
    null,
  );
  return true;
}

/**
 * Issues the 640 codes of 2012 and submits each synthetic answer set with a code of its own,
 * through the same function as the respondents' form, so the demo's rows are what real
 * submissions store. The codes are thrown away: nobody can answer the demo wave.
 */
async function answer2012(db: TDb, keys: TDeploymentKeys, waveId: string): Promise<void> {
  const { codes } = await issueCodes(db, waveId, SETTINGS_2012.invitedCount ?? 0, null);
  const { slug } = await db.wave.findUniqueOrThrow({ where: { id: waveId }, select: { slug: true } });
  const wave = await findPublishedWave(db, slug ?? '', ANSWERED_AT);
  for (const [i, answers] of demo2012Responses().entries()) {
    await submitResponse(db, keys, wave, { idempotencyKey: randomUUID(), code: codes[i], answers });
  }
}
