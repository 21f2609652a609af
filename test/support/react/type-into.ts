import { act } from 'react';

/** Types `value` into a controlled input as a user would: React sees an input event, not a silent value change. */
export async function typeInto(field: HTMLInputElement, value: string): Promise<void> {
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
  await act(async () => {
    setter.call(field, value);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
