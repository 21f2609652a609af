import type { CrmProvider } from '../crm-provider';
import { crmDescriptor } from './salesforce-descriptor';

/** Salesforce's pages are recognised; its connection (OAuth, read, write, reporting) comes next. */
export const crmProvider: CrmProvider = {
  descriptor: crmDescriptor,
  connect: null,
};
