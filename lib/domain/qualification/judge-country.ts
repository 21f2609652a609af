/* Whether a country is one the definition sells to, and why (used by fit and the geography disqualifier). */
import { normalizeCountry } from './match-rules';
import type { SqlDefinition } from './sql-definition';

export function judgeCountry(def: SqlDefinition, country: string): { allowed: boolean; why: string } {
  const code = normalizeCountry(country);
  const blocked = (def.fit.blockedCountries ?? []).find((c) => normalizeCountry(c) === code);
  if (blocked) return { allowed: false, why: `Country '${country}' is blocked ('${blocked}')` };
  if (def.fit.allowedCountries) {
    const allowed = def.fit.allowedCountries.find((c) => normalizeCountry(c) === code);
    return allowed
      ? { allowed: true, why: `Country '${country}' is on the allowed list ('${allowed}')` }
      : { allowed: false, why: `Country '${country}' is not on the allowed list` };
  }
  return { allowed: true, why: `Country '${country}' is not blocked` };
}
