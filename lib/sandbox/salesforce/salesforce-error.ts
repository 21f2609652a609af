/**
 * An error answered in Salesforce's REST shape: a JSON array `[{message, errorCode, fields?}]`.
 * Thrown by the Salesforce handlers, rendered once by the dialect's router.
 */
export class SalesforceError extends Error {
  constructor(
    readonly status: number,
    readonly errorCode: string,
    message: string,
    readonly fields?: string[],
  ) {
    super(message);
  }

  body(): Array<{ message: string; errorCode: string; fields?: string[] }> {
    return [{ message: this.message, errorCode: this.errorCode, ...(this.fields ? { fields: this.fields } : {}) }];
  }
}

export function notFoundError(message = 'The requested resource does not exist'): SalesforceError {
  return new SalesforceError(404, 'NOT_FOUND', message);
}

/** Salesforce's answer to an unknown field name in a record body or a `fields` list. */
export function noSuchColumn(field: string, objectName: string, entityWord: 'entity' | 'sobject of type' = 'entity'): SalesforceError {
  // A record body's unknown field: the short DML message.
  if (entityWord === 'sobject of type') return new SalesforceError(400, 'INVALID_FIELD', `No such column '${field}' on sobject of type ${objectName}`, []);
  return new SalesforceError(
    400,
    'INVALID_FIELD',
    `No such column '${field}' on ${entityWord} '${objectName}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.`,
  );
}
