/**
 * The background refuses a well-formed request for a reason the user can act on (evidence that
 * does not meet the definition, an outbox entry of another lead). Shown as it is, unlike an
 * unexpected error.
 */
export class RequestRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestRefusedError';
  }
}
