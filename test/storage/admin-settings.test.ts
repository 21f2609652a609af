import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_LEAD_STATUS_MAPPING } from '../../lib/crm/hubspot/lead-status-mapping';
import { DEFAULT_DISPOSITION_REASONS } from '../../lib/domain/disposition/disposition-reasons';
import { DEFAULT_SQL_DEFINITION } from '../../lib/domain/qualification/default-sql-definition';
import { STRICT_SQL_DEFINITION } from '../../lib/domain/qualification/strict-sql-definition';
import { defaultSlaPolicy } from '../../lib/domain/sla/default-sla-policy';
import {
  ADMIN_SETTING_KINDS,
  DEFAULT_ATTEMPT_POLICY,
  checkAdminSetting,
  defaultAdminSetting,
  readAdminSetting,
  readAttemptPolicy,
  readDispositionReasons,
  readLeadStatusMapping,
  readPublishedSqlDefinitions,
  readSlaPolicy,
  readSqlDefinition,
  readSqlDefinitionHistory,
  resetAdminSetting,
  writeAdminSetting,
  writeAttemptPolicy,
  writeSlaPolicy,
  writeSqlDefinition,
} from '../../lib/storage/admin-settings';
import { adminSettingFileName, exportAdminSettingJson, importAdminSettingJson } from '../../lib/storage/admin-setting-json';
import { compareVersions } from '../../lib/storage/admin-setting-publishing';

/** The default SLA policy, republished as 1.1.0 with a faster demo tier. */
function slaPolicyV110() {
  return {
    ...defaultSlaPolicy,
    version: '1.1.0',
    changeLog: [...defaultSlaPolicy.changeLog, { version: '1.1.0', at: '2026-11-22T10:00:00Z', author: 'RevOps', summary: 'Demo requests within 3 business minutes.' }],
    tiers: defaultSlaPolicy.tiers.map((t) => (t.id === 'demo-request' ? { ...t, target: { ...t.target, amount: 3 } } : t)),
  };
}

describe('admin settings (WXT storage items, versioned)', () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    fakeBrowser.reset();
    warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  describe('defaults', () => {
    it('reads the shipped defaults when nothing is stored, without warning', async () => {
      expect(await readSqlDefinition()).toEqual(DEFAULT_SQL_DEFINITION);
      expect(await readSlaPolicy()).toEqual(defaultSlaPolicy);
      expect(await readDispositionReasons()).toEqual(DEFAULT_DISPOSITION_REASONS);
      expect(await readLeadStatusMapping()).toEqual(DEFAULT_LEAD_STATUS_MAPPING);
      expect(await readAttemptPolicy()).toEqual({ unreachableAfterAttempts: 3 });
      expect(await readSqlDefinitionHistory()).toEqual([]);
      expect(await readPublishedSqlDefinitions()).toEqual([DEFAULT_SQL_DEFINITION]);
      expect(warn).not.toHaveBeenCalled();
    });

    it('stores nothing until an admin saves', async () => {
      for (const kind of ADMIN_SETTING_KINDS) await readAdminSetting(kind);
      const stored = await fakeBrowser.storage.local.get(null);
      expect(Object.keys(stored).filter((k) => !k.endsWith('$'))).toEqual([]);
    });

    it('every default passes its own write check', async () => {
      for (const kind of ADMIN_SETTING_KINDS) expect((await checkAdminSetting(kind, defaultAdminSetting(kind))).ok).toBe(true);
    });
  });

  describe('round trip', () => {
    it('stores a new SLA policy version and reads it back', async () => {
      const result = await writeSlaPolicy(slaPolicyV110());
      expect(result.ok).toBe(true);
      const read = await readSlaPolicy();
      expect(read.version).toBe('1.1.0');
      expect(read.tiers[0]!.target.amount).toBe(3);
      expect(read.changeLog.at(-1)!.summary).toMatch(/3 business minutes/);
    });

    it('stores under the documented key, as the parsed value', async () => {
      await writeAttemptPolicy({ unreachableAfterAttempts: 5 });
      expect(await fakeBrowser.storage.local.get('admin.attemptPolicy')).toEqual({ 'admin.attemptPolicy': { unreachableAfterAttempts: 5 } });
      expect(await readAttemptPolicy()).toEqual({ unreachableAfterAttempts: 5 });
    });

    it('publishing a new SQL definition keeps the previous one in the history', async () => {
      expect((await writeSqlDefinition(STRICT_SQL_DEFINITION)).ok).toBe(true);
      expect((await readSqlDefinition()).version).toBe(3);
      expect((await readSqlDefinitionHistory()).map((d) => d.version)).toEqual([2]);
      expect((await readPublishedSqlDefinitions()).map((d) => d.version)).toEqual([2, 3]);
    });

    it('saving the current value unchanged is allowed and changes nothing', async () => {
      expect((await writeSqlDefinition(DEFAULT_SQL_DEFINITION)).ok).toBe(true);
      expect(await readSqlDefinitionHistory()).toEqual([]);
    });

    it('reset goes back to the default and keeps the replaced definition in the history', async () => {
      await writeSqlDefinition(STRICT_SQL_DEFINITION);
      expect(await resetAdminSetting('sql-definition')).toEqual(DEFAULT_SQL_DEFINITION);
      expect(await readSqlDefinition()).toEqual(DEFAULT_SQL_DEFINITION);
      expect((await readSqlDefinitionHistory()).map((d) => d.version)).toEqual([2, 3]);
      expect((await readPublishedSqlDefinitions()).map((d) => d.version)).toEqual([2, 3]);
      // Version 3 is taken: republishing the strict definition as 3 is refused.
      const again = await writeSqlDefinition(STRICT_SQL_DEFINITION);
      expect(again.ok).toBe(false);
      if (!again.ok) expect(again.errors[0]).toMatchObject({ path: 'version', message: expect.stringContaining('already published') });
    });
  });

  describe('invalid writes are refused', () => {
    it('refuses an SLA policy with a negative target and stores nothing', async () => {
      const bad = slaPolicyV110();
      bad.tiers[0] = { ...bad.tiers[0]!, target: { ...bad.tiers[0]!.target, amount: -5 } };
      const result = await writeSlaPolicy(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors.map((e) => e.path)).toContain('tiers.0.target.amount');
      expect(await fakeBrowser.storage.local.get('admin.slaPolicy')).toEqual({});
    });

    it('refuses an attempt policy of zero attempts', async () => {
      const result = await writeAttemptPolicy({ unreachableAfterAttempts: 0 });
      expect(result).toEqual({ ok: false, errors: [{ path: 'unreachableAfterAttempts', message: 'must be at least 1' }] });
      expect(await readAttemptPolicy()).toEqual(DEFAULT_ATTEMPT_POLICY);
    });

    it('refuses a lead-status mapping with an empty status', async () => {
      const result = await writeAdminSetting('lead-status-mapping', { ...DEFAULT_LEAD_STATUS_MAPPING, version: 2, rejected: '' });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]!.path).toBe('rejected');
    });
  });

  describe('corrupt storage falls back to the defaults, loudly', () => {
    it('for every setting', async () => {
      await fakeBrowser.storage.local.set({
        'admin.sqlDefinition': { id: 'x', version: 'one' },
        'admin.slaPolicy': { tiers: 'fast' },
        'admin.dispositionReasons': [],
        'admin.leadStatusMapping': 42,
        'admin.attemptPolicy': { unreachableAfterAttempts: 'three' },
      });
      expect(await readSqlDefinition()).toEqual(DEFAULT_SQL_DEFINITION);
      expect(await readSlaPolicy()).toEqual(defaultSlaPolicy);
      expect(await readDispositionReasons()).toEqual(DEFAULT_DISPOSITION_REASONS);
      expect(await readLeadStatusMapping()).toEqual(DEFAULT_LEAD_STATUS_MAPPING);
      expect(await readAttemptPolicy()).toEqual(DEFAULT_ATTEMPT_POLICY);
      expect(warn).toHaveBeenCalledTimes(5);
      expect(String(warn.mock.calls[1]![0])).toContain('sla-policy');
    });

    it('skips invalid history entries and keeps the valid ones', async () => {
      await fakeBrowser.storage.local.set({ 'admin.sqlDefinitionHistory': [STRICT_SQL_DEFINITION, { nonsense: true }, DEFAULT_SQL_DEFINITION] });
      expect((await readSqlDefinitionHistory()).map((d) => d.version)).toEqual([2, 3]);
      expect(warn).toHaveBeenCalledTimes(1);
    });
  });

  describe('import', () => {
    it('names the field path and the rule of each error', () => {
      const bad = slaPolicyV110() as Record<string, unknown>;
      bad.tiers = [{ ...defaultSlaPolicy.tiers[0], target: { amount: -1, unit: 'weeks', basis: 'business' } }];
      const result = importAdminSettingJson('sla-policy', JSON.stringify(bad));
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const byPath = Object.fromEntries(result.errors.map((e) => [e.path, e.message]));
      expect(Object.keys(byPath).sort()).toEqual(['tiers.0.target.amount', 'tiers.0.target.unit']);
      expect(byPath['tiers.0.target.amount']).toBe('must be 0 or more');
      expect(byPath['tiers.0.target.unit']).toBe('must be one of "minutes", "hours", "days"');
    });

    it('says the rule in words, and keeps the messages the schemas wrote themselves', () => {
      const bad = JSON.parse(JSON.stringify(DEFAULT_DISPOSITION_REASONS));
      bad.reasons[0].label = '';
      bad.reasons[1].appliesTo = [];
      bad.reasons[2].id = 'No Need';
      delete bad.objectionTags[0].label;
      bad.objectionTags[1].active = 'yes';
      bad.version = 0;
      const result = importAdminSettingJson('disposition-reasons', JSON.stringify(bad));
      expect(result.ok ? [] : result.errors).toEqual([
        { path: 'version', message: 'must be positive' },
        { path: 'reasons.0.label', message: 'must not be empty' },
        { path: 'reasons.1.appliesTo', message: 'needs at least one entry' },
        { path: 'reasons.2.id', message: 'use lower-case letters, digits and "_", starting with a letter' },
        { path: 'objectionTags.0.label', message: 'required (a string)' },
        { path: 'objectionTags.1.active', message: 'must be a boolean, not string' },
      ]);
    });

    it('names the path of cross-field rules too', () => {
      const result = importAdminSettingJson('sla-policy', JSON.stringify({ ...defaultSlaPolicy, defaultTierId: 'vip' }));
      expect(result.ok ? [] : result.errors).toEqual([{ path: 'defaultTierId', message: 'no tier with id "vip"' }]);
    });

    it('refuses unknown fields instead of dropping them silently', () => {
      const typo = JSON.parse(JSON.stringify(defaultSlaPolicy));
      typo.tiers[1].atRiskShar = 0.5;
      typo.calendar.timezone = 'Europe/Berlin';
      const result = importAdminSettingJson('sla-policy', JSON.stringify(typo));
      expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['calendar.timezone', 'tiers.1.atRiskShar']);
      if (!result.ok) expect(result.errors[0]!.message).toMatch(/unknown field/);
    });

    it('gives the line and column of a JSON syntax error', () => {
      const result = importAdminSettingJson('attempt-policy', '{\n  "unreachableAfterAttempts": 3,\n}');
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.errors[0]).toMatchObject({ path: '(root)', line: 3, column: 1 });
      expect(result.errors[0]!.message).toMatch(/^not valid JSON: .* at line 3, column 1$/);
    });

    it('says so when the text is empty or cut short', () => {
      const empty = importAdminSettingJson('sla-policy', '  ');
      expect(empty.ok || empty.errors[0]!.message).toMatch(/empty/);
      const cut = importAdminSettingJson('sla-policy', '{\n  "id": ');
      expect(cut.ok ? null : cut.errors[0]).toMatchObject({ line: 2, column: 9 });
    });

    it('accepts a file with a byte-order mark', () => {
      expect(importAdminSettingJson('attempt-policy', '\uFEFF{"unreachableAfterAttempts": 4}')).toEqual({ ok: true, value: { unreachableAfterAttempts: 4 } });
    });
  });

  describe('publishing needs a higher version and a change-log entry', () => {
    it('refuses a changed SLA policy that keeps its version', async () => {
      const sameVersion = { ...slaPolicyV110(), version: '1.0.0', changeLog: defaultSlaPolicy.changeLog };
      const result = await writeSlaPolicy(sameVersion);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([{ path: 'version', message: expect.stringContaining('must be higher than 1.0.0') }]);
    });

    it('refuses a higher version without a change-log entry for it', async () => {
      const result = await writeSlaPolicy({ ...slaPolicyV110(), changeLog: defaultSlaPolicy.changeLog });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([{ path: 'changeLog', message: expect.stringContaining('change-log entry for version 1.1.0') }]);
    });

    it('refuses a lower version once a higher one is published', async () => {
      expect((await writeSlaPolicy(slaPolicyV110())).ok).toBe(true);
      const older = { ...slaPolicyV110(), version: '1.0.5', changeLog: [...defaultSlaPolicy.changeLog, { version: '1.0.5', at: '2026-11-22T11:00:00Z', summary: 'x' }] };
      const result = await writeSlaPolicy(older);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.errors[0]!.message).toContain('must be higher than 1.1.0');
    });

    it('refuses a changed lead-status mapping without a higher version', async () => {
      const result = await writeAdminSetting('lead-status-mapping', { ...DEFAULT_LEAD_STATUS_MAPPING, recycled: 'NURTURE' });
      expect(result.ok).toBe(false);
      expect((await writeAdminSetting('lead-status-mapping', { ...DEFAULT_LEAD_STATUS_MAPPING, version: 2, recycled: 'NURTURE' })).ok).toBe(true);
    });

    it('attempt policy is not versioned: any valid value saves', async () => {
      expect((await writeAttemptPolicy({ unreachableAfterAttempts: 6 })).ok).toBe(true);
      expect((await writeAttemptPolicy({ unreachableAfterAttempts: 2 })).ok).toBe(true);
    });

    it('orders versions numerically, integers against semantic versions too', () => {
      expect(compareVersions('1.10.0', '1.9.0')).toBeGreaterThan(0);
      expect(compareVersions(2, '1.5.0')).toBeGreaterThan(0);
      expect(compareVersions('2.0.0-rc.1', '2.0.0')).toBeLessThan(0);
      expect(compareVersions('1.0.0', 1)).toBe(0);
    });
  });

  describe('export', () => {
    it('exports pretty JSON that imports back to the same value, for every setting', async () => {
      await writeSlaPolicy(slaPolicyV110());
      for (const kind of ADMIN_SETTING_KINDS) {
        const text = await exportAdminSettingJson(kind);
        expect(text).toMatch(/^\{\n {2}"/);
        expect(importAdminSettingJson(kind, text)).toEqual({ ok: true, value: await readAdminSetting(kind) });
      }
    });

    it('names files by kind and version', () => {
      expect(adminSettingFileName('sql-definition', STRICT_SQL_DEFINITION)).toBe('baton-sql-definition-v3.json');
      expect(adminSettingFileName('sla-policy', defaultSlaPolicy)).toBe('baton-sla-policy-v1.0.0.json');
      expect(adminSettingFileName('attempt-policy', DEFAULT_ATTEMPT_POLICY)).toBe('baton-attempt-policy.json');
    });
  });
});
