// Sandbox CRM client: a tiny SPA over the sandbox's own HubSpot-dialect API. Navigation between
// pages uses history.pushState (no reload), like the CRMs Baton runs on. All CRM data is
// attacker-controlled (anyone can fill a form), so it is only ever set as text, never as HTML.

const PORTAL = document.documentElement.dataset.portal;
const app = document.getElementById('app');
const HEADERS = { Authorization: 'Bearer sandbox', 'Content-Type': 'application/json' };
const CONTACT_PROPS = [
  'firstname', 'lastname', 'email', 'phone', 'jobtitle', 'company', 'industry', 'numemployees', 'country', 'city',
  'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'hubspot_owner_assigneddate', 'hs_analytics_source',
  'campaign_name', 'recent_conversion_event_name', 'biggest_challenge', 'createdate',
];
const CALL_OUTCOMES = [
  ['f240bbac-87c9-4f6e-bf70-924b57d47db7', 'Connected'],
  ['b2cf5968-551e-4856-9783-52b3da59a7d0', 'Left voicemail'],
  ['a4c4c377-d246-4b32-a13b-75a56a4cd0ff', 'Left live message'],
  ['73a0d17f-1163-4015-bdd5-ec830791da20', 'No answer'],
  ['9d9162e7-6cf3-4944-bf63-4dff82258764', 'Busy'],
  ['17b47fee-58de-441e-a44c-c6300d46f273', 'Wrong number'],
];
const ACTIVITY_TYPES = ['calls', 'emails', 'meetings', 'notes', 'tasks'];
const ACTIVITY_PROPS = {
  calls: ['hs_timestamp', 'hs_call_title', 'hs_call_body', 'hs_call_disposition', 'hs_call_direction', 'hs_call_duration', 'hubspot_owner_id'],
  emails: ['hs_timestamp', 'hs_email_subject', 'hs_email_text', 'hs_email_direction', 'hs_sequence_id', 'hubspot_owner_id'],
  meetings: ['hs_timestamp', 'hs_meeting_title', 'hs_meeting_body', 'hs_meeting_start_time', 'hs_meeting_outcome', 'hubspot_owner_id'],
  notes: ['hs_timestamp', 'hs_note_body', 'hubspot_owner_id'],
  tasks: ['hs_timestamp', 'hs_task_subject', 'hs_task_status', 'hs_task_type', 'hubspot_owner_id'],
};

let renderToken = 0;
const cache = { owners: null, labels: new Map() };

async function api(path, init = {}) {
  const response = await fetch(path, { ...init, headers: { ...HEADERS, ...(init.headers || {}) } });
  const body = response.status === 204 ? null : await response.json();
  if (!response.ok) throw new Error(body && body.message ? body.message : `HTTP ${response.status}`);
  return body;
}

/** Builds an element; strings in `children` become text nodes (never HTML). */
function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'className') node.className = value;
    else if (key === 'text') node.textContent = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2).toLowerCase(), value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(typeof child === 'string' || typeof child === 'number' ? document.createTextNode(String(child)) : child);
  }
  return node;
}

/**
 * Rich-text CRM fields (note, call and meeting bodies) hold HTML, as in HubSpot. Show their text:
 * DOMParser builds an inert document (no scripts run, nothing loads) and only text comes out.
 */
function htmlToText(html) {
  if (!html) return html;
  const withBreaks = String(html).replace(/<br\s*\/?>/gi, '\n').replace(/<\/(p|div|li|h\d)>/gi, '\n');
  const doc = new DOMParser().parseFromString(withBreaks, 'text/html');
  for (const node of doc.querySelectorAll('script, style, template, noscript')) node.remove();
  return (doc.body.textContent || '').trim();
}

function spaLink(href, text, attrs = {}) {
  return h('a', { href, 'data-spa': true, ...attrs }, text);
}

const listUrl = () => `/contacts/${PORTAL}/objects/0-1/views/all/list`;
const recordUrl = (id) => `/contacts/${PORTAL}/record/0-1/${id}`;
const reportsUrl = () => `/reports/${PORTAL}`;
// HubSpot Leads (object 0-136): same URL forms as HubSpot's own, which Baton's page reader knows.
const leadListUrl = () => `/contacts/${PORTAL}/objects/0-136/views/all/list`;
const leadRecordUrl = (id) => `/contacts/${PORTAL}/record/0-136/${id}`;
const LEAD_PROPS = ['hs_lead_name', 'hs_lead_type', 'hs_lead_label', 'hs_pipeline_stage', 'hubspot_owner_id', 'hs_createdate'];
// HubSpot-defined "lead to primary contact" association type (the unlabeled one is 608).
const LEAD_TO_PRIMARY_CONTACT = 578;

function formatDate(iso, withTime = true) {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('en-US', withTime
    ? { month: 'short', day: 'numeric', year: 'numeric', hour: 'numeric', minute: '2-digit' }
    : { month: 'short', day: 'numeric', year: 'numeric' });
}

function relative(iso) {
  const ms = Date.now() - new Date(iso).getTime();
  if (!Number.isFinite(ms)) return '';
  const minutes = Math.round(ms / 60000);
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}

async function owners() {
  if (!cache.owners) {
    const body = await api('/crm/v3/owners?limit=100');
    cache.owners = new Map(body.results.map((owner) => [owner.id, owner]));
  }
  return cache.owners;
}

function ownerName(ownersById, id) {
  const owner = id ? ownersById.get(id) : null;
  return owner ? `${owner.firstName} ${owner.lastName}` : id ? `Owner ${id}` : 'Unassigned';
}

/** Option labels of an enumeration property (lifecycle stage, lead status, deal stage...). */
async function optionLabels(name, objectType = 'contacts') {
  const key = `${objectType}:${name}`;
  if (!cache.labels.has(key)) {
    const property = await api(`/crm/v3/properties/${objectType}/${name}`);
    cache.labels.set(key, new Map(property.options.map((option) => [option.value, option.label])));
  }
  return cache.labels.get(key);
}

function fullName(props) {
  return [props.firstname, props.lastname].filter(Boolean).join(' ') || props.email || 'Unnamed contact';
}

function initials(props) {
  const letters = [props.firstname, props.lastname].filter(Boolean).map((part) => Array.from(part)[0]).join('');
  return (letters || '?').toUpperCase();
}

function setActiveNav(section) {
  for (const link of document.querySelectorAll('[data-nav]')) link.classList.toggle('active', link.dataset.nav === section);
}

function showError(token, error) {
  if (token !== renderToken) return;
  app.replaceChildren(h('div', { className: 'card' }, h('div', { className: 'card-body error', role: 'alert' }, `Could not load this page: ${error.message}`)));
}

// ---- contacts list ----

async function renderList(token) {
  setActiveNav('contacts');
  document.title = 'Contacts | Sandbox CRM';
  const [search, ownersById, stages, statuses] = await Promise.all([
    api('/crm/v3/objects/contacts/search', {
      method: 'POST',
      body: JSON.stringify({ properties: CONTACT_PROPS, sorts: [{ propertyName: 'createdate', direction: 'DESCENDING' }], limit: 200 }),
    }),
    owners(),
    optionLabels('lifecyclestage'),
    optionLabels('hs_lead_status'),
  ]);
  if (token !== renderToken) return;
  const rows = search.results.map((contact) => {
    const p = contact.properties;
    const row = h('tr', { dataset: { contactId: contact.id } },
      h('td', {}, spaLink(recordUrl(contact.id), fullName(p), { 'data-testid': 'contact-link' })),
      h('td', {}, p.email || '—'),
      h('td', {}, p.company || '—'),
      h('td', {}, p.lifecyclestage ? h('span', { className: 'pill' }, stages.get(p.lifecyclestage) || p.lifecyclestage) : '—'),
      h('td', {}, p.hs_lead_status ? h('span', { className: `pill ${p.hs_lead_status === 'NEW' ? 'new' : ''}` }, statuses.get(p.hs_lead_status) || p.hs_lead_status) : '—'),
      h('td', {}, ownerName(ownersById, p.hubspot_owner_id)),
      h('td', { className: 'muted' }, formatDate(p.createdate, false)),
    );
    row.dataset.search = `${fullName(p)} ${p.email || ''} ${p.company || ''}`.toLowerCase();
    return row;
  });
  const tbody = h('tbody', {}, rows);
  const filter = h('input', {
    type: 'search', placeholder: 'Search name, email or company', 'aria-label': 'Search contacts',
    onInput: (event) => {
      const needle = event.target.value.trim().toLowerCase();
      for (const row of tbody.rows) row.hidden = needle !== '' && !row.dataset.search.includes(needle);
    },
  });
  app.replaceChildren(
    h('h1', { className: 'page-title' }, 'Contacts'),
    h('div', { className: 'toolbar' }, filter, h('span', { className: 'muted' }, `${search.total} records`)),
    h('div', { className: 'card' },
      h('table', { className: 'table', 'data-testid': 'contacts-table' },
        h('thead', {}, h('tr', {}, ['Name', 'Email', 'Company', 'Lifecycle stage', 'Lead status', 'Contact owner', 'Create date'].map((label) => h('th', { scope: 'col' }, label)))),
        tbody)));
}

// ---- record page ----

async function loadActivities(contactId) {
  const lists = await Promise.all(ACTIVITY_TYPES.map((type) =>
    api(`/crm/v3/objects/${type}/search`, {
      method: 'POST',
      body: JSON.stringify({
        filterGroups: [{ filters: [{ propertyName: 'associations.contact', operator: 'EQ', value: contactId }] }],
        properties: ACTIVITY_PROPS[type],
        sorts: [{ propertyName: 'hs_timestamp', direction: 'DESCENDING' }],
        limit: 100,
      }),
    }).then((body) => body.results.map((item) => ({ type, ...item })))));
  return lists.flat().sort((a, b) => new Date(b.properties.hs_timestamp) - new Date(a.properties.hs_timestamp));
}

function describeActivity(item, ownersById) {
  const p = item.properties;
  const by = ownerName(ownersById, p.hubspot_owner_id);
  switch (item.type) {
    case 'calls': {
      const outcome = (CALL_OUTCOMES.find(([id]) => id === p.hs_call_disposition) || [])[1] || 'Call';
      const minutes = p.hs_call_duration ? ` · ${Math.max(1, Math.round(Number(p.hs_call_duration) / 60000))} min` : '';
      return { icon: 'C', cls: 'tl-call', title: p.hs_call_title || 'Call', meta: `${outcome}${minutes} · logged by ${by}`, body: htmlToText(p.hs_call_body) };
    }
    case 'emails':
      return { icon: 'E', cls: 'tl-email', title: p.hs_email_subject || 'Email', meta: `${p.hs_sequence_id ? 'Sequence email (automated)' : p.hs_email_direction === 'INCOMING_EMAIL' ? 'Reply' : 'Sales email'} · ${by}`, body: p.hs_email_text };
    case 'meetings':
      return { icon: 'M', cls: 'tl-meeting', title: p.hs_meeting_title || 'Meeting', meta: `${p.hs_meeting_outcome || 'Scheduled'} · ${formatDate(p.hs_meeting_start_time)} · ${by}`, body: htmlToText(p.hs_meeting_body) };
    case 'tasks':
      return { icon: 'T', cls: 'tl-task', title: p.hs_task_subject || 'Task', meta: `Task · ${p.hs_task_status || ''} · assigned to ${by}`, body: null };
    default:
      return { icon: 'N', cls: 'tl-note', title: 'Note', meta: `by ${by}`, body: htmlToText(p.hs_note_body) };
  }
}

function renderTimeline(list, items, ownersById) {
  if (items.length === 0) {
    list.replaceChildren(h('li', { className: 'empty' }, 'No activities yet. Log a call to start the conversation.'));
    return;
  }
  list.replaceChildren(...items.map((item) => {
    const view = describeActivity(item, ownersById);
    return h('li', { 'data-testid': 'timeline-item', dataset: { type: item.type, id: item.id } },
      h('span', { className: `tl-icon ${view.cls}`, 'aria-hidden': 'true' }, view.icon),
      h('div', {},
        h('div', { className: 'tl-head' },
          h('span', { className: 'tl-title' }, view.title),
          h('time', { className: 'tl-time', datetime: item.properties.hs_timestamp, title: formatDate(item.properties.hs_timestamp) }, relative(item.properties.hs_timestamp))),
        h('div', { className: 'tl-meta' }, view.meta),
        view.body ? h('div', { className: 'tl-body' }, view.body) : null));
  }));
}

async function renderRecord(token, contactId) {
  setActiveNav('contacts');
  const query = `properties=${CONTACT_PROPS.join(',')}&associations=deals,leads`;
  const [contact, ownersById, stages, statuses, sources, activities] = await Promise.all([
    api(`/crm/v3/objects/contacts/${encodeURIComponent(contactId)}?${query}`),
    owners(),
    optionLabels('lifecyclestage'),
    optionLabels('hs_lead_status'),
    optionLabels('hs_analytics_source'),
    loadActivities(contactId),
  ]);
  if (token !== renderToken) return;
  const p = contact.properties;
  const name = fullName(p);
  document.title = `${name} | Contact | Sandbox CRM`;

  const timeline = h('ul', { className: 'timeline', 'data-testid': 'timeline' });
  renderTimeline(timeline, activities, ownersById);
  const formSlot = h('div');
  const logCallButton = h('button', { className: 'btn', type: 'button', 'data-testid': 'log-call', onClick: () => openLogCall() }, 'Log call');

  function openLogCall() {
    if (formSlot.firstChild) return;
    const outcome = h('select', { name: 'outcome', 'data-testid': 'log-call-outcome' }, CALL_OUTCOMES.map(([id, label]) => h('option', { value: id }, label)));
    const notes = h('textarea', { name: 'notes', placeholder: 'What happened on the call?', 'data-testid': 'log-call-notes' });
    const status = h('span', { className: 'muted', role: 'status' });
    const save = h('button', { className: 'btn', type: 'submit', 'data-testid': 'log-call-save' }, 'Save call');
    const form = h('form', {
      className: 'log-call',
      onSubmit: async (event) => {
        event.preventDefault();
        save.disabled = true;
        status.textContent = 'Saving…';
        try {
          await api('/crm/v3/objects/calls', {
            method: 'POST',
            body: JSON.stringify({
              properties: {
                hs_timestamp: new Date().toISOString(),
                hs_call_title: `Call with ${name}`,
                hs_call_body: notes.value,
                hs_call_direction: 'OUTBOUND',
                hs_call_disposition: outcome.value,
                hs_call_status: 'COMPLETED',
                ...(p.hubspot_owner_id ? { hubspot_owner_id: p.hubspot_owner_id } : {}),
              },
              associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 194 }] }],
            }),
          });
          formSlot.replaceChildren();
          renderTimeline(timeline, await loadActivities(contact.id), ownersById);
        } catch (error) {
          status.textContent = `Could not save: ${error.message}`;
          save.disabled = false;
        }
      },
    },
      h('label', {}, 'Call outcome', outcome),
      h('label', {}, 'Notes', notes),
      h('div', { className: 'row' }, status, h('button', { className: 'btn secondary', type: 'button', onClick: () => formSlot.replaceChildren() }, 'Cancel'), save));
    formSlot.replaceChildren(form);
    notes.focus();
  }

  const prop = (label, value, testId) => h('div', {}, h('dt', {}, label), h('dd', testId ? { 'data-testid': testId } : {}, value || '—'));
  const deals = contact.associations && contact.associations.deals ? contact.associations.deals.results : [];
  const leads = contact.associations && contact.associations.leads ? contact.associations.leads.results : [];

  app.replaceChildren(
    h('div', { className: 'breadcrumb' }, spaLink(listUrl(), 'Contacts'), ' / ', name),
    h('div', { className: 'record', 'data-testid': 'record', dataset: { contactId: contact.id } },
      h('aside', {},
        h('section', { className: 'card' },
          h('div', { className: 'identity' },
            h('div', { className: 'avatar', 'aria-hidden': 'true' }, initials(p)),
            h('h1', { 'data-testid': 'record-name' }, name),
            h('div', { className: 'subtitle', 'data-testid': 'record-title' }, [p.jobtitle, p.company].filter(Boolean).join(' at ') || '—'),
            p.email ? h('div', { className: 'email' }, p.email) : null,
            h('div', { className: 'actions' }, logCallButton, h('a', { className: 'btn secondary', href: p.email ? `mailto:${p.email}` : undefined, 'data-testid': 'email-contact' }, 'Email')))),
        h('section', { className: 'card' },
          h('div', { className: 'card-header' }, h('h2', {}, 'About this contact')),
          h('dl', { className: 'card-body props' },
            prop('Email', p.email, 'prop-email'),
            prop('Phone number', p.phone, 'prop-phone'),
            prop('Company', p.company, 'prop-company'),
            prop('Job title', p.jobtitle, 'prop-jobtitle'),
            prop('Lifecycle stage', stages.get(p.lifecyclestage) || p.lifecyclestage, 'prop-lifecyclestage'),
            prop('Lead status', statuses.get(p.hs_lead_status) || p.hs_lead_status, 'prop-lead-status'),
            prop('Contact owner', ownerName(ownersById, p.hubspot_owner_id), 'prop-owner'),
            prop('Owner assigned', p.hubspot_owner_assigneddate ? formatDate(p.hubspot_owner_assigneddate) : null),
            prop('Original source', sources.get(p.hs_analytics_source) || p.hs_analytics_source),
            prop('Campaign', p.campaign_name),
            prop('Recent conversion', p.recent_conversion_event_name),
            prop("What's your biggest challenge?", p.biggest_challenge, 'prop-biggest-challenge'),
            prop('Create date', formatDate(p.createdate, false))))),
      h('section', {},
        h('div', { className: 'card' },
          h('div', { className: 'card-header' }, h('h2', {}, 'Activity'), h('button', { className: 'btn secondary', type: 'button', 'data-testid': 'activity-log-call', onClick: () => openLogCall() }, 'Log call')),
          formSlot,
          timeline)),
      // The right-hand column of associated records, as a CRM's record page has one.
      h('aside', { 'data-testid': 'record-associations' },
        leads.length > 0
          ? h('div', { className: 'card' },
              h('div', { className: 'card-header' }, h('h2', {}, `Leads (${leads.length})`)),
              h('ul', { className: 'card-body link-list', 'data-testid': 'contact-leads' },
                leads.map((lead) => h('li', {}, spaLink(leadRecordUrl(lead.id), `Lead ${lead.id}`, { 'data-testid': 'lead-link' })))))
          : null,
        deals.length > 0
          ? h('div', { className: 'card' },
              h('div', { className: 'card-header' }, h('h2', {}, `Deals (${deals.length})`)),
              h('div', { className: 'card-body', 'data-testid': 'deals' }, deals.map((deal) => h('div', {}, `Deal ${deal.id}`))))
          : h('div', { className: 'card' }, h('div', { className: 'card-header' }, h('h2', {}, 'Deals (0)')), h('p', { className: 'card-body muted' }, 'No deal is associated with this contact.')))));
  if (deals.length > 0) {
    hydrateDeals(token, deals.map((deal) => deal.id)).catch(() => {
      const container = app.querySelector('[data-testid=deals]');
      if (container && token === renderToken) container.textContent = 'Could not load deals.';
    });
  }
}

async function hydrateDeals(token, ids) {
  const [body, dealStages] = await Promise.all([
    api('/crm/v3/objects/deals/batch/read', {
      method: 'POST',
      body: JSON.stringify({ inputs: ids.map((id) => ({ id })), properties: ['dealname', 'amount', 'dealstage', 'closedate'] }),
    }),
    optionLabels('dealstage', 'deals'),
  ]);
  if (token !== renderToken) return;
  const container = app.querySelector('[data-testid=deals]');
  if (!container) return;
  container.replaceChildren(...body.results.map((deal) => h('div', { className: 'props' },
    h('div', {}, h('dt', {}, deal.properties.dealname || 'Deal'),
      h('dd', {}, `${deal.properties.amount ? `$${Number(deal.properties.amount).toLocaleString('en-US')}` : '—'} · ${dealStages.get(deal.properties.dealstage) || deal.properties.dealstage || ''} · close ${formatDate(deal.properties.closedate, false)}`)))));
}

// ---- leads (object 0-136) ----

async function renderLeadList(token) {
  setActiveNav('leads');
  document.title = 'Leads | Sandbox CRM';
  const [page, ownersById, stages] = await Promise.all([
    api(`/crm/v3/objects/leads?limit=100&properties=${LEAD_PROPS.join(',')}`),
    owners(),
    optionLabels('hs_pipeline_stage', 'leads'),
  ]);
  if (token !== renderToken) return;
  const rows = page.results.map((lead) => {
    const p = lead.properties;
    return h('tr', { dataset: { leadId: lead.id } },
      h('td', {}, spaLink(leadRecordUrl(lead.id), p.hs_lead_name || `Lead ${lead.id}`, { 'data-testid': 'lead-link' })),
      h('td', {}, stages.get(p.hs_pipeline_stage) || p.hs_pipeline_stage || '—'),
      h('td', {}, p.hs_lead_label || '—'),
      h('td', {}, ownerName(ownersById, p.hubspot_owner_id)),
      h('td', { className: 'muted' }, formatDate(p.hs_createdate, false)));
  });
  app.replaceChildren(
    h('h1', { className: 'page-title' }, 'Leads'),
    h('div', { className: 'card' },
      h('table', { className: 'table', 'data-testid': 'leads-table' },
        h('thead', {}, h('tr', {}, ['Lead name', 'Stage', 'Label', 'Lead owner', 'Create date'].map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, rows))));
}

async function renderLeadRecord(token, leadId) {
  setActiveNav('leads');
  const id = encodeURIComponent(leadId);
  const [lead, links, ownersById, stages] = await Promise.all([
    api(`/crm/v3/objects/leads/${id}?properties=${LEAD_PROPS.join(',')}`),
    api(`/crm/v4/objects/leads/${id}/associations/contacts`),
    owners(),
    optionLabels('hs_pipeline_stage', 'leads'),
  ]);
  const contactIds = links.results.map((link) => String(link.toObjectId));
  const contacts = contactIds.length
    ? (await api('/crm/v3/objects/contacts/batch/read', { method: 'POST', body: JSON.stringify({ inputs: contactIds.map((cid) => ({ id: cid })), properties: ['firstname', 'lastname', 'email', 'jobtitle', 'company'] }) })).results
    : [];
  if (token !== renderToken) return;
  const p = lead.properties;
  const name = p.hs_lead_name || `Lead ${lead.id}`;
  document.title = `${name} | Lead | Sandbox CRM`;
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const prop = (label, value) => h('div', {}, h('dt', {}, label), h('dd', {}, value || '—'));
  const contactItems = links.results.map((link) => {
    const contact = byId.get(String(link.toObjectId));
    const primary = link.associationTypes.some((type) => type.typeId === LEAD_TO_PRIMARY_CONTACT);
    return h('li', { dataset: { contactId: String(link.toObjectId) } },
      spaLink(recordUrl(link.toObjectId), contact ? fullName(contact.properties) : `Contact ${link.toObjectId}`, { 'data-testid': 'lead-contact-link' }),
      primary ? h('span', { className: 'pill' }, 'Primary contact') : null,
      contact && contact.properties.company ? h('span', { className: 'muted' }, ` · ${contact.properties.company}`) : null);
  });
  app.replaceChildren(
    h('div', { className: 'breadcrumb' }, spaLink(leadListUrl(), 'Leads'), ' / ', name),
    h('div', { className: 'record', 'data-testid': 'lead-record', dataset: { leadId: lead.id } },
      h('aside', {},
        h('section', { className: 'card' },
          h('div', { className: 'identity' }, h('h1', { 'data-testid': 'record-name' }, name), h('div', { className: 'subtitle' }, 'Lead'))),
        h('section', { className: 'card' },
          h('div', { className: 'card-header' }, h('h2', {}, 'About this lead')),
          h('dl', { className: 'card-body props' },
            prop('Stage', stages.get(p.hs_pipeline_stage) || p.hs_pipeline_stage),
            prop('Label', p.hs_lead_label),
            prop('Type', p.hs_lead_type),
            prop('Lead owner', ownerName(ownersById, p.hubspot_owner_id)),
            prop('Create date', formatDate(p.hs_createdate))))),
      h('section', {},
        h('div', { className: 'card' },
          h('div', { className: 'card-header' }, h('h2', {}, `Contacts (${contactItems.length})`)),
          contactItems.length
            ? h('ul', { className: 'card-body link-list', 'data-testid': 'lead-contacts' }, contactItems)
            : h('p', { className: 'card-body muted', 'data-testid': 'lead-contacts' }, 'No contact is associated with this lead.')))));
}

// ---- reports ----

async function renderReports(token) {
  setActiveNav('reports');
  document.title = 'Reports | Sandbox CRM';
  const [search, stages, sources] = await Promise.all([
    api('/crm/v3/objects/contacts/search', {
      method: 'POST',
      body: JSON.stringify({ properties: ['lifecyclestage', 'hs_analytics_source', 'hs_lead_status', 'hubspot_owner_id'], limit: 200 }),
    }),
    optionLabels('lifecyclestage'),
    optionLabels('hs_analytics_source'),
  ]);
  if (token !== renderToken) return;
  const count = (key) => {
    const counts = new Map();
    for (const contact of search.results) {
      const value = contact.properties[key] || '(none)';
      counts.set(value, (counts.get(value) || 0) + 1);
    }
    return [...counts.entries()].sort((a, b) => b[1] - a[1]);
  };
  const chart = (title, rows, label = (value) => value) => {
    const max = Math.max(1, ...rows.map(([, n]) => n));
    return h('section', { className: 'card' },
      h('div', { className: 'card-header' }, h('h2', {}, title)),
      h('div', { className: 'card-body' }, rows.map(([value, n]) => {
        const bar = h('div', { className: 'bar' });
        bar.style.width = `${Math.round((n / max) * 100)}%`;
        return h('div', { className: 'bar-row' }, h('span', {}, label(value)), h('div', {}, bar), h('b', {}, String(n)));
      })));
  };
  const assigned = search.results.filter((contact) => contact.properties.hubspot_owner_id).length;
  app.replaceChildren(
    h('h1', { className: 'page-title', 'data-testid': 'reports-title' }, 'Reports'),
    h('p', { className: 'muted' }, 'Lead funnel for this portal. Not a record page.'),
    h('div', { className: 'stat-row' },
      h('div', { className: 'card stat' }, h('b', {}, String(search.total)), 'Contacts'),
      h('div', { className: 'card stat' }, h('b', {}, String(assigned)), 'Assigned to sales'),
      h('div', { className: 'card stat' }, h('b', {}, String(search.results.filter((c) => c.properties.hs_lead_status === 'NEW').length)), 'Waiting for first touch')),
    h('div', { className: 'report-grid' },
      chart('By lifecycle stage', count('lifecyclestage'), (value) => stages.get(value) || value),
      chart('By original source', count('hs_analytics_source'), (value) => sources.get(value) || value)));
}

// ---- router ----

function render() {
  const token = ++renderToken;
  const path = location.pathname.replace(/\/+$/, '');
  const record = new RegExp(`^/contacts/${PORTAL}/(?:record/0-1|contact)/(\\d+)$`).exec(path);
  const leadRecord = new RegExp(`^/contacts/${PORTAL}/record/0-136/(\\d+)$`).exec(path);
  let work;
  if (record) work = renderRecord(token, record[1]);
  else if (leadRecord) work = renderLeadRecord(token, leadRecord[1]);
  else if (path === listUrl()) work = renderList(token);
  else if (path === leadListUrl()) work = renderLeadList(token);
  else if (path === reportsUrl()) work = renderReports(token);
  else {
    app.replaceChildren(h('h1', { className: 'page-title' }, 'Page not found'), h('p', {}, spaLink(listUrl(), 'Back to contacts')));
    return;
  }
  work.catch((error) => showError(token, error));
}

function navigate(href) {
  const url = new URL(href, location.href);
  if (url.origin !== location.origin) {
    location.assign(url.href);
    return;
  }
  if (url.pathname + url.search !== location.pathname + location.search) history.pushState({}, '', url.pathname + url.search);
  window.scrollTo(0, 0);
  render();
}

document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
window.addEventListener('popstate', render);
render();
