import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codedRun, SUBMIT_ROUTE, type TCodedRun } from './coded-run.js';

// Attack: the reader of the API's logs (an operator, a log shipper, a backup of the log volume)
// takes each logged submission's time and, knowing when each person used their code, pairs
// them; or simply counts the lines to date each answer to the millisecond.

let run: TCodedRun;

beforeAll(async () => {
  run = await codedRun();
});

afterAll(async () => {
  await run?.t.app.close();
});

const parsed = (line: string): Record<string, unknown> => {
  try {
    return JSON.parse(line) as Record<string, unknown>;
  } catch {
    return {};
  }
};

describe('logs: no line per accepted submission', () => {
  it('writes no log line for an accepted submission', () => {
    const lines = run.logLinesDuringSubmissions;
    const accepted = lines.filter((line) => {
      const entry = parsed(line);
      const status = Number(entry.status ?? entry.statusCode ?? 0);
      return (line.includes(SUBMIT_ROUTE) || line.includes('/responses')) && status >= 200 && status < 300;
    });
    expect(
      accepted.length,
      `${accepted.length} log lines for ${run.uses.length} accepted submissions, each with its own time, e.g.:\n` +
        accepted.slice(0, 5).join('\n'),
    ).toBe(0);
  });

  it('writes fewer lines, of any kind, while answers arrive than there are answers (counts per interval at most)', () => {
    const lines = run.logLinesDuringSubmissions;
    const times = lines.map((line) => parsed(line).time).filter((time) => typeof time === 'number');
    expect(
      lines.length,
      `${lines.length} log lines while ${run.uses.length} submissions were accepted one by one ` +
        `(${new Set(times).size} distinct millisecond times), e.g.:\n${lines.slice(0, 3).join('\n')}`,
    ).toBeLessThan(run.uses.length);
  });
});
