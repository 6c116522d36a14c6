import { parseCsv, serialiseCsv } from './csv.js';

/** Bounds on how many panel members may have one value (feature) of one category. */
export interface Quota {
  category: string;
  feature: string;
  min: number;
  max: number;
}

export interface PoolPerson {
  /** The `id` column when the pool file has one, otherwise the 1-based row number. */
  id: string;
  /** One value per category. */
  values: Record<string, string>;
  /** People sharing a household may not sit on the same panel. */
  household?: string;
}

export interface SortitionInput {
  quotas: Quota[];
  people: PoolPerson[];
  k: number;
}

/**
 * People with the same feature vector (and no household constraint) are interchangeable for every quota,
 * so the optimisation works on these types with their counts; a person who shares a household is a type
 * of their own.
 */
export interface PersonType {
  /** Index into `Instance.features`, one per category. */
  features: number[];
  /** Pool row indexes of the members, in pool order. */
  members: number[];
}

export interface Instance {
  k: number;
  categories: string[];
  features: Quota[];
  people: PoolPerson[];
  types: PersonType[];
  typeOf: number[];
  /** Groups of types (singletons) that share a household: at most one of each group per panel. */
  householdGroups: number[][];
}

/** Bilingual, line-precise problems with the input files; the caller shows them all at once. */
export class SortitionInputError extends Error {
  constructor(readonly problems: { fr: string; en: string }[]) {
    super(problems.map((p) => `${p.fr} / ${p.en}`).join('\n'));
    this.name = 'SortitionInputError';
  }
}

function integer(text: string): number | undefined {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}

export function parseCategoriesCsv(text: string): Quota[] {
  const rows = parseCsv(text);
  const problems: { fr: string; en: string }[] = [];
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const expected = ['category', 'feature', 'min', 'max'];
  if (expected.some((name, i) => header[i] !== name)) {
    throw new SortitionInputError([
      {
        fr: `categories.csv doit commencer par l’en-tête « category,feature,min,max » (lu : « ${(rows[0] ?? []).join(',')} »)`,
        en: `categories.csv must start with the header "category,feature,min,max" (read: "${(rows[0] ?? []).join(',')}")`,
      },
    ]);
  }
  const quotas: Quota[] = [];
  const seen = new Set<string>();
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const [category = '', feature = '', minText = '', maxText = ''] = row.map((v) => v.trim());
    const min = integer(minText);
    const max = integer(maxText);
    if (!category || !feature) {
      problems.push({
        fr: `categories.csv ligne ${line} : catégorie ou valeur vide`,
        en: `categories.csv line ${line}: empty category or feature`,
      });
      return;
    }
    if (min === undefined || max === undefined) {
      problems.push({
        fr: `categories.csv ligne ${line} : min et max doivent être des entiers positifs (lu : « ${minText} », « ${maxText} »)`,
        en: `categories.csv line ${line}: min and max must be non-negative integers (read: "${minText}", "${maxText}")`,
      });
      return;
    }
    if (min > max) {
      problems.push({
        fr: `categories.csv ligne ${line} : min (${min}) dépasse max (${max})`,
        en: `categories.csv line ${line}: min (${min}) exceeds max (${max})`,
      });
      return;
    }
    const key = `${category}\u0000${feature}`;
    if (seen.has(key)) {
      problems.push({
        fr: `categories.csv ligne ${line} : « ${category} = ${feature} » est déjà défini`,
        en: `categories.csv line ${line}: "${category} = ${feature}" is defined twice`,
      });
      return;
    }
    seen.add(key);
    quotas.push({ category, feature, min, max });
  });
  if (quotas.length === 0 && problems.length === 0) {
    problems.push({ fr: 'categories.csv ne contient aucun quota', en: 'categories.csv contains no quota' });
  }
  if (problems.length > 0) throw new SortitionInputError(problems);
  return quotas;
}

/** Reads the pool: one column per category (same names as in categories.csv), optional `id` and `household`. */
export function parsePoolCsv(text: string, quotas: Quota[]): PoolPerson[] {
  const rows = parseCsv(text);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const categories = [...new Set(quotas.map((q) => q.category))];
  const problems: { fr: string; en: string }[] = [];
  for (const category of categories) {
    if (!header.includes(category)) {
      problems.push({ fr: `pool.csv n’a pas de colonne « ${category} »`, en: `pool.csv has no column "${category}"` });
    }
  }
  if (problems.length > 0) throw new SortitionInputError(problems);
  const idColumn = categories.includes('id') ? -1 : header.indexOf('id');
  const householdColumn = categories.includes('household') ? -1 : header.indexOf('household');
  const allowed = new Map(
    categories.map((c) => [c, new Set(quotas.filter((q) => q.category === c).map((q) => q.feature))]),
  );
  const ids = new Set<string>();
  const people: PoolPerson[] = [];
  rows.slice(1).forEach((row, index) => {
    const line = index + 2;
    const values: Record<string, string> = {};
    for (const category of categories) {
      const value = (row[header.indexOf(category)] ?? '').trim();
      if (!allowed.get(category)!.has(value)) {
        problems.push({
          fr: `pool.csv ligne ${line} : la valeur « ${value} » de « ${category} » n’a pas de quota dans categories.csv`,
          en: `pool.csv line ${line}: value "${value}" of "${category}" has no quota in categories.csv`,
        });
      }
      values[category] = value;
    }
    const id = idColumn >= 0 ? (row[idColumn] ?? '').trim() : String(index + 1);
    if (ids.has(id))
      problems.push({
        fr: `pool.csv ligne ${line} : l’identifiant « ${id} » est en double`,
        en: `pool.csv line ${line}: duplicate id "${id}"`,
      });
    ids.add(id);
    const household = householdColumn >= 0 ? (row[householdColumn] ?? '').trim() : '';
    people.push({ id, values, ...(household ? { household } : {}) });
  });
  if (problems.length > 0) throw new SortitionInputError(problems.slice(0, 20));
  return people;
}

export function validateSize(text: string | undefined, poolSize: number): number {
  const k = text === undefined ? undefined : integer(text);
  if (k === undefined || k < 1) {
    throw new SortitionInputError([
      {
        fr: `--size doit être un entier positif (lu : « ${text ?? ''} »)`,
        en: `--size must be a positive integer (read: "${text ?? ''}")`,
      },
    ]);
  }
  if (k > poolSize) {
    throw new SortitionInputError([
      {
        fr: `--size (${k}) dépasse le nombre de volontaires (${poolSize})`,
        en: `--size (${k}) exceeds the number of volunteers (${poolSize})`,
      },
    ]);
  }
  return k;
}

/** Compiles the input into indexed features and interchangeable types. */
export function buildInstance(input: SortitionInput): Instance {
  const categories = [...new Set(input.quotas.map((q) => q.category))];
  const features = input.quotas.map((q) => ({ ...q }));
  const featureIndex = new Map(features.map((f, i) => [`${f.category}\u0000${f.feature}`, i]));
  const householdSize = new Map<string, number>();
  for (const p of input.people)
    if (p.household) householdSize.set(p.household, (householdSize.get(p.household) ?? 0) + 1);
  const types: PersonType[] = [];
  const typeByKey = new Map<string, number>();
  const typeOf: number[] = [];
  const groups = new Map<string, number[]>();
  input.people.forEach((person, row) => {
    const vector = categories.map((c) => {
      const f = featureIndex.get(`${c}\u0000${person.values[c]}`);
      if (f === undefined)
        throw new SortitionInputError([
          {
            fr: `valeur inconnue « ${person.values[c]} » pour « ${c} »`,
            en: `unknown value "${person.values[c]}" for "${c}"`,
          },
        ]);
      return f;
    });
    const shared = person.household !== undefined && (householdSize.get(person.household) ?? 0) > 1;
    const key = shared ? `row:${row}` : vector.join(',');
    let t = typeByKey.get(key);
    if (t === undefined) {
      t = types.length;
      typeByKey.set(key, t);
      types.push({ features: vector, members: [] });
    }
    types[t].members.push(row);
    typeOf.push(t);
    if (shared) groups.set(person.household!, [...(groups.get(person.household!) ?? []), t]);
  });
  return {
    k: input.k,
    categories,
    features,
    people: input.people,
    types,
    typeOf,
    householdGroups: [...groups.values()],
  };
}

/** The canonical text of the quota file, as published and hashed. */
export function canonicalCategoriesCsv(quotas: Quota[]): string {
  return serialiseCsv([
    ['category', 'feature', 'min', 'max'],
    ...quotas.map((q) => [q.category, q.feature, String(q.min), String(q.max)]),
  ]);
}

/** The canonical text of the pool file: `id`, then the categories, then `household` when any is set. */
export function canonicalPoolCsv(people: PoolPerson[], quotas: Quota[]): string {
  const categories = [...new Set(quotas.map((q) => q.category))];
  const withHousehold = people.some((p) => p.household !== undefined);
  const header = ['id', ...categories, ...(withHousehold ? ['household'] : [])];
  return serialiseCsv([
    header,
    ...people.map((p) => [p.id, ...categories.map((c) => p.values[c]), ...(withHousehold ? [p.household ?? ''] : [])]),
  ]);
}

/** Whether a set of pool rows is a valid panel: size k, distinct people, every quota, one per household. */
export function panelProblems(instance: Instance, members: readonly number[]): string[] {
  const problems: string[] = [];
  if (members.length !== instance.k) problems.push(`size ${members.length} instead of ${instance.k}`);
  if (new Set(members).size !== members.length) problems.push('a person appears twice');
  if (members.some((r) => !Number.isInteger(r) || r < 0 || r >= instance.people.length)) {
    problems.push('unknown pool row');
    return problems;
  }
  const counts = new Array<number>(instance.features.length).fill(0);
  for (const r of members) for (const f of instance.types[instance.typeOf[r]].features) counts[f] += 1;
  instance.features.forEach((q, f) => {
    if (counts[f] < q.min || counts[f] > q.max)
      problems.push(`${q.category} = ${q.feature}: ${counts[f]} not in [${q.min}, ${q.max}]`);
  });
  const households = new Set<string>();
  for (const r of members) {
    const h = instance.people[r].household;
    if (h === undefined) continue;
    if (households.has(h)) problems.push(`two members of household ${h}`);
    households.add(h);
  }
  return problems;
}
