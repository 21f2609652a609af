import { z } from 'zod';

/*
 * The parts of Account Engagement API v5 answers Baton reads (loose: other fields never fail an
 * answer). Queries answer `{ values: [...], nextPageToken, nextPageUrl }`; errors `{ code, message }`.
 * `details` (a form's, email's or page's name) is attacker-controlled text.
 */

export const aeErrorSchema = z.looseObject({ code: z.number().optional(), message: z.string().optional() });

export const aeQuerySchema = z.looseObject({
  values: z.array(z.unknown()),
  nextPageUrl: z.string().nullish(),
  nextPageToken: z.string().nullish(),
});

export const aeProspectSchema = z.looseObject({
  id: z.number().int(),
  email: z.string().nullish(),
  salesforceId: z.string().nullish(),
});
export type AeProspect = z.infer<typeof aeProspectSchema>;

export const aeVisitorActivitySchema = z.looseObject({
  id: z.number().int(),
  type: z.number().int(),
  typeName: z.string().nullish(),
  details: z.string().nullish(),
  prospectId: z.number().nullish(),
  campaignId: z.number().nullish(),
  createdAt: z.string(),
});
export type AeVisitorActivity = z.infer<typeof aeVisitorActivitySchema>;
