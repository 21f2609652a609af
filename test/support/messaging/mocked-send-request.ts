import { afterEach, vi } from 'vitest';

/**
 * Replaces `sendRequest` (the panel's and options page's one way to ask the background) with a
 * mock for every module of the test file that imports this one, and resets it after each test.
 * Import it before the component under test is imported (the tests import components with
 * `await import(...)` after their imports), and tell the mock what the background answers.
 * The module's other exports (BatonRequestError) stay the real ones.
 */
export const sendRequest = vi.fn();

vi.mock('../../../lib/messaging/send-request', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  sendRequest: (...args: unknown[]) => sendRequest(...args),
}));

afterEach(() => {
  sendRequest.mockReset();
});

/** Answers each request by its `type`; a thrown Error (or a returned one) is the background refusing. */
export function answerByType(answers: Record<string, unknown>, fallback?: unknown): void {
  sendRequest.mockImplementation(async (request: { type: string }) => {
    const answer = request.type in answers ? answers[request.type] : fallback;
    if (answer instanceof Error) throw answer;
    return answer;
  });
}
