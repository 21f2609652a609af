/* What the evaluator derives from a definition once, not once per lead. */
import type { Seniority, TitleFunction, TitleReading } from './classify-title';
import { configuredCriterionIds, usesBuiltInPersonalEmailDomains, usesBuiltInStudentSignals } from './sql-definition';
import type { SqlDefinition } from './sql-definition';

/**
 * What the evaluator derives from a definition once, not once per lead: the criterion ids, the
 * seniority and function sets, the domain lists. Keyed on the (immutable) definition object.
 */
export interface CompiledDefinition {
  criterionIds: string[];
  authoritySeniorities: ReadonlySet<Seniority>;
  authorityFunctions: ReadonlySet<TitleFunction> | null;
  fitSeniorities: ReadonlySet<Seniority>;
  fitFunctions: ReadonlySet<TitleFunction>;
  builtInPersonal: boolean;
  builtInStudent: boolean;
  /** Competitor domains by their first label ("pipewise" for "pipewise.com"), to recognise the company by name. */
  competitorNames: ReadonlyMap<string, string>;
}

const compiledDefinitions = new WeakMap<SqlDefinition, CompiledDefinition>();

export function compileDefinition(def: SqlDefinition): CompiledDefinition {
  let compiled = compiledDefinitions.get(def);
  if (compiled) return compiled;
  const competitorNames = new Map<string, string>();
  for (const domain of def.disqualifiers.competitorDomains) {
    // The registrable name: "pipewise" for "pipewise.com", "app.pipewise.co.uk" alike.
    const parts = domain.replace(/^\*\./, '').split('.');
    const label = (parts.length >= 3 && parts.at(-2)!.length <= 3 ? parts.at(-3) : parts.at(-2) ?? parts[0])!;
    if (label.length >= 3 && !competitorNames.has(label)) competitorNames.set(label, domain);
  }
  compiled = {
    criterionIds: configuredCriterionIds(def),
    authoritySeniorities: new Set(def.bant.authority.decisionMakerSeniorities ?? []),
    authorityFunctions: def.bant.authority.decisionMakerFunctions ? new Set(def.bant.authority.decisionMakerFunctions) : null,
    fitSeniorities: new Set(def.fit.titleSeniorities ?? []),
    fitFunctions: new Set(def.fit.titleFunctions ?? []),
    builtInPersonal: usesBuiltInPersonalEmailDomains(def.disqualifiers),
    builtInStudent: usesBuiltInStudentSignals(def.disqualifiers),
    competitorNames,
  };
  compiledDefinitions.set(def, compiled);
  return compiled;
}

export const FUNCTION_LABELS: Record<TitleFunction, string> = {
  executive: 'executive', finance: 'finance', sales: 'sales', marketing: 'marketing', revenue_operations: 'revenue operations',
  operations: 'operations', procurement: 'procurement', it: 'IT', engineering: 'engineering', product: 'product', data: 'data',
  people: 'people', legal: 'legal', customer_success: 'customer success', business_development: 'business development',
};

/** The most senior reading of a title that the set accepts (and, when given, in one of the functions). */
export function acceptedSeniority(reading: TitleReading, seniorities: ReadonlySet<Seniority>, functions: ReadonlySet<TitleFunction> | null): Seniority | undefined {
  return reading.seniorities.find(
    (s) => seniorities.has(s) && (functions === null || s === 'owner' || reading.functions.includes('executive') || reading.functions.some((f) => functions.has(f))),
  );
}
