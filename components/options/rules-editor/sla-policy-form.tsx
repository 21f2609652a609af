import { SlaHolidayFields } from './sla-holiday-fields';
import { SlaTierFields } from './sla-tier-fields';
import { SlaWeekFields } from './sla-week-fields';
import { VersionFields } from './version-fields';

/** The SLA policy: business calendar (visual week, holidays), tiers with targets and escalations. */
export function SlaPolicyForm() {
  return (
    <div className="grid gap-2">
      <VersionFields versionIsNumber={false} entryDate="at" stampField="updatedAt" />
      <SlaWeekFields />
      <SlaHolidayFields />
      <SlaTierFields />
    </div>
  );
}
