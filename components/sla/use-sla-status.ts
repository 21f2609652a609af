import { useMemo } from 'react';
import { computeSlaStatus, type SlaStatus } from '../../lib/domain/sla/compute-sla-status';
import type { SlaInputs } from '../../lib/messaging/panel-protocol';
import { useNow } from '../ui/use-now';

/**
 * The SLA engine's status of this lead now, recomputed every second from the background's inputs
 * (so the countdown is live without a round trip). The header and the brief's next step both use
 * it, so they change state in the same second.
 */
export function useSlaStatus(inputs: SlaInputs): SlaStatus {
  const now = useNow(1000);
  return useMemo(() => computeSlaStatus({ ...inputs, now }), [inputs, now]);
}
