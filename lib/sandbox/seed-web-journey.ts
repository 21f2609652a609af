import { HOSTILE_LONG_TEXT } from './hostile-seed-text';
import type { WebEvent } from './sandbox-data';
import { SANDBOX_PORTAL_ID } from './scenarios';
import { ASSETS, BLOG_PAGES, CAMPAIGNS, CASE_PAGES, FORMS, PAGES, SITE, WEBINARS } from './seed-catalog';
import type { FormKey, PageKey } from './seed-catalog';
import { DAY, HOUR, MINUTE } from './seed-clock';
import type { SeedContext } from './seed-context';
import type { AnswerKey, LeadPlan, Source } from './seed-lead-plan';

export interface Submission {
  at: number;
  form: FormKey;
  pageTitle: string;
  url: string;
  answers: Partial<Record<AnswerKey, string>>;
}

export interface WebJourney {
  /** Form submissions, in the order they were made up (the caller sorts them by time). */
  submissions: Submission[];
  pageViews: number;
  sessions: number;
  lastVisitAt: number;
}

/**
 * The lead's web events before and after the handoff: browsing sessions, gated downloads, the
 * webinar, the conversion that triggered the handoff, and (for the hostile scenario) attacker-
 * controlled events. Nothing for a lead without engagement.
 */
export function seedWebJourney(ctx: SeedContext, plan: LeadPlan, moments: { handoffAt: number; triggerAt: number; firstSeenAt: number }): WebJourney {
  const { rng, now, webEvents } = ctx;
  const { handoffAt, triggerAt, firstSeenAt } = moments;
  const campaign = plan.campaign ? CAMPAIGNS[plan.campaign] : null;
  const submissions: Submission[] = [];
  let pageViews = 0;
  let sessions = 0;
  let lastVisitAt = 0;

  const addWebEvent = (eventType: string, occurredAt: number, properties: Record<string, string>): void => {
    webEvents.push({ id: rng.uuid(), eventType, objectType: 'contact', objectId: plan.id, occurredAt, properties });
  };
  const utmFor = (source: Source): string => {
    if (!campaign) return '';
    if (source === 'PAID_SEARCH') return `?utm_source=google&utm_medium=cpc&utm_campaign=${campaign.slug}`;
    if (source === 'PAID_SOCIAL') return `?utm_source=linkedin&utm_medium=paid_social&utm_campaign=${campaign.slug}`;
    if (source === 'EMAIL_MARKETING') return `?utm_source=hs_email&utm_medium=email&utm_campaign=${campaign.slug}`;
    return '';
  };
  const referrerFor = (source: Source): string => {
    switch (source) {
      case 'ORGANIC_SEARCH':
      case 'PAID_SEARCH':
        return 'https://www.google.com/';
      case 'SOCIAL_MEDIA':
      case 'PAID_SOCIAL':
        return 'https://www.linkedin.com/';
      case 'REFERRALS':
        return plan.campaign === 'partnerSnowflake' ? 'https://www.snowflake.com/en/data-cloud/marketplace/' : 'https://www.g2.com/categories/etl-tools';
      default:
        return '';
    }
  };
  const visit = (at: number, page: PageKey, opts: { referrer?: string; utm?: string; campaignDriven?: boolean } = {}): number => {
    const spec = PAGES[page];
    const props: Record<string, string> = {
      hs_url: `${SITE}${spec.path}${opts.utm ?? ''}`,
      hs_title: spec.title,
      hs_referrer: opts.referrer ?? '',
    };
    if (opts.campaignDriven && campaign) props.hs_utm_campaign = campaign.slug;
    addWebEvent('e_visited_page', at, props);
    pageViews++;
    lastVisitAt = Math.max(lastVisitAt, at);
    return at + rng.int(25, 240) * 1000;
  };
  const session = (start: number, first: boolean, pages: PageKey[]): number => {
    sessions++;
    const campaignDriven = first && campaign !== null && ['PAID_SEARCH', 'PAID_SOCIAL', 'EMAIL_MARKETING'].includes(plan.source);
    let at = start;
    pages.forEach((page, index) => {
      at = visit(at, page, {
        referrer: index === 0 ? (first ? referrerFor(plan.source) : rng.pick(['', 'https://www.google.com/', ''])) : `${SITE}${PAGES[pages[index - 1] as PageKey].path}`,
        utm: index === 0 && campaignDriven ? utmFor(plan.source) : '',
        campaignDriven: index === 0 && campaignDriven,
      });
    });
    return at;
  };
  const browsePages = (count: number): PageKey[] => {
    const pool: PageKey[] = [...plan.interests, ...plan.interests, ...BLOG_PAGES, 'home', ...CASE_PAGES];
    return Array.from({ length: count }, () => rng.pick(pool));
  };
  const submit = (at: number, form: FormKey, pageTitle: string, url: string, answers: Partial<Record<AnswerKey, string>>): void => {
    const spec = FORMS[form];
    const props: Record<string, string> = { hs_form_id: spec.id, hs_form_title: spec.title, hs_url: url };
    if (campaign) props.hs_utm_campaign = campaign.slug;
    addWebEvent('e_submitted_form', at, props);
    submissions.push({ at, form, pageTitle, url, answers });
  };

  if (!plan.noEngagement) {
    // Browsing sessions spread over the journey, denser near the end (intent builds up).
    const windowEnd = triggerAt - 10 * MINUTE;
    const sessionTimes: number[] = [];
    const target = plan.webEventTarget;
    const sessionCount = target ? Math.ceil(target / 4) : plan.sessions;
    for (let i = 0; i < sessionCount; i++) {
      const u = Math.sqrt(rng.next());
      sessionTimes.push(Math.floor(firstSeenAt + u * (windowEnd - firstSeenAt)));
    }
    sessionTimes.sort((a, b) => a - b);
    sessionTimes.forEach((start, index) => {
      const pages = target ? 4 : rng.int(1, 4);
      session(Math.max(start, firstSeenAt), index === 0, index === 0 && plan.interests.length > 0 ? ['home', ...browsePages(pages - 1)] : browsePages(pages));
    });
    if (target) {
      // Trim to exactly the wanted count by dropping the oldest extra page views of this contact.
      const own = webEvents.filter((event) => event.objectId === plan.id);
      const excess = own.length - target + 8;
      if (excess > 0) {
        const drop = new Set(own.slice(1, excess + 1).map((event) => event.id));
        for (let i = webEvents.length - 1; i >= 0; i--) if (drop.has((webEvents[i] as WebEvent).id)) webEvents.splice(i, 1);
        pageViews -= drop.size;
      }
    }

    // Gated downloads, each a short session ending in a form and a download event.
    plan.downloads.forEach((key, index) => {
      const asset = ASSETS[key];
      const at = firstSeenAt + Math.floor(((index + 1) / (plan.downloads.length + 2)) * (triggerAt - firstSeenAt)) + rng.int(0, 6) * HOUR;
      sessions++;
      const url = `${SITE}${asset.path}`;
      addWebEvent('e_visited_page', at, { hs_url: url, hs_title: `${asset.title} | Tessellate`, hs_referrer: referrerFor(plan.source), ...(campaign ? { hs_utm_campaign: campaign.slug } : {}) });
      pageViews++;
      const formAnswers: Partial<Record<AnswerKey, string>> = index === 0 && plan.answers.team_size ? { team_size: plan.answers.team_size } : {};
      submit(at + rng.int(40, 150) * 1000, 'gatedContent', `${asset.title} | Tessellate`, url, formAnswers);
      addWebEvent(`pe${SANDBOX_PORTAL_ID}_content_downloaded`, at + rng.int(160, 200) * 1000, {
        asset_title: asset.title,
        asset_type: asset.type,
        asset_url: `${SITE}${asset.path}/download.pdf`,
        campaign: campaign?.name ?? CAMPAIGNS.playbook.name,
      });
    });

    if (plan.webinar) {
      const webinar = WEBINARS[plan.webinar.key];
      const registeredAt = plan.trigger === 'webinar' ? triggerAt - rng.int(5, 12) * DAY : firstSeenAt + Math.floor((triggerAt - firstSeenAt) * 0.5);
      const url = `${SITE}${webinar.path}`;
      addWebEvent('e_visited_page', registeredAt, { hs_url: url, hs_title: `${webinar.name} | Tessellate Webinars`, hs_referrer: '', hs_utm_campaign: CAMPAIGNS.webinars.slug });
      pageViews++;
      submit(registeredAt + 70_000, 'webinar', `${webinar.name} | Tessellate Webinars`, url, {});
      const webinarProps = { webinar_name: webinar.name, webinar_url: url, campaign: webinar.campaign };
      addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_registered`, registeredAt + 75_000, { ...webinarProps, minutes_attended: '0' });
      if (plan.webinar.attended) {
        const attendedAt = plan.trigger === 'webinar' ? triggerAt : registeredAt + rng.int(3, 8) * DAY;
        addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_attended`, Math.min(attendedAt, now - MINUTE), { ...webinarProps, minutes_attended: String(plan.webinar.minutes ?? 45) });
      }
    }

    // The trigger itself.
    if (plan.trigger === 'demo' || plan.trigger === 'contactSales' || plan.trigger === 'education') {
      const formKey: FormKey = plan.trigger;
      const page = FORMS[formKey].page as PageKey;
      const landed = visit(triggerAt - rng.int(70, 160) * 1000, rng.chance(0.6) ? 'pricing' : plan.interests[0] ?? 'home');
      visit(Math.min(landed, triggerAt - 50_000), page);
      sessions++;
      const answers = { ...plan.answers };
      if (plan.downloads.length > 0) delete answers.team_size;
      submit(triggerAt, formKey, PAGES[page].title, `${SITE}${PAGES[page].path}`, answers);
    } else if (plan.trigger === 'mqlScore') {
      visit(triggerAt - 3 * MINUTE, 'pricing');
      visit(triggerAt - MINUTE, plan.interests[0] ?? 'security');
      sessions++;
    }
    if (submissions.length === 0 && !plan.noEngagement) {
      // Everyone known by email filled at least one form (newsletter signup from the blog).
      const at = firstSeenAt + rng.int(2, 20) * MINUTE;
      submit(at, 'newsletter', PAGES.blogMqlSql.title, `${SITE}${PAGES.blogMqlSql.path}`, plan.answers);
    } else {
      // Answers no form has carried yet go on the latest submission (the one that asked them).
      const given = new Set(submissions.flatMap((submission) => Object.keys(submission.answers)));
      const rest = Object.fromEntries(Object.entries(plan.answers).filter(([key]) => !given.has(key)));
      const latest = submissions.reduce<Submission | null>((found, submission) => (!found || submission.at > found.at ? submission : found), null);
      if (latest && Object.keys(rest).length > 0) latest.answers = { ...latest.answers, ...rest };
    }
    if (plan.hostile) {
      // Attacker-controlled engagement: anyone can send page titles, URLs and custom event properties.
      const at = triggerAt - 40 * MINUTE;
      addWebEvent('e_visited_page', at, { hs_url: 'javascript:alert(1)', hs_title: '<img src=x onerror=alert(1)> مرحبا 👋 \u202Eevil', hs_referrer: 'javascript:alert(document.cookie)' });
      addWebEvent('e_visited_page', at + 30_000, { hs_url: `${SITE}/pricing?q=%3Cscript%3Ealert(1)%3C/script%3E`, hs_title: `Pricing ${'🚀'.repeat(30)} ${'A'.repeat(600)}`, hs_referrer: 'data:text/html,<script>alert(1)</script>' });
      addWebEvent(`pe${SANDBOX_PORTAL_ID}_content_downloaded`, at + 60_000, { asset_title: '<script>alert("asset")</script>', asset_type: 'ebook', asset_url: 'javascript:alert(1)', campaign: '"><svg onload=alert(1)>' });
      addWebEvent(`pe${SANDBOX_PORTAL_ID}_webinar_attended`, at + 90_000, { webinar_name: HOSTILE_LONG_TEXT, webinar_url: 'JaVaScRiPt:alert(1)', campaign: 'שלום עולם 🎉', minutes_attended: '-5' });
      pageViews += 2;
    }
    for (let i = 0; i < (plan.laterSessions ?? 0); i++) {
      const start = handoffAt + Math.floor(((i + 1) / ((plan.laterSessions ?? 0) + 1)) * (now - handoffAt)) - rng.int(0, 30) * MINUTE;
      if (start < now - 5 * MINUTE && start > handoffAt) session(start, false, ['pricing', ...browsePages(rng.int(1, 2))]);
    }
  }
  return { submissions, pageViews, sessions, lastVisitAt };
}
