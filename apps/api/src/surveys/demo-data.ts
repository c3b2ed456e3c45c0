import type { TDb } from '@enkat/db';
import { TEMPLATE_2012, type TWaveSettings } from '@enkat/survey-schema';
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
};

/**
 * The demo: the series "Socialtjänstenkäten" with its 2012 wave (published and closed, as it
 * ran) and a 2026 draft ready to publish. Made through the same functions as the admin pages;
 * does nothing when the series exists. Answers nothing about respondents.
 */
export async function seedDemoSurvey(db: TDb): Promise<boolean> {
  if (await db.surveySeries.findUnique({ where: { name: DEMO_SERIES_NAME }, select: { id: true } })) return false;
  const { seriesId, waveId } = await createSeriesWithWave(
    db,
    { name: DEMO_SERIES_NAME, waveName: '2012', questionSet: TEMPLATE_2012 },
    null,
  );
  await saveSettings(db, waveId, 1, SETTINGS_2012, null);
  await publishWave(db, waveId, 2, null);
  await closeWave(db, waveId, null);
  // As it ran: published when it opened, closed when it closed.
  await db.wave.update({
    where: { id: waveId },
    data: { publishedAt: new Date('2012-03-22T00:00:00+01:00'), closedAt: new Date('2012-05-31T23:59:00+02:00') },
  });

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
