import { z } from 'zod';

/*
 * The parts of Marketo Engage REST answers Baton reads (Adobe's Swagger, swagger-mapi.json and
 * swagger-identity.json, describes them in full). Loose objects: a field Baton does not read never
 * fails an answer. Titles, URLs and attribute values are attacker-controlled text.
 */

export const marketoErrorSchema = z.looseObject({ code: z.union([z.string(), z.number()]).transform(String), message: z.string().optional() });

/** Every REST answer: HTTP 200 even when it failed (`success: false` with `errors`). */
export const marketoEnvelopeSchema = z.looseObject({
  success: z.boolean(),
  errors: z.array(marketoErrorSchema).optional(),
  result: z.array(z.unknown()).optional(),
  nextPageToken: z.string().optional(),
  moreResult: z.boolean().optional(),
});

export const marketoTokenSchema = z.looseObject({
  access_token: z.string().min(1),
  /** Seconds the token has left (Marketo hands out the same token until it expires). */
  expires_in: z.number().int().nonnegative(),
});

export const marketoLeadSchema = z.looseObject({
  id: z.number().int(),
  email: z.string().nullish(),
  createdAt: z.string().nullish(),
});
export type MarketoLead = z.infer<typeof marketoLeadSchema>;

export const marketoActivityTypeSchema = z.looseObject({ id: z.number().int(), name: z.string() });

export const marketoAttributeSchema = z.looseObject({ name: z.string(), value: z.unknown() });

export const marketoActivitySchema = z.looseObject({
  id: z.number().optional(),
  marketoGUID: z.string().optional(),
  leadId: z.number(),
  activityDate: z.string(),
  activityTypeId: z.number().int(),
  primaryAttributeValue: z.string().nullish(),
  attributes: z.array(marketoAttributeSchema).optional(),
  campaignId: z.number().nullish(),
});
export type MarketoActivity = z.infer<typeof marketoActivitySchema>;
