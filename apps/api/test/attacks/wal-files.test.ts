import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedRun, codeNeedles, responseNeedles, short, type TCodedRun } from './coded-run.js';
import { fileHolder, occurrencesOfAll, type TFileHolder, type TWalFile, walFiles } from './file-holder.js';

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

describe('raw pg_wal files: the code found nearest a response id is not the one that sent it', () => {
  it('pairs no response with the code that sent it by proximity in the segment files', () => {
    expect(files.length).toBeGreaterThan(0);
    // Every place each code and each response id sits in the files, in any of their forms.
    const codeForms = run.codes.map(codeNeedles);
    const responseForms = run.responses.map((r) => responseNeedles(r.id));
    const needles = [...codeForms.flat(), ...responseForms.flat()];
    const owner = [
      ...codeForms.flatMap((forms, c) => forms.map(() => ({ code: c, response: -1 }))),
      ...responseForms.flatMap((forms, r) => forms.map(() => ({ code: -1, response: r }))),
    ];
    const codeHits: THit[] = [];
    const responseHits = new Map<number, { file: number; at: number }[]>();
    files.forEach((file, f) => {
      occurrencesOfAll(file.bytes, needles).forEach((offsets, n) => {
        const who = owner[n];
        if (!who) return;
        for (const at of offsets) {
          if (who.code >= 0) codeHits.push({ file: f, at, code: who.code });
          else responseHits.set(who.response, [...(responseHits.get(who.response) ?? []), { file: f, at }]);
        }
      });
    });
    codeHits.sort((a, b) => a.file - b.file || a.at - b.at);

    const guesses: string[] = [];
    const near: string[] = [];
    let right = 0;
    let withCodeNearby = 0;
    for (const [r, response] of run.responses.entries()) {
      let best: { distance: number; hit: THit; file: string; at: number } | undefined;
      const around = new Set<number>();
      for (const { file: f, at } of responseHits.get(r) ?? []) {
        for (const hit of codeHits) {
          if (hit.file !== f) continue;
          const distance = Math.abs(hit.at - at);
          if (distance > WINDOW) continue;
          around.add(hit.code);
          if (!best || distance < best.distance) best = { distance, hit, file: files[f]?.name ?? '', at };
        }
      }
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
      `${withCodeNearby} of ${run.responses.length} response ids have a code id or hash within ${WINDOW} bytes, ` +
      `${near.length} of them fewer than ${run.minGroup} distinct codes`;
    // The nearest code is the one that sent the answer no more often than guessing inside a batch would be.
    // (How many codes lie near a response is reported, not judged: a bulk write of many codes, such as
    // issuing them, may lie near the first answers mixed and says nothing about who sent which.)
    expect(
      right,
      `${summary}; the code nearest to the response is the one that sent it for ${right} of ${run.responses.length}:\n` +
        guesses.join('\n'),
    ).toBeLessThan(run.minGroup);
  });
});
