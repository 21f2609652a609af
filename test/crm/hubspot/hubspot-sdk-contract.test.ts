import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
// Type-only imports of HubSpot's official SDK models: the contract our schemas and request bodies
// are held to. `import type` is erased, so the SDK is never loaded, let alone bundled.
import type { AssociatedId } from '@hubspot/api-client/lib/codegen/crm/contacts/models/AssociatedId';
import type { CollectionResponseAssociatedId } from '@hubspot/api-client/lib/codegen/crm/contacts/models/CollectionResponseAssociatedId';
import type { ModelError } from '@hubspot/api-client/lib/codegen/crm/contacts/models/ModelError';
import type { NextPage } from '@hubspot/api-client/lib/codegen/crm/contacts/models/NextPage';
import type { Paging } from '@hubspot/api-client/lib/codegen/crm/contacts/models/Paging';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/contacts/models/PublicObjectSearchRequest';
import type { SimplePublicObjectInput } from '@hubspot/api-client/lib/codegen/crm/contacts/models/SimplePublicObjectInput';
import type { SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/contacts/models/SimplePublicObjectWithAssociations';
import type { ValueWithTimestamp } from '@hubspot/api-client/lib/codegen/crm/contacts/models/ValueWithTimestamp';
import type { BatchReadInputSimplePublicObjectId } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/BatchReadInputSimplePublicObjectId';
import type { BatchResponseSimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/BatchResponseSimplePublicObject';
import type { BatchResponseSimplePublicObjectWithErrors } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/BatchResponseSimplePublicObjectWithErrors';
import type { SimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/calls/models/SimplePublicObject';
import type { SimplePublicObjectInputForCreate } from '@hubspot/api-client/lib/codegen/crm/objects/notes/models/SimplePublicObjectInputForCreate';
import type { PublicOwner } from '@hubspot/api-client/lib/codegen/crm/owners/models/PublicOwner';
import type { CollectionResponsePropertyNoPaging } from '@hubspot/api-client/lib/codegen/crm/properties/models/CollectionResponsePropertyNoPaging';
import type { Option } from '@hubspot/api-client/lib/codegen/crm/properties/models/Option';
import type { Property } from '@hubspot/api-client/lib/codegen/crm/properties/models/Property';
import type { AssociationSpecWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpecWithLabel';
import type { CollectionResponseMultiAssociatedObjectWithLabelForwardPaging } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/CollectionResponseMultiAssociatedObjectWithLabelForwardPaging';
import type { MultiAssociatedObjectWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/MultiAssociatedObjectWithLabel';
import type { CollectionResponseExternalUnifiedEvent } from '@hubspot/api-client/lib/codegen/events/models/CollectionResponseExternalUnifiedEvent';
import type { ExternalUnifiedEvent } from '@hubspot/api-client/lib/codegen/events/models/ExternalUnifiedEvent';
import type { NextPage as EventsNextPage } from '@hubspot/api-client/lib/codegen/events/models/NextPage';
import {
  hubSpotAssociatedIdSchema,
  hubSpotAssociationsCollectionSchema,
  hubSpotAssociationsV4PageSchema,
  hubSpotAssociationTypeSchema,
  hubSpotBatchReadResponseSchema,
  hubSpotContactSchema,
  hubSpotErrorBodySchema,
  hubSpotNextPageSchema,
  hubSpotObjectSchema,
  hubSpotOwnerSchema,
  hubSpotPagingSchema,
  hubSpotPropertyDefinitionSchema,
  hubSpotPropertyDefinitionsSchema,
  hubSpotPropertyOptionSchema,
  hubSpotValueWithTimestampSchema,
  hubSpotWebEventSchema,
  hubSpotWebEventsPageSchema,
} from '../../../lib/crm/hubspot/hubspot-schemas';
import { toHubSpotBatchRead, toHubSpotContactSearch, toHubSpotContactUpdate, toHubSpotNoteCreate } from '../../../lib/crm/hubspot/hubspot-requests';
import type { Wire } from './sdk-wire';

/*
 * Checked by `tsc` (npx tsc --noEmit -p .): `expectTypeOf` is a no-op at run time.
 * `Wire<T>` (./sdk-wire.ts) compares the SDK's models with the JSON on the wire.
 */

/** The fields a schema reads (its declared shape, not the passthrough index signature). */
type ReadKeys<S> = S extends { shape: infer Shape } ? keyof Shape & string : never;
/** Fields our schema reads that the SDK model does not know: must be `never`. */
type UnknownToSdk<S, Model> = Exclude<ReadKeys<S>, keyof Model & string>;

describe('HubSpot SDK contract: response schemas accept every SDK-valid payload', () => {
  it('Wire<T> maps Date to string and enums to their values', () => {
    expectTypeOf<Wire<{ at: Date; when?: Date; list: Date[] }>>().toEqualTypeOf<{ at: string; when?: string | undefined; list: string[] }>();
    expectTypeOf<Wire<PublicOwner>['type']>().toEqualTypeOf<'PERSON' | 'QUEUE'>();
  });

  it('contact (SimplePublicObjectWithAssociations) and its history and associations', () => {
    expectTypeOf<Wire<SimplePublicObjectWithAssociations>>().toExtend<z.input<typeof hubSpotContactSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotContactSchema, SimplePublicObjectWithAssociations>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<ValueWithTimestamp>>().toExtend<z.input<typeof hubSpotValueWithTimestampSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotValueWithTimestampSchema, ValueWithTimestamp>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<CollectionResponseAssociatedId>>().toExtend<z.input<typeof hubSpotAssociationsCollectionSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotAssociationsCollectionSchema, CollectionResponseAssociatedId>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<AssociatedId>>().toExtend<z.input<typeof hubSpotAssociatedIdSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotAssociatedIdSchema, AssociatedId>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<Paging>>().toExtend<z.input<typeof hubSpotPagingSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotPagingSchema, Paging>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<NextPage>>().toExtend<z.input<typeof hubSpotNextPageSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotNextPageSchema, NextPage>>().toEqualTypeOf<never>();
  });

  it('what we read is typed as the SDK types it (property values string | null)', () => {
    expectTypeOf<z.output<typeof hubSpotContactSchema>['properties']>().toEqualTypeOf<Wire<SimplePublicObjectWithAssociations>['properties']>();
    expectTypeOf<z.output<typeof hubSpotValueWithTimestampSchema>['timestamp']>().toEqualTypeOf<Wire<ValueWithTimestamp>['timestamp']>();
  });

  it('engagement objects via batch read (SimplePublicObject, BatchResponse with and without errors)', () => {
    expectTypeOf<Wire<SimplePublicObject>>().toExtend<z.input<typeof hubSpotObjectSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotObjectSchema, SimplePublicObject>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<BatchResponseSimplePublicObject>>().toExtend<z.input<typeof hubSpotBatchReadResponseSchema>>();
    expectTypeOf<Wire<BatchResponseSimplePublicObjectWithErrors>>().toExtend<z.input<typeof hubSpotBatchReadResponseSchema>>();
    // 207 responses carry numErrors/errors: the WithErrors model is the one that knows every field we read.
    expectTypeOf<UnknownToSdk<typeof hubSpotBatchReadResponseSchema, BatchResponseSimplePublicObjectWithErrors>>().toEqualTypeOf<never>();
  });

  it('owner (PublicOwner)', () => {
    expectTypeOf<Wire<PublicOwner>>().toExtend<z.input<typeof hubSpotOwnerSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotOwnerSchema, PublicOwner>>().toEqualTypeOf<never>();
  });

  it('property definitions (Property, Option, CollectionResponsePropertyNoPaging)', () => {
    expectTypeOf<Wire<Property>>().toExtend<z.input<typeof hubSpotPropertyDefinitionSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotPropertyDefinitionSchema, Property>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<Option>>().toExtend<z.input<typeof hubSpotPropertyOptionSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotPropertyOptionSchema, Option>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<CollectionResponsePropertyNoPaging>>().toExtend<z.input<typeof hubSpotPropertyDefinitionsSchema>>();
  });

  it('web-analytics events (ExternalUnifiedEvent and its collection)', () => {
    expectTypeOf<Wire<ExternalUnifiedEvent>>().toExtend<z.input<typeof hubSpotWebEventSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotWebEventSchema, ExternalUnifiedEvent>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<CollectionResponseExternalUnifiedEvent>>().toExtend<z.input<typeof hubSpotWebEventsPageSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotWebEventsPageSchema, CollectionResponseExternalUnifiedEvent>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<EventsNextPage>>().toExtend<z.input<typeof hubSpotNextPageSchema>>();
  });

  it('associations v4 page', () => {
    expectTypeOf<Wire<CollectionResponseMultiAssociatedObjectWithLabelForwardPaging>>().toExtend<z.input<typeof hubSpotAssociationsV4PageSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotAssociationsV4PageSchema, CollectionResponseMultiAssociatedObjectWithLabelForwardPaging>>().toEqualTypeOf<never>();
    type V4Item = z.input<typeof hubSpotAssociationsV4PageSchema>['results'][number];
    expectTypeOf<Wire<MultiAssociatedObjectWithLabel>>().toExtend<V4Item>();
    expectTypeOf<Exclude<'toObjectId' | 'associationTypes', keyof MultiAssociatedObjectWithLabel>>().toEqualTypeOf<never>();
    expectTypeOf<Wire<AssociationSpecWithLabel>>().toExtend<z.input<typeof hubSpotAssociationTypeSchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotAssociationTypeSchema, AssociationSpecWithLabel>>().toEqualTypeOf<never>();
  });

  it('error bodies (ModelError); status/errorType/policyName are 429 extras the SDK does not model', () => {
    expectTypeOf<Wire<ModelError>>().toExtend<z.input<typeof hubSpotErrorBodySchema>>();
    expectTypeOf<UnknownToSdk<typeof hubSpotErrorBodySchema, ModelError>>().toEqualTypeOf<'status' | 'errorType' | 'policyName'>();
  });

  it('the check has teeth: a schema reading a wrong type or an unknown field is caught', () => {
    const wrongType = z.looseObject({ occurredAt: z.number() });
    expectTypeOf<Wire<ExternalUnifiedEvent>>().not.toExtend<z.input<typeof wrongType>>();
    const tooStrict = z.looseObject({ properties: z.record(z.string(), z.string()) });
    expectTypeOf<Wire<ExternalUnifiedEvent>>().not.toExtend<z.input<typeof tooStrict>>();
    const unknownField = z.looseObject({ occurredAt: z.string(), occuredAt: z.string().optional() });
    expectTypeOf<UnknownToSdk<typeof unknownField, ExternalUnifiedEvent>>().toEqualTypeOf<'occuredAt'>();
    // Raw SDK models (with Date) do not match a wire schema: the Wire mapping is what makes them comparable.
    expectTypeOf<SimplePublicObjectWithAssociations>().not.toExtend<z.input<typeof hubSpotContactSchema>>();
  });
});

describe('HubSpot SDK contract: request bodies are valid SDK inputs', () => {
  it('batch read', () => {
    expectTypeOf(toHubSpotBatchRead(['1'], ['hs_timestamp'])).toExtend<Wire<BatchReadInputSimplePublicObjectId>>();
  });

  it('contact search', () => {
    expectTypeOf(toHubSpotContactSearch({ filters: [{ propertyName: 'hubspot_owner_id', operator: 'EQ', value: '910' }], properties: ['email'] })).toExtend<
      Wire<PublicObjectSearchRequest>
    >();
  });

  it('contact update (PATCH)', () => {
    expectTypeOf(toHubSpotContactUpdate({ hs_lead_status: 'CONNECTED' })).toExtend<Wire<SimplePublicObjectInput>>();
  });

  it('note create, associated to the contact', () => {
    expectTypeOf(toHubSpotNoteCreate({ contactId: '51', text: 'x', at: 0 })).toExtend<Wire<SimplePublicObjectInputForCreate>>();
  });
});
