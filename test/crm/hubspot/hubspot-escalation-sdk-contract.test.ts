import { describe, expectTypeOf, it } from 'vitest';
// Type-only imports of HubSpot's official SDK models (erased at run time, never bundled).
import type { SimplePublicObjectInput } from '@hubspot/api-client/lib/codegen/crm/contacts/models/SimplePublicObjectInput';
import type { SimplePublicObjectInputForCreate as TaskCreate } from '@hubspot/api-client/lib/codegen/crm/objects/tasks/models/SimplePublicObjectInputForCreate';
import { toHubSpotContactUpdate, toHubSpotEngagementCreate } from '../../../lib/crm/hubspot/hubspot-requests';
import type { Wire } from './sdk-wire';

/*
 * Checked by `tsc` (npx tsc --noEmit -p .): the escalation writer's task create body (built by
 * toHubSpotEngagementCreate with association type 204) and its contact update are valid inputs of
 * the SDK's generated models for tasks and contacts.
 */

describe('HubSpot SDK contract: escalations send valid SDK inputs', () => {
  it('the task create body is a SimplePublicObjectInputForCreate (tasks); the contact update a SimplePublicObjectInput', () => {
    expectTypeOf<ReturnType<typeof toHubSpotEngagementCreate>>().toExtend<Wire<TaskCreate>>();
    expectTypeOf<ReturnType<typeof toHubSpotContactUpdate>>().toExtend<Wire<SimplePublicObjectInput>>();
  });
});
