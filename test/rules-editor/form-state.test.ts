import { describe, expect, test } from 'vitest';
import { fromFormState, getIn, isNumberField, numberFromText, setIn, toFormState } from '../../lib/rules-editor/form-state';

describe('numberFromText', () => {
  test('reads numbers, drops empty fields and keeps other text for the schema to refuse', () => {
    expect(numberFromText('42')).toBe(42);
    expect(numberFromText(' 0.75 ')).toBe(0.75);
    expect(numberFromText('1e21')).toBe(1e21);
    expect(numberFromText('')).toBeUndefined();
    expect(numberFromText('  ')).toBeUndefined();
    expect(numberFromText('12k')).toBe('12k');
    expect(numberFromText('Infinity')).toBe('Infinity');
  });
  test('a definition version is an integer or stays text ("1.2.0")', () => {
    expect(numberFromText('3', 'integer-or-text')).toBe(3);
    expect(numberFromText('1.2.0', 'integer-or-text')).toBe('1.2.0');
    expect(numberFromText('1.5', 'integer-or-text')).toBe('1.5');
  });
});

describe('form state', () => {
  test('a typed amount becomes a number at a number field only', () => {
    const form = toFormState({ tiers: [{ id: '7', target: { amount: 5 } }] });
    expect(form).toEqual({ tiers: [{ id: '7', target: { amount: '5' } }] });
    const edited = setIn(form, ['tiers', 0, 'target', 'amount'], '7.5');
    expect(fromFormState('sla-policy', edited)).toEqual({ tiers: [{ id: '7', target: { amount: 7.5 } }] });
    expect(isNumberField('sla-policy', ['tiers', 2, 'target', 'amount'])).toBe(true);
    expect(isNumberField('sla-policy', ['tiers', 2, 'id'])).toBe(false);
  });
  test('clearing an optional number leaves the field out', () => {
    const form = toFormState({ bant: { timeline: { label: 'T', withinDays: 90 } } });
    expect(fromFormState('sql-definition', setIn(form, ['bant', 'timeline', 'withinDays'], ''))).toEqual({ bant: { timeline: { label: 'T' } } });
  });
  test('setIn copies on the way and creates what is missing; undefined removes a field', () => {
    const value = { a: { b: 1 }, list: [{ x: 1 }] };
    const next = setIn(value, ['list', 0, 'x'], 2);
    expect(next).toEqual({ a: { b: 1 }, list: [{ x: 2 }] });
    expect(value.list[0]!.x).toBe(1);
    expect(next.a).toBe(value.a);
    expect(setIn({}, ['fit', 'employees', 'min'], '5')).toEqual({ fit: { employees: { min: '5' } } });
    expect(setIn({ a: 1, b: 2 }, ['a'], undefined)).toEqual({ b: 2 });
    expect(getIn(next, ['list', 0, 'x'])).toBe(2);
    expect(getIn(next, ['nope', 3])).toBeUndefined();
  });
});
