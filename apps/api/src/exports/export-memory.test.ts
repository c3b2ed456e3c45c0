import { pipeline } from 'node:stream/promises';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { csvResponsesStream } from './csv.js';
import type { TRawCell, TRawResponses } from './export-model.js';
import { byteSink, SV_HEADER } from './test-fixtures.js';
import { responsesXlsxStream } from './xlsx-responses.js';

/**
 * Memory while the raw responses stream out, at 10,000 and at 100,000 rows of the 12-question
 * survey, into a sink that only counts bytes. heapUsed and RSS are sampled every 1,000 rows; at
 * ten evenly spaced points of each run the heap is also collected (full, forced) and measured
 * with `external`, where Buffers keep their bytes, so "live" is what the export holds on to
 * rather than garbage waiting for the collector. (Collecting at every sample slows the run
 * several times over.) A writer that kept the file would grow about tenfold from 10k to 100k.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
/** Twice: a collection also finishes freeing the Buffers the one before found dead. */
const collect = () => {
  gc();
  gc();
};
const MiB = 1024 * 1024;
const SAMPLE_EVERY = 1_000;
const COLLECTIONS = 10;

const COLUMNS = [
  'Roll',
  'Område',
  'År i yrket',
  'F1 Tryck',
  'F2 Ekonomi',
  'F3 Tryck uppifrån',
  'F4 Barnperspektiv',
  'F5 Lagens intentioner',
  'F6 Arbetstid',
  'F7 Rättssäkerhet',
  'F8 Arbetsbelastning',
  'Övriga kommentarer',
];
const SCALE = ['Instämmer helt', 'Instämmer delvis', 'Instämmer inte', 'Instämmer inte alls', 'Vet ej'];

/** A deterministic response: option labels, a multiple choice, and free text in three columns. */
function response(i: number): TRawCell[] {
  const pick = <T>(list: T[], salt: number): T => list[(i * 7 + salt * 13 + (i >> 3)) % list.length] as T;
  return [
    pick(['Socialsekreterare', 'Biståndsbedömare', 'Annan'], 1),
    pick(['Ekonomiskt bistånd', 'Barn och unga', 'Vuxna/missbruk', 'Annat'], 2),
    pick(['Mindre än 2 år', '2–5 år', '6–10 år', 'Mer än 10 år'], 3),
    pick(['Ja', 'Nej', 'Vet ej'], 4),
    pick(SCALE, 5),
    pick(SCALE, 6),
    pick(SCALE, 7),
    pick(SCALE, 8),
    pick(['Instämmer helt; Vet ej', 'Instämmer inte'], 9),
    i % 4 === 0 ? `=HYPERLINK("x") Budget verkar gå före klientens behov (${i.toString(36)})` : null,
    i % 3 === 0 ? `Ökad administration, dokumentation och kontroll ${(i * 2_654_435_761).toString(36)}` : '',
    i % 5 === 0 ? `Mindre tid för klientarbete, fler och tyngre ärenden ${i}` : null,
  ];
}

interface TFigures {
  liveMiB: number;
  heapMiB: number;
  rssMiB: number;
  bytes: number;
  ms: number;
}

async function measure(write: (responses: TRawResponses) => NodeJS.ReadableStream, rows: number): Promise<TFigures> {
  collect();
  const base = process.memoryUsage();
  const peak = { live: 0, heap: 0, rss: 0 };
  /**
   * heapUsed and RSS as they are (garbage included), then, at collection points, what is live:
   * the heap plus `external`, where Buffers keep their bytes (a buffered file would sit there).
   */
  const sample = (collecting: boolean) => {
    const now = process.memoryUsage();
    peak.heap = Math.max(peak.heap, now.heapUsed - base.heapUsed);
    peak.rss = Math.max(peak.rss, now.rss - base.rss);
    if (!collecting) return;
    collect();
    const live = process.memoryUsage();
    peak.live = Math.max(peak.live, live.heapUsed + live.external - base.heapUsed - base.external);
  };
  async function* cursor(): AsyncGenerator<TRawCell[]> {
    for (let i = 0; i < rows; i++) {
      if (i % SAMPLE_EVERY === 0) sample(i % (rows / COLLECTIONS) === 0);
      yield response(i);
    }
    sample(true);
  }
  const sink = byteSink({ keep: false });
  const started = performance.now();
  await pipeline(write({ columns: COLUMNS, rows: cursor() }), sink);
  const ms = performance.now() - started;
  return { liveMiB: peak.live / MiB, heapMiB: peak.heap / MiB, rssMiB: peak.rss / MiB, bytes: sink.bytes, ms };
}

const FORMATS = {
  XLSX: (responses: TRawResponses) => responsesXlsxStream({ header: SV_HEADER, responses }),
  CSV: (responses: TRawResponses) => csvResponsesStream({ header: SV_HEADER, dialect: 'excel-sv', responses }),
};

describe('raw responses export memory', () => {
  for (const [format, write] of Object.entries(FORMATS)) {
    it(`stays flat from 10,000 to 100,000 rows (${format})`, { timeout: 60_000 }, async () => {
      await measure(write, 2_000); // warm up: code, zlib and stream buffers that any export needs once
      const small = await measure(write, 10_000);
      const large = await measure(write, 100_000);
      for (const [rows, figures] of [
        [10_000, small],
        [100_000, large],
      ] as const) {
        process.stdout.write(
          `${format} ${rows} rows: ${(figures.bytes / MiB).toFixed(1)} MiB out in ${Math.round(figures.ms)} ms, ` +
            `peak growth: live heap+external +${figures.liveMiB.toFixed(1)} MiB, ` +
            `heapUsed +${figures.heapMiB.toFixed(1)} MiB, RSS +${figures.rssMiB.toFixed(1)} MiB\n`,
        );
      }
      expect(large.bytes).toBeGreaterThan(8 * small.bytes);
      expect(large.liveMiB).toBeLessThan(2 * small.liveMiB + 8);
      // Garbage and allocator slack make RSS noisy; keeping the XLSX's XML would still break this.
      expect(large.rssMiB).toBeLessThan(2 * small.rssMiB + 48);
    });
  }
});
