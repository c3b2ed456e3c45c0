import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedRun, codeNeedles, responseNeedles, short, type TCodedRun } from './coded-run.js';
import { fileHolder, occurrences, type TFileHolder, type TWalFile, walFiles } from './file-holder.js';

// Attack: the holder of a copied volume does not even need PostgreSQL: they scan the raw
// segment files in pg_wal (current ones and those recycled for reuse, which still hold old WAL)
// for the bytes of every issued code's row id and hash, and of every stored response id, and
// pair each response with the code found nearest to it.

const WINDOW = 8 * 1024;

let run: TCodedRun;
let holder: TFileHolder;
let files: TWalFile[];

beforeAll(async () => {
  run = await codedRun();
  holder = await fileHolder();
  files = await walFiles(holder);
});

afterAll(async () => {
  await holder?.close();
  await run?.t.app.close();
});

type THit = { file: number; at: number; code: number };

describe('raw pg_wal files: no code id or hash lies near a response id', () => {
  it('pairs no response with the code that sent it by proximity in the segment files', () => {
    expect(files.length).toBeGreaterThan(0);
    // Every place each code sits in the files, in any of its forms.
    const codeHits: THit[] = [];
    files.forEach((file, f) => {
      run.codes.forEach((code, c) => {
        for (const needle of codeNeedles(code)) {
          for (const at of occurrences(file.bytes, needle)) codeHits.push({ file: f, at, code: c });
        }
      });
    });
    codeHits.sort((a, b) => a.file - b.file || a.at - b.at);

    const guesses: string[] = [];
    const near: string[] = [];
    let right = 0;
    let withCodeNearby = 0;
    for (const response of run.responses) {
      let best: { distance: number; hit: THit; file: string; at: number } | undefined;
      const around = new Set<number>();
      files.forEach((file, f) => {
        for (const needle of responseNeedles(response.id)) {
          for (const at of occurrences(file.bytes, needle)) {
            for (const hit of codeHits) {
              if (hit.file !== f) continue;
              const distance = Math.abs(hit.at - at);
              if (distance > WINDOW) continue;
              around.add(hit.code);
              if (!best || distance < best.distance) best = { distance, hit, file: file.name, at };
            }
          }
        }
      });
      if (around.size > 0) withCodeNearby++;
      if (around.size > 0 && around.size < run.minGroup) {
        near.push(
          `response ${short(response.id)} has only code(s) ${[...around].map((c) => run.codes[c]?.display).join(', ')} within ${WINDOW} bytes`,
        );
      }
      if (!best) continue;
      const code = run.codes[best.hit.code];
      if (code?.id !== response.truth.code.id) continue;
      right++;
      guesses.push(
        `response ${short(response.id)} linked to code ${code.display} (id ${short(code.id)}): ${best.distance} bytes apart ` +
          `in ${best.file} at offset ${best.at}`,
      );
    }
    const summary =
      `${files.length} WAL files scanned (${files.map((f) => f.name).join(', ')}); ` +
      `${withCodeNearby} of ${run.responses.length} response ids have a code id or hash within ${WINDOW} bytes`;
    expect(
      near.length,
      `${summary}; ${near.length} of them have fewer than ${run.minGroup} codes there:\n${near.join('\n')}`,
    ).toBe(0);
    // The nearest code is the one that sent the answer no more often than guessing inside a batch would be.
    expect(
      right,
      `${summary}; the code nearest to the response is the one that sent it for ${right} of ${run.responses.length}:\n` +
        guesses.join('\n'),
    ).toBeLessThan(run.minGroup);
  });
});
