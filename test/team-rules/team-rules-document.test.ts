import { describe, expect, it } from 'vitest';
import { parseTeamRulesDocument } from '../../lib/team-rules/team-rules-document';
import { documentOf } from './team-rules-fixture';

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('parseTeamRulesDocument', () => {
  it('reads a published document with every setting', () => {
    const parsed = parseTeamRulesDocument(roundTrip(documentOf(2)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.document.settings['sql-definition'].version).toBe(2);
  });

  it('ignores what a later Baton added (fields and settings it does not know)', () => {
    const raw = roundTrip(documentOf(2)) as Record<string, any>;
    raw.reviewBy = '2027-03-01';
    raw.settings['lead-scoring'] = { weights: [1, 2] };
    expect(parseTeamRulesDocument(raw).ok).toBe(true);
  });

  it('refuses a document missing a setting, naming it', () => {
    const raw = roundTrip(documentOf(2)) as Record<string, any>;
    delete raw.settings['sla-policy'];
    expect(parseTeamRulesDocument(raw)).toEqual({ ok: false, problem: 'the published rules have no SLA policy' });
  });

  it('refuses an invalid setting, saying where', () => {
    const raw = roundTrip(documentOf(2)) as Record<string, any>;
    raw.settings['attempt-policy'] = { unreachableAfterAttempts: 0 };
    const parsed = parseTeamRulesDocument(raw);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(/attempt policy is invalid \(unreachableAfterAttempts: must be at least 1\)/);
  });

  it('refuses what is not a team-rules document', () => {
    expect(parseTeamRulesDocument({ hello: 'world' }).ok).toBe(false);
    expect(parseTeamRulesDocument(null).ok).toBe(false);
  });
});
