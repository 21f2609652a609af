import { expect, test } from 'vitest';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { reviewState } from '../../lib/rules-editor/review-due';

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

test('a definition unchanged for more than a quarter is due for review', () => {
  const def = { publishedAt: '2026-01-05T00:00:00Z', changeLog: [{ date: '2026-01-05' }] };
  expect(reviewState(def, day('2026-03-01'))).toEqual({ due: false, lastChanged: '2026-01-05', days: 55 });
  expect(reviewState(def, day('2026-04-10'))).toEqual({ due: true, lastChanged: '2026-01-05', days: 95 });
});

test('the newest of the publication date and the change log counts', () => {
  const def = { publishedAt: '2026-01-05T00:00:00Z', changeLog: [{ date: '2026-01-05' }, { date: '2026-03-20' }] };
  expect(reviewState(def, day('2026-04-10')).due).toBe(false);
  expect(reviewState(DEFAULT_SQL_DEFINITION, Date.parse(DEFAULT_SQL_DEFINITION.publishedAt) + 92 * 86_400_000).due).toBe(true);
  expect(reviewState({}, day('2026-04-10'))).toEqual({ due: false, lastChanged: null, days: null });
});
