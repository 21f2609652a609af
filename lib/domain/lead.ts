import { z } from 'zod';
import { TOUCH_DIRECTIONS, TOUCH_KINDS } from './touch-kinds';

/**
 * The CRM-neutral view of a lead (whichever record the CRM keeps for the person: a contact, a lead)
 * that the domain rules read. Each provider's adapter builds it with pure mappers in
 * lib/crm/<provider>/. Fields the CRM does not have are null, never guessed.
 */
/** Which CRM: a provider kind from the registry (lib/crm). The domain never enumerates CRMs. */
export const crmKindSchema = z.string().min(1);
export type CrmKind = z.infer<typeof crmKindSchema>;

/** Where a lead lives: the CRM, the account (the customer's own instance of that CRM, as the provider names it) and the record id. */
export const leadRefSchema = z.object({
  crm: crmKindSchema,
  account: z.string().min(1),
  id: z.string().min(1),
  /** Which kind of record, for CRMs that keep leads apart from contacts; 'contact' where a CRM has one kind. */
  objectType: z.enum(['contact', 'lead']).default('contact'),
});
export type LeadRef = z.infer<typeof leadRefSchema>;

export const ownerSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});
export type Owner = z.infer<typeof ownerSchema>;

/** What changed a property: a form, a workflow, a rep in the CRM UI, an import, an integration... */
export const changeSourceSchema = z.object({
  /** The CRM's own source type (a form, a workflow, a rep in the CRM, an import), as the CRM spells it. */
  type: z.string(),
  /** Human label when the CRM gives one (workflow name, user email, form name). */
  label: z.string().nullable(),
});
export type ChangeSource = z.infer<typeof changeSourceSchema>;

export const formAnswerSchema = z.object({
  /** Question as asked (the CRM property label), e.g. "What's your biggest challenge?" */
  question: z.string(),
  /** Answer verbatim, as text. */
  answer: z.string(),
  /** Epoch ms of the submission that set it. */
  answeredAt: z.number().int(),
  /** Form id or name when known. */
  form: z.string().nullable(),
});
export type FormAnswer = z.infer<typeof formAnswerSchema>;

export const leadSchema = z.object({
  ref: leadRefSchema,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  jobTitle: z.string().nullable(),
  company: z.string().nullable(),
  industry: z.string().nullable(),
  /** Employee count as a number when the CRM holds one (a size band like "51-200" reads as its lower bound). */
  employees: z.number().int().nonnegative().nullable(),
  country: z.string().nullable(),
  /** The lifecycle stage, or the CRM's nearest equivalent, as the CRM spells it. */
  lifecycleStage: z.string().nullable(),
  /** The lead status (the sales team's working state), as the CRM spells it. */
  leadStatus: z.string().nullable(),
  owner: ownerSchema.nullable(),
  /** When the current owner was assigned (epoch ms) — the usual SLA clock start. */
  ownerAssignedAt: z.number().int().nullable(),
  /** What assigned the owner (workflow "Round robin — inbound demo", a rep in the UI...). */
  ownerAssignedBy: changeSourceSchema.nullable(),
  /** Original source, as the CRM spells it (a channel such as organic search, paid search, email). */
  source: z.string().nullable(),
  /** The CRM's finer detail under the source: often the campaign or the referrer. */
  sourceDetail: z.array(z.string()),
  /** The source of the lead's most recent visit, when the CRM records one. */
  latestSource: z.string().nullable(),
  /** The marketing campaign credited with the handoff, when known. */
  campaign: z.string().nullable(),
  firstConversion: z.object({ name: z.string(), at: z.number().int().nullable() }).nullable(),
  recentConversion: z.object({ name: z.string(), at: z.number().int().nullable() }).nullable(),
  /** Answers the prospect typed into forms, verbatim, newest first. */
  formAnswers: z.array(formAnswerSchema),
  /** When the lead became marketing-qualified / was handed to sales (epoch ms), if the CRM records it. */
  handedOffAt: z.number().int().nullable(),
  createdAt: z.number().int().nullable(),
  updatedAt: z.number().int().nullable(),
});
export type Lead = z.infer<typeof leadSchema>;

/**
 * A human touch logged in the CRM (call, email, meeting, ...). The SLA clock stops at the first
 * one by the owner that counts under the policy; automated sends and inbound touches never count.
 */
export { TOUCH_DIRECTIONS, TOUCH_KINDS };
export const touchSchema = z.object({
  id: z.string(),
  kind: z.enum(TOUCH_KINDS),
  occurredAt: z.number().int(),
  /** CRM owner/user id of whoever logged or made it. */
  ownerId: z.string().nullable(),
  /** True for sequences, workflows, marketing sends: never a human first touch. */
  automated: z.boolean(),
  /**
   * Whether the owner reached out or the lead did: an inbound reply or call logged under the owner
   * is not a response. Defaults to 'unknown' so touches stored before directions existed still parse.
   */
  direction: z.enum(TOUCH_DIRECTIONS).default('unknown'),
  /** For calls: whether a conversation happened. */
  connected: z.boolean().nullable(),
  summary: z.string().nullable(),
});
export type Touch = z.infer<typeof touchSchema>;

export function leadDisplayName(lead: Pick<Lead, 'firstName' | 'lastName' | 'email'>): string {
  const name = [lead.firstName, lead.lastName].filter(Boolean).join(' ').trim();
  return name || lead.email || 'Unnamed lead';
}
