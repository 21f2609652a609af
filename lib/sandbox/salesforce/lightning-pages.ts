import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import type { SfRecord, SfValue } from './salesforce-org-data';
import { parseSfDateTime } from './salesforce-org-data';
import type { SalesforceOrgStore } from './salesforce-org-store';
import { ACCOUNT_ENGAGEMENT_FIELDS, BATON_PERSON_FIELDS } from './salesforce-object-schema';

/*
 * Lightning-like pages for the sandbox org, rendered on the server: the Leads and Contacts list
 * views (`/lightning/o/{Object}/list`) and record pages (`/lightning/r/{Object}/{id}/view`, also
 * `/lightning/r/{id}/view`) with a highlights header, the status path, detail sections and an
 * activity column. Every value is escaped: seeded leads carry hostile strings on purpose.
 */

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "script-src 'none'; object-src 'none'; base-uri 'none'",
  'Cache-Control': 'no-store',
};

let css: string | undefined;

function escapeHtml(value: unknown): string {
  return String(value ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);
}

function display(value: SfValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (typeof value === 'boolean') return value ? '✔' : '';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value)) {
    const ms = parseSfDateTime(value);
    if (!Number.isNaN(ms)) {
      const d = new Date(ms);
      const hours = d.getUTCHours();
      return `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}, ${hours % 12 || 12}:${String(d.getUTCMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
    }
  }
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-');
    return `${Number(m)}/${Number(d)}/${y}`;
  }
  return String(value);
}

function nameOf(store: SalesforceOrgStore, id: SfValue | undefined): string {
  return typeof id === 'string' ? String(store.find(id)?.record.Name ?? '') : '';
}

function shell(title: string, active: 'Lead' | 'Contact', body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} | Salesforce</title>
<link rel="stylesheet" href="/sandbox-assets/lightning.css"></head>
<body class="sf">
<header class="sf-global"><span class="sf-waffle" aria-hidden="true">⋮⋮⋮</span><span class="sf-cloud">Baton Sandbox</span>
<input class="sf-search" type="search" placeholder="Search..." aria-label="Search"><span class="sf-avatar" aria-hidden="true">MC</span></header>
<nav class="sf-context" aria-label="App navigation"><span class="sf-app">Sales</span>
<a href="/lightning/o/Lead/list"${active === 'Lead' ? ' class="active" aria-current="page"' : ''}>Leads</a>
<a href="/lightning/o/Contact/list"${active === 'Contact' ? ' class="active" aria-current="page"' : ''}>Contacts</a></nav>
<main class="sf-main">${body}</main></body></html>`;
}

function field(label: string, value: string, opts: { html?: boolean } = {}): string {
  return `<div class="sf-field"><span class="sf-label">${escapeHtml(label)}</span><span class="sf-value">${opts.html ? value : escapeHtml(value)}</span></div>`;
}

function link(href: string, text: string): string {
  return `<a href="${escapeHtml(href)}">${escapeHtml(text)}</a>`;
}

function listPage(store: SalesforceOrgStore, objectName: 'Lead' | 'Contact'): string {
  const rows = [...store.list(objectName)].filter((r) => r.IsDeleted !== true).sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)));
  const header = objectName === 'Lead' ? ['Name', 'Title', 'Company', 'Email', 'Lead Status', 'Owner Alias', 'Created Date'] : ['Name', 'Title', 'Email', 'Phone', 'Contact Owner', 'Created Date'];
  const body = rows
    .map((r) => {
      const cells = objectName === 'Lead'
        ? [link(`/lightning/r/Lead/${r.Id}/view`, String(r.Name)), escapeHtml(r.Title), escapeHtml(r.Company), escapeHtml(r.Email), escapeHtml(r.Status), escapeHtml(store.find(String(r.OwnerId))?.record.Alias ?? ''), escapeHtml(display(r.CreatedDate))]
        : [link(`/lightning/r/Contact/${r.Id}/view`, String(r.Name)), escapeHtml(r.Title), escapeHtml(r.Email), escapeHtml(r.Phone), escapeHtml(nameOf(store, r.OwnerId)), escapeHtml(display(r.CreatedDate))];
      return `<tr>${cells.map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    })
    .join('\n');
  const plural = objectName === 'Lead' ? 'Leads' : 'Contacts';
  return shell(plural, objectName, `<section class="sf-card sf-listview">
<div class="sf-listhead"><span class="sf-icon sf-icon-${objectName.toLowerCase()}" aria-hidden="true"></span><div><div class="sf-eyebrow">${plural}</div>
<h1>${objectName === 'Lead' ? 'All Open Leads' : 'All Contacts'}</h1><div class="sf-meta">${rows.length} items • Sorted by Created Date</div></div></div>
<table class="sf-table"><thead><tr>${header.map((h) => `<th scope="col">${h}</th>`).join('')}</tr></thead><tbody>
${body}
</tbody></table></section>`);
}

function activityItem(store: SalesforceOrgStore, objectName: string, a: SfRecord): string {
  const kind = objectName === 'Event' ? 'event' : a.TaskSubtype === 'Call' ? 'call' : a.TaskSubtype === 'Email' || a.TaskSubtype === 'Cadence' || a.TaskSubtype === 'ListEmail' ? 'email' : 'task';
  const when = objectName === 'Event' ? a.StartDateTime : (a.CompletedDateTime ?? a.ActivityDate);
  const who = a.CreatedById !== a.OwnerId ? ` (logged by ${nameOf(store, a.CreatedById)})` : '';
  const detail = kind === 'call' ? `${a.CallType ?? ''} call${a.CallDisposition ? ` • ${a.CallDisposition}` : ''}` : '';
  return `<li class="sf-activity sf-activity-${kind}"><span class="sf-activity-icon" aria-hidden="true"></span><div>
<div class="sf-activity-title">${link(`/lightning/r/${objectName}/${a.Id}/view`, String(a.Subject ?? ''))}</div>
<div class="sf-activity-meta">${escapeHtml(display(when))} • ${escapeHtml(nameOf(store, a.OwnerId))}${escapeHtml(who)}${detail ? ` • ${escapeHtml(detail)}` : ''}</div>
${a.Description ? `<p class="sf-activity-body">${escapeHtml(String(a.Description)).slice(0, 600)}</p>` : ''}</div></li>`;
}

function recordPage(store: SalesforceOrgStore, objectName: 'Lead' | 'Contact', record: SfRecord): string {
  const isLead = objectName === 'Lead';
  const statuses = [...store.list('LeadStatus')].sort((a, b) => Number(a.SortOrder) - Number(b.SortOrder));
  const currentIndex = statuses.findIndex((s) => s.ApiName === record.Status);
  const path = isLead
    ? `<ol class="sf-path" aria-label="Lead Status">${statuses
        .map((s, i) => `<li class="${i < currentIndex ? 'done' : i === currentIndex ? 'current' : ''}"${i === currentIndex ? ' aria-current="step"' : ''}>${escapeHtml(s.MasterLabel)}</li>`)
        .join('')}</ol>`
    : '';
  const highlights = (isLead
    ? [['Title', record.Title], ['Company', record.Company], ['Phone', record.Phone], ['Email', record.Email], ['Lead Status', record.Status], ['Lead Owner', nameOf(store, record.OwnerId)]]
    : [['Title', record.Title], ['Phone', record.Phone], ['Email', record.Email], ['Contact Owner', nameOf(store, record.OwnerId)]]
  )
    .map(([label, value]) => field(String(label), display(value as SfValue)))
    .join('');
  const object = store.object(objectName)!;
  const section = (title: string, pairs: Array<[string, string, boolean?]>): string =>
    `<section class="sf-section"><h3>${escapeHtml(title)}</h3><div class="sf-grid">${pairs.map(([label, value, html]) => field(label, value, { html: !!html })).join('')}</div></section>`;
  const info: Array<[string, string, boolean?]> = isLead
    ? [
        ['Name', String(record.Name ?? '')], ['Company', String(record.Company ?? '')], ['Title', String(record.Title ?? '')],
        ['Email', String(record.Email ?? '')], ['Phone', String(record.Phone ?? '')],
        ['Website', record.Website ? link(String(record.Website).startsWith('http') ? String(record.Website) : '#', String(record.Website)) : '', true],
        ['Lead Source', String(record.LeadSource ?? '')], ['Lead Status', String(record.Status ?? '')], ['Rating', String(record.Rating ?? '')],
        ['Industry', String(record.Industry ?? '')], ['No. of Employees', display(record.NumberOfEmployees)], ['Lead Owner', nameOf(store, record.OwnerId)],
      ]
    : [
        ['Name', String(record.Name ?? '')], ['Title', String(record.Title ?? '')], ['Department', String(record.Department ?? '')],
        ['Email', String(record.Email ?? '')], ['Phone', String(record.Phone ?? '')], ['Lead Source', String(record.LeadSource ?? '')],
        ['Contact Owner', nameOf(store, record.OwnerId)],
      ];
  const address: Array<[string, string]> = isLead
    ? [['City', String(record.City ?? '')], ['Country', String(record.Country ?? '')]]
    : [['Mailing City', String(record.MailingCity ?? '')], ['Mailing Country', String(record.MailingCountry ?? '')]];
  const baton = BATON_PERSON_FIELDS.filter((f) => f.name !== 'Baton_Qualification_Inputs__c').map((f): [string, string] => [f.label, display(record[f.name])]);
  const pardot = ACCOUNT_ENGAGEMENT_FIELDS.filter((f) => record[f.name] !== null && record[f.name] !== undefined).map((f): [string, string] => [f.label, display(record[f.name])]);
  const converted = isLead && record.IsConverted === true && record.ConvertedContactId
    ? `<div class="sf-banner">This lead was converted on ${escapeHtml(display(record.ConvertedDate))}. ${link(`/lightning/r/Contact/${record.ConvertedContactId}/view`, `View contact ${nameOf(store, record.ConvertedContactId)}`)}</div>`
    : '';
  const convertedFrom = !isLead ? store.list('Lead').find((lead) => lead.ConvertedContactId === record.Id) : undefined;

  const activities = [
    ...store.list('Task').filter((t) => t.WhoId === record.Id).map((t) => ({ objectName: 'Task', a: t, at: String(t.CompletedDateTime ?? t.ActivityDate ?? t.CreatedDate) })),
    ...store.list('Event').filter((e) => e.WhoId === record.Id).map((e) => ({ objectName: 'Event', a: e, at: String(e.StartDateTime) })),
  ];
  const open = activities.filter(({ objectName: o, a }) => o === 'Task' && a.IsClosed !== true);
  const past = activities.filter((item) => !open.includes(item)).sort((x, y) => y.at.localeCompare(x.at));
  const members = store.list('CampaignMember').filter((m) => m.LeadId === record.Id || m.ContactId === record.Id);
  const history = isLead ? store.list('LeadHistory').filter((h) => h.LeadId === record.Id && h.DataType !== 'EntityId').sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate))) : [];

  const siblings = store.list(objectName).filter((r) => r.IsDeleted !== true).sort((a, b) => String(b.CreatedDate).localeCompare(String(a.CreatedDate)));
  const at = siblings.findIndex((r) => r.Id === record.Id);
  const prev = siblings[at - 1];
  const next = siblings[at + 1];

  const body = `${converted}<section class="sf-card sf-highlights">
<div class="sf-titlebar"><span class="sf-icon sf-icon-${objectName.toLowerCase()}" aria-hidden="true"></span>
<div><div class="sf-eyebrow">${object.label}</div><h1 class="sf-record-name">${escapeHtml(record.Name)}</h1></div>
<div class="sf-actions"><button type="button">Follow</button>${isLead ? '<button type="button">Convert</button>' : ''}<button type="button">Edit</button></div></div>
<div class="sf-highlight-fields">${highlights}</div></section>
${path ? `<section class="sf-card sf-pathcard">${path}</section>` : ''}
<div class="sf-columns">
<div class="sf-col-main"><section class="sf-card"><div class="sf-tabs" role="tablist"><span role="tab" aria-selected="true" class="active">Details</span><span role="tab" aria-selected="false">Related</span></div>
${section(isLead ? 'Lead Information' : 'Contact Information', info)}
${section('Address Information', address)}
${section('Additional Information', [['Description', record.Description ? `<span class="sf-pre">${escapeHtml(record.Description)}</span>` : '', true]])}
${section('Baton', baton)}
${pardot.length ? section('Account Engagement', pardot) : ''}
${section('System Information', [['Created By', `${nameOf(store, record.CreatedById)}, ${display(record.CreatedDate)}`], ['Last Modified By', `${nameOf(store, record.LastModifiedById)}, ${display(record.LastModifiedDate)}`]])}
${convertedFrom ? section('Converted From', [['Lead', link(`/lightning/r/Lead/${convertedFrom.Id}/view`, String(convertedFrom.Name)), true]]) : ''}
</section>
<section class="sf-card"><h2>Campaign History (${members.length})</h2><ul class="sf-related">${members
    .map((m) => `<li>${escapeHtml(nameOf(store, m.CampaignId))} <span class="sf-meta">${escapeHtml(m.Status)}${m.HasResponded ? ` • responded ${escapeHtml(display(m.FirstRespondedDate))}` : ''}</span></li>`)
    .join('')}</ul></section>
${isLead ? `<section class="sf-card"><h2>Lead History (${history.length})</h2><table class="sf-table"><thead><tr><th>Date</th><th>Field</th><th>User</th><th>Original Value</th><th>New Value</th></tr></thead><tbody>${history
    .map((h) => `<tr><td>${escapeHtml(display(h.CreatedDate))}</td><td>${escapeHtml(h.Field === 'created' ? 'Created.' : h.Field === 'leadConverted' ? 'Lead converted' : h.Field)}</td><td>${escapeHtml(nameOf(store, h.CreatedById))}</td><td>${escapeHtml(h.OldValue)}</td><td>${escapeHtml(h.NewValue)}</td></tr>`)
    .join('')}</tbody></table></section>` : ''}
</div>
<aside class="sf-col-side"><section class="sf-card"><h2>Activity</h2>
<h3 class="sf-subhead">Upcoming &amp; Overdue</h3><ul class="sf-timeline">${open.map(({ objectName: o, a }) => activityItem(store, o, a)).join('') || '<li class="sf-empty">No next steps.</li>'}</ul>
<h3 class="sf-subhead">Past Activities</h3><ul class="sf-timeline">${past.map(({ objectName: o, a }) => activityItem(store, o, a)).join('') || '<li class="sf-empty">No past activity.</li>'}</ul>
</section></aside></div>
<nav class="sf-recordnav" aria-label="Record navigation">${prev ? link(`/lightning/r/${objectName}/${prev.Id}/view`, `← ${String(prev.Name)}`) : '<span></span>'}
${link(`/lightning/o/${objectName}/list`, `All ${object.labelPlural}`)}${next ? link(`/lightning/r/${objectName}/${next.Id}/view`, `${String(next.Name)} →`) : '<span></span>'}</nav>`;
  return shell(String(record.Name ?? object.label), objectName, body);
}

function activityPage(store: SalesforceOrgStore, objectName: string, record: SfRecord): string {
  const who = typeof record.WhoId === 'string' ? store.find(record.WhoId) : undefined;
  const rows: Array<[string, string]> = Object.entries(record)
    .filter(([key]) => !['attributes'].includes(key))
    .map(([key, value]) => [key, display(value)]);
  return shell(String(record.Subject ?? objectName), who?.objectName === 'Contact' ? 'Contact' : 'Lead', `<section class="sf-card sf-highlights"><div class="sf-titlebar"><span class="sf-icon sf-icon-task" aria-hidden="true"></span>
<div><div class="sf-eyebrow">${escapeHtml(objectName)}</div><h1 class="sf-record-name">${escapeHtml(record.Subject)}</h1></div></div>
${who ? `<p>${link(`/lightning/r/${who.objectName}/${who.record.Id}/view`, `← ${String(who.record.Name)}`)}</p>` : ''}</section>
<section class="sf-card"><div class="sf-grid">${rows.map(([k, v]) => field(k, v)).join('')}</div></section>`);
}

function sendHtml(res: ServerResponse, method: string, status: number, html: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', ...SECURITY_HEADERS });
  res.end(method === 'HEAD' ? undefined : html);
}

export function serveLightningPage(res: ServerResponse, method: string, path: string, store: SalesforceOrgStore): void {
  if (method !== 'GET' && method !== 'HEAD') {
    res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
    res.end('Method not allowed');
    return;
  }
  if (path === '/sandbox-assets/lightning.css') {
    css ??= readFileSync(new URL('./pages/lightning.css', import.meta.url), 'utf8');
    res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', ...SECURITY_HEADERS });
    res.end(method === 'HEAD' ? undefined : css);
    return;
  }
  if (path === '/lightning' || path === '/lightning/page/home' || /^\/lightning\/o\/Lead\/home$/.test(path)) {
    res.writeHead(302, { Location: '/lightning/o/Lead/list' });
    res.end();
    return;
  }
  const list = /^\/lightning\/o\/(Lead|Contact)\/list$/.exec(path);
  if (list) return sendHtml(res, method, 200, listPage(store, list[1] as 'Lead' | 'Contact'));
  const bare = /^\/lightning\/r\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view$/.exec(path);
  if (bare) {
    const found = store.find(bare[1]!);
    if (found) {
      res.writeHead(302, { Location: `/lightning/r/${found.objectName}/${String(found.record.Id)}/view` });
      res.end();
      return;
    }
  }
  const record = /^\/lightning\/r\/(Lead|Contact|Task|Event)\/([a-zA-Z0-9]{15}|[a-zA-Z0-9]{18})\/view$/.exec(path);
  if (record) {
    const found = store.get(record[1]!, record[2]!);
    if (found && (record[1] === 'Lead' || record[1] === 'Contact')) return sendHtml(res, method, 200, recordPage(store, record[1] as 'Lead' | 'Contact', found));
    if (found) return sendHtml(res, method, 200, activityPage(store, record[1]!, found));
  }
  sendHtml(res, method, 404, shell('Page not found', 'Lead', `<section class="sf-card"><h1>Looks like there's a problem.</h1><p>The record you're trying to view doesn't exist or you don't have access to it.</p><p>${link('/lightning/o/Lead/list', 'Back to Leads')}</p></section>`));
}
