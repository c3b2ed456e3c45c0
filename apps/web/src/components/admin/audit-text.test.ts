import { AUDIT_ACTIONS } from '@enkat/survey-schema';
import { describe, expect, it } from 'vitest';
import { ACTION_NAMES, detailsText } from './audit-text';

describe('the audit log in words', () => {
  it('names every audited action in both languages', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(ACTION_NAMES.sv[action], action).toBeTruthy();
      expect(ACTION_NAMES.en[action], action).toBeTruthy();
    }
  });

  it('writes details as text: keys translated, roles and yes/no in words, times in Stockholm time', () => {
    expect(detailsText({ email: 'ann@example.org', role: 'editor' }, 'sv')).toBe(
      'e-post: ann@example.org · roll: redaktör',
    );
    expect(detailsText({ count: 640, batchId: '1a2b3c4d-0000-4000-8000-000000000000' }, 'sv')).toBe(
      'antal: 640 · kodsats: 1a2b3c4d',
    );
    expect(
      detailsText(
        {
          closesAt: { from: '2027-01-31T22:59:00.000Z', to: '2027-02-14T22:59:00.000Z' },
          invitedCount: { from: 640, to: 652 },
        },
        'sv',
      ),
    ).toBe('stänger: 31 jan. 2027 23:59 → 14 feb. 2027 23:59 · antal inbjudna: 640 → 652');
    expect(detailsText({ name: '2027', rerun: true }, 'en')).toBe('name: 2027 · next wave: yes');
    expect(detailsText(null, 'sv')).toBe('');
  });
});
