import { z } from 'zod';
import { backtestRequestSchema } from './backtest-protocol';
import { insightsRequestSchema } from './insights-protocol';
import { queueRequestSchemas } from './queue-protocol';
import { rulesTestRequestSchema } from './rules-test-protocol';
import { teamRulesPublishRequestSchema, teamRulesStatusRequestSchema } from './team-rules-protocol';

/**
 * Typed runtime messages between extension pages (panel, options) and the background. Both ends
 * validate with these schemas: the background every request (a forged or malformed one is
 * refused), the pages every response (a background bug shows as a clear error, not a blank panel).
 */
export const requestSchema = z.discriminatedUnion('type', [
  /**
   * Panel: the lead shown in *my* tab, as the panel's view model (panel-protocol.ts). No lead id:
   * the background derives it from the tab URL.
   */
  /**
   * `refresh`: false may answer from the background's cache; true reads the lead from the CRM;
   * 'if-changed' (the live panel's minute, a rep back on the tab) asks the CRM one cheap question
   * and reads the lead only when the record changed.
   */
  z.object({ type: z.literal('lead/get-context'), refresh: z.union([z.boolean(), z.literal('if-changed')]).default(false) }),
  /** Options: store the CRM credential an admin pasted (kept by the background, never echoed back). */
  z.object({ type: z.literal('connection/save-token'), token: z.string().trim().min(1).max(500) }),
  z.object({ type: z.literal('connection/forget-token') }),
  /** Options: is a token stored, and does the CRM accept it? */
  z.object({ type: z.literal('connection/status') }),
  /** Options (admin): create Baton's own fields (e.g. a "Baton" property group) in the CRM. */
  z.object({ type: z.literal('crm/setup-properties') }),
  /** Options (admin): the connected CRM's own lead-status values, for the outcome → status mapping. */
  z.object({ type: z.literal('crm/lead-status-values') }),
  /** Options (admin): the connected CRM's lead pipelines and disqualification reasons, for the lead-record mapping. */
  z.object({ type: z.literal('crm/lead-record-choices') }),
  /** Panel: set (or clear, with null) the rep's decision on one criterion. Validated against the evidence rules. */
  z.object({
    type: z.literal('evidence/put'),
    criterionId: z.string().min(1).max(100),
    entry: z
      .object({ status: z.enum(['met', 'unmet']), evidence: z.record(z.string(), z.unknown()).optional() })
      .nullable(),
  }),
  /**
   * Panel: save a disposition for the lead in this tab. The draft carries what the rep decided
   * (outcome, reason, recycle date, objections, note); the background adds the lead, id, time and
   * what the rep was shown (checklist, verdict, SLA outcome, brief), computed from what it knows,
   * validates it with the domain rules, and writes it to the durable outbox before answering.
   */
  z.object({ type: z.literal('disposition/save'), draft: z.record(z.string(), z.unknown()) }),
  /** Panel: what is queued, delivered or failed for the lead in this tab. */
  z.object({ type: z.literal('outbox/list') }),
  /**
   * Panel: send a dead letter again. `confirmOver` is the later disposition the rep explicitly
   * agreed to replace in the CRM; without it the background refuses to resend a superseded one.
   */
  z.object({ type: z.literal('outbox/resend'), id: z.uuid(), confirmOver: z.uuid().optional() }),
  z.object({ type: z.literal('outbox/discard'), id: z.uuid() }),
  /** Panel: log a contact attempt on the lead in this tab. */
  z.object({
    type: z.literal('attempt/log'),
    channel: z.enum(['call', 'email', 'social']),
    connected: z.boolean(),
    note: z.string().trim().max(2000).nullable(),
  }),
  /** Insights: dispositions read back from the connected CRM, aggregated under the filters. */
  insightsRequestSchema,
  /** Insights: replay the last N months of dispositioned leads under a candidate SQL definition. */
  backtestRequestSchema,
  /** Popup and options: the rep's queue and who the rep is (queue-protocol.ts). */
  ...queueRequestSchemas,
  /** Options: one lead's qualification inputs, to test the SQL definition and a draft against it. */
  rulesTestRequestSchema,
  /** Options: the team's published rules (and whether this browser's copy is current). */
  teamRulesStatusRequestSchema,
  /** Options: publish this browser's settings as the team's next revision. */
  teamRulesPublishRequestSchema,
]);
export type BatonRequest = z.input<typeof requestSchema>;
export type BatonRequestParsed = z.output<typeof requestSchema>;

export const errorPayloadSchema = z.object({
  /** CrmError kinds plus the messaging layer's own. */
  kind: z.string(),
  message: z.string(),
  retryable: z.boolean().default(false),
});
export type ErrorPayload = z.infer<typeof errorPayloadSchema>;

export const leadPageSchema = z.object({
  /** A provider kind from the registry (lib/crm/crm-descriptors.ts). */
  crm: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  account: z.string().min(1).max(200),
  objectType: z.enum(['contact', 'lead']),
  id: z.string().regex(/^[A-Za-z0-9]{1,40}$/),
  origin: z.string(),
});

export const connectionStatusSchema = z.object({
  hasToken: z.boolean(),
  /** Result of asking the CRM, when a token is stored. */
  check: z
    .object({
      ok: z.boolean(),
      portalId: z.string().nullable(),
      message: z.string(),
      // Optional so that older answers (and CRMs without scopes, like the sandbox) still parse.
      /** The token's scopes; null when the CRM would not say. */
      grantedScopes: z.array(z.string()).nullable().optional(),
      /** Scopes Baton needs that the token lacks, with what stops working without each. */
      missingScopes: z
        .array(z.object({
          scope: z.string(),
          /** Scopes HubSpot accepts instead (any one will do). */
          alternatives: z.array(z.string()).optional(),
          features: z.array(z.object({ feature: z.string(), label: z.string(), withoutIt: z.string() })),
        }))
        .optional(),
      scopesMessage: z.string().nullable().optional(),
      /** Rate-limit headroom from the CRM's last response headers. */
      headroom: z
        .object({ daily: z.number().nullable(), dailyRemaining: z.number().nullable(), windowMax: z.number().nullable(), windowMs: z.number().nullable() })
        .nullable()
        .optional(),
      /** The token's kind (from its shape) and, where HubSpot reports one, its expiry (epoch ms). */
      token: z
        .object({ kind: z.string(), label: z.string(), expiresAt: z.number().nullable() })
        .optional(),
    })
    .nullable(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/**
 * Every response is either data or an error the UI can show as it is. (The panel checks the same
 * envelope with responseEnvelopeSchema in panel-protocol.ts, written with zod/mini.)
 */
export function responseSchema<T extends z.ZodType>(data: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), data }),
    z.object({ ok: z.literal(false), error: errorPayloadSchema }),
  ]);
}
export type BatonResponse<T> = { ok: true; data: T } | { ok: false; error: ErrorPayload };

export const propertySetupResultSchema = z.object({ created: z.array(z.string()), existing: z.array(z.string()) });

/** The connected CRM's lead-status values (converted ones excluded), and which CRM (provider kind) they are of. */
export const leadStatusValuesSchema = z.object({
  crm: z.string(),
  values: z.array(z.object({ value: z.string(), label: z.string(), isDefault: z.boolean() })),
});
export type LeadStatusValues = z.infer<typeof leadStatusValuesSchema>;
