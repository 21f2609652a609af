import { describe, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
// Type-only imports of HubSpot's official SDK models: `import type` is erased, so the SDK is never
// loaded at run time, let alone bundled into the extension.
import type { SimplePublicObjectInput } from '@hubspot/api-client/lib/codegen/crm/contacts/models/SimplePublicObjectInput';
import type { SimplePublicObjectInputForCreate as CallCreate } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/SimplePublicObjectInputForCreate';
import type { SimplePublicObjectInputForCreate as EmailCreate } from '@hubspot/api-client/lib/codegen/crm/objects/emails/models/SimplePublicObjectInputForCreate';
import type { SimplePublicObjectInputForCreate as NoteCreate } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/SimplePublicObjectInputForCreate';
import type { OptionInput } from '@hubspot/api-client/lib/codegen/crm/properties/models/OptionInput';
import type { PropertyCreate } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyCreate';
import type { PropertyGroup } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroup';
import type { PropertyGroupCreate } from '@hubspot/api-client/lib/codegen/crm/properties/models/PropertyGroupCreate';
import { BATON_PROPERTIES, BATON_PROPERTY_GROUP, hubSpotPropertyGroupSchema } from '../../../lib/crm/hubspot/baton-properties';
import type { BatonPropertyDefinition, BatonPropertyOption } from '../../../lib/crm/hubspot/baton-properties';
import { toHubSpotEngagementCreate } from '../../../lib/crm/hubspot/hubspot-requests';
import { toHubSpotDispositionUpdate } from '../../../lib/crm/hubspot/hubspot-writer';
import type { Wire } from './sdk-wire';

/*
 * Checked by `tsc` (npx tsc --noEmit -p .): `expectTypeOf` is a no-op at run time. The write
 * path's request bodies must be valid inputs of the SDK's generated models, with the SDK's string
 * enums compared by value (the JSON on the wire carries the enum's string).
 */

type EngagementCreateBody = ReturnType<typeof toHubSpotEngagementCreate>;
type DispositionUpdateBody = ReturnType<typeof toHubSpotDispositionUpdate>;

describe('HubSpot SDK contract: the write path sends valid SDK inputs', () => {
  it('the disposition PATCH body is a SimplePublicObjectInput (contacts)', () => {
    expectTypeOf<DispositionUpdateBody>().toExtend<Wire<SimplePublicObjectInput>>();
  });

  it('the note, call and email create bodies are SimplePublicObjectInputForCreate of their object', () => {
    expectTypeOf<EngagementCreateBody>().toExtend<Wire<NoteCreate>>();
    expectTypeOf<EngagementCreateBody>().toExtend<Wire<CallCreate>>();
    expectTypeOf<EngagementCreateBody>().toExtend<Wire<EmailCreate>>();
  });

  it('the property group and each property definition are PropertyGroupCreate / PropertyCreate', () => {
    expectTypeOf(BATON_PROPERTY_GROUP).toExtend<Wire<PropertyGroupCreate>>();
    expectTypeOf<BatonPropertyDefinition>().toExtend<Wire<PropertyCreate>>();
    expectTypeOf(BATON_PROPERTIES).toExtend<readonly Wire<PropertyCreate>[]>();
    expectTypeOf<BatonPropertyOption>().toExtend<Wire<OptionInput>>();
  });

  it('the group response schema accepts every SDK-valid PropertyGroup', () => {
    expectTypeOf<Wire<PropertyGroup>>().toExtend<z.input<typeof hubSpotPropertyGroupSchema>>();
  });

  it('the check has teeth: an invalid type/fieldType or a numeric property value is caught', () => {
    expectTypeOf<{ name: string; label: string; groupName: string; type: 'text'; fieldType: 'text' }>().not.toExtend<Wire<PropertyCreate>>();
    expectTypeOf<{ name: string; label: string; groupName: string; type: 'string'; fieldType: 'string' }>().not.toExtend<Wire<PropertyCreate>>();
    expectTypeOf<{ properties: { baton_response_time_minutes: number } }>().not.toExtend<Wire<SimplePublicObjectInput>>();
    expectTypeOf<{ properties: Record<string, string>; associations: { to: { id: string }; types: { associationCategory: 'HUBSPOT'; associationTypeId: number }[] }[] }>().not.toExtend<
      Wire<NoteCreate>
    >();
  });
});
