import type { ReactNode } from 'react';
import { decideNextAction, type NextAction } from '../../lib/domain/engagement/next-action';
import type { BriefView, SlaInputs } from '../../lib/messaging/panel-protocol';
import { formatRelativeTime } from '../../lib/format/format-time';
import { useSlaStatus } from '../sla/use-sla-status';
import type { RecordedOutcome } from './recorded-outcome';

interface NextStepProps {
  nextStep: BriefView['nextStep'];
  opener: BriefView['opener'];
  disqualifiedBecause: string | null;
  recorded: RecordedOutcome | null;
  now: number;
  section: (title: string, children: ReactNode) => ReactNode;
}

/**
 * The brief's "next step" and opener: the same one next action as the header's countdown
 * (decideNextAction on the same live SLA status), so the two never disagree. With no SLA inputs
 * (a brief shown on its own) the SLA does not decide it.
 */
export function BriefNextStep(props: NextStepProps & { sla?: SlaInputs | null }) {
  return props.sla ? <LiveNextStep {...props} sla={props.sla} /> : <NextStepSections {...props} action={decide(props, { state: 'unknown', escalation: null })} />;
}

function LiveNextStep(props: NextStepProps & { sla: SlaInputs }) {
  const status = useSlaStatus(props.sla);
  return <NextStepSections {...props} action={decide(props, status)} />;
}

function decide(props: NextStepProps, sla: Parameters<typeof decideNextAction>[0]['sla']): NextAction {
  return decideNextAction({ recorded: props.recorded, disqualifiedBecause: props.disqualifiedBecause, sla, nextStep: props.nextStep?.label ?? null });
}

function NextStepSections({ action, nextStep, opener, now, section }: NextStepProps & { action: NextAction }) {
  switch (action.kind) {
    case 'recorded':
      return section(
        'Outcome recorded',
        <>
          <p className="font-medium text-slate-900">{action.outcome}</p>
          <p className="text-xs text-slate-600">
            {action.by ? <>By <bdi>{action.by}</bdi>, </> : null}
            {formatRelativeTime(action.at, now)}. Marketing sees it with the reason; change it under Outcome if it was wrong.
          </p>
        </>,
      );
    case 'record_outcome':
      // The brief never asks for a call or a demo on a lead the definition rules out.
      return section(
        'Next step',
        <>
          <p className="font-medium text-slate-900">Record the outcome</p>
          <p className="text-xs text-slate-600">The SQL definition disqualifies this lead: {action.because}. Reject or recycle it under Outcome, with the reason, rather than calling.</p>
        </>,
      );
    case 'hand_back':
      return section(
        'Next step',
        <>
          <p className="font-medium text-slate-900">Hand back to marketing</p>
          <p className="text-xs text-slate-600">The response SLA is overdue and the policy says: {action.escalation}. Recycle it under Outcome, with the reason.</p>
        </>,
      );
    case 'call_now':
      return (
        <>
          {section(
            'Next step',
            <>
              <p className="font-medium text-slate-900">Call now{action.nextStep ? ` — ${action.nextStep.charAt(0).toLowerCase()}${action.nextStep.slice(1)}` : ''}</p>
              <p className="text-xs text-slate-600">The response SLA is overdue{action.escalation ? ` (${action.escalation})` : ''}.</p>
            </>,
          )}
          {section('Opener', <Opener text={opener.text} />)}
        </>
      );
    case 'next_step':
      return (
        <>
          {nextStep
            ? section(
                'Agreed next step',
                <>
                  <p className="font-medium text-slate-900">{nextStep.label}</p>
                  {nextStep.tier ? <p className="text-xs text-slate-500">Set by the {nextStep.tier} handoff tier</p> : null}
                </>,
              )
            : null}
          {section('Opener', <Opener text={opener.text} />)}
        </>
      );
  }
}

function Opener({ text }: { text: string }) {
  return <p className="rounded bg-slate-100 px-2 py-1.5 italic text-slate-900">{text}</p>;
}
