// @vitest-environment happy-dom
import fc from 'fast-check';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { foldedStart, LongText } from '../../../components/panel/long-text';
import { buttonNamed, render } from '../../support/react/render-into-document';

describe('long answers fold, with Show all', () => {
  it('a short answer shows whole, with no button', () => {
    const host = render(<LongText text="We lose leads between marketing and sales." />);
    expect(host.querySelector('button')).toBeNull();
  });

  it('a long answer shows its start and unfolds on Show all (aria-expanded)', () => {
    const text = `${'We run three regional teams and every one of them keeps its own spreadsheet. '.repeat(6)}END`;
    const host = render(<LongText text={text} />);
    const button = buttonNamed(host, 'Show all')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(host.textContent).not.toContain('END');
    act(() => button.click());
    expect(host.textContent).toContain('END');
    expect(buttonNamed(host, 'Show less')!.getAttribute('aria-expanded')).toBe('true');
  });

  it('the folded start is a prefix of the answer, shorter than it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 0, maxLength: 1200 }), (text) => {
        const start = foldedStart(text);
        if (start === null) return text.length <= 280 && text.split('\n').length <= 4;
        return start.endsWith('…') && text.startsWith(start.slice(0, -1).trimEnd()) && start.length <= text.length + 1;
      }),
    );
  });
});
