import { OWNERS } from '../seed-catalog';
import type { OrgPeople, OrgSeedContext } from './org-seed-context';
import { DAY } from './org-seed-context';
import { salesforceId } from './salesforce-ids';
import { SALESFORCE_MY_DOMAIN } from './salesforce-scenarios';

/** The Account Engagement connector's integration user (owns leads until assignment, syncs list emails). */
export const INTEGRATION_USER_NAME = 'B2BMA Integration';

/** Users: the sales team (same people as the HubSpot owners) and the connector's integration user. */
export function seedSalesforceUsers(ctx: OrgSeedContext, orgCreatedAt: number): OrgPeople & { adminUserId: string } {
  const { push, audit, records } = ctx;
  const userIdByOwner = new Map<string, string>();
  const userNames = new Map<string, string>();
  const integrationUserId = salesforceId('005', 1);
  OWNERS.forEach((owner, index) => {
    const id = salesforceId('005', index + 2);
    userIdByOwner.set(owner.id, id);
    userNames.set(id, `${owner.firstName} ${owner.lastName}`);
    push('User', {
      Id: id,
      Username: owner.email,
      FirstName: owner.firstName,
      LastName: owner.lastName,
      Alias: (owner.firstName.charAt(0) + owner.lastName).slice(0, 8).toLowerCase(),
      Email: owner.email,
      Title: owner.role === 'SDR' ? 'Sales Development Representative' : owner.role === 'AE' ? 'Account Executive' : 'Sales Development Manager',
      IsActive: true,
      UserType: 'Standard',
      TimeZoneSidKey: 'America/New_York',
      ...audit(orgCreatedAt + index * 3 * DAY, integrationUserId),
    });
  });
  userNames.set(integrationUserId, INTEGRATION_USER_NAME);
  records.User!.unshift({
    Id: integrationUserId,
    Username: `b2bma_integration@${SALESFORCE_MY_DOMAIN}.example`,
    FirstName: 'B2BMA',
    LastName: 'Integration',
    Name: INTEGRATION_USER_NAME,
    Alias: 'b2bma',
    Email: `noreply@${SALESFORCE_MY_DOMAIN}.example`,
    Title: null,
    IsActive: true,
    UserType: 'Standard',
    TimeZoneSidKey: 'America/New_York',
    ...audit(orgCreatedAt, integrationUserId),
  });
  const userOf = (ownerId: string | undefined): string => (ownerId && userIdByOwner.get(ownerId)) || integrationUserId;
  const adminUserId = userOf(OWNERS.find((owner) => owner.role === 'Manager')?.id);
  return { integrationUserId, userNames, userOf, adminUserId };
}
