import { expect, test } from 'vitest';
import { fieldWords } from '../../lib/rules-editor/field-words';

test('a field path in the words the form uses', () => {
  expect(fieldWords('tiers.0.target.amount')).toBe('Tier 1 › first touch within › amount');
  expect(fieldWords('calendar.weeklyHours.mon.1.end')).toBe('Business hours › week › Monday block 2 › closes');
  expect(fieldWords('bant.need.formQuestionPattern')).toBe('Criteria › Need › form question');
  expect(fieldWords('disqualifiers.competitorDomains.2')).toBe('Disqualifiers › competitors’ domains › entry 3');
  expect(fieldWords('reasons.4.id')).toBe('Reason 5 › short name');
  expect(fieldWords('(root)')).toBe('The whole document');
  expect(fieldWords('somethingNew')).toBe('SomethingNew');
});
