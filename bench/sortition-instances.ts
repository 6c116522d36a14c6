import { type PoolPerson, type Quota, type SortitionInput, seededRandom } from '../src/algorithms/sortition/index.js';

/**
 * The reference instance of Flanigan et al. (Nature 2021, replication data), optionally scaled: 99·s
 * female/liberal, 100·s male/conservative, 1·s female/conservative; every value min `min` max 20·s; k = 20·s.
 */
export function referenceInstance(scale = 1, min = 9 * scale): SortitionInput {
  const people: PoolPerson[] = [];
  const add = (count: number, gender: string, leaning: string) => {
    for (let i = 0; i < count; i++) people.push({ id: `p${people.length + 1}`, values: { gender, leaning } });
  };
  add(99 * scale, 'female', 'liberal');
  add(100 * scale, 'male', 'conservative');
  add(1 * scale, 'female', 'conservative');
  const max = 20 * scale;
  const quotas: Quota[] = [
    { category: 'gender', feature: 'female', min, max },
    { category: 'gender', feature: 'male', min, max },
    { category: 'leaning', feature: 'liberal', min, max },
    { category: 'leaning', feature: 'conservative', min, max },
  ];
  return { quotas, people, k: 20 * scale };
}

interface CategoryShape {
  name: string;
  /** Share of each value in the population the panel must mirror. */
  population: number[];
}

const SHAPES: CategoryShape[] = [
  { name: 'gender', population: [0.51, 0.48, 0.01] },
  { name: 'age', population: [0.14, 0.17, 0.17, 0.18, 0.16, 0.18] },
  { name: 'region', population: [0.3, 0.25, 0.2, 0.15, 0.1] },
  { name: 'education', population: [0.35, 0.4, 0.25] },
  { name: 'occupation', population: [0.45, 0.2, 0.25, 0.1] },
  { name: 'area', population: [0.78, 0.22] },
  { name: 'climate_concern', population: [0.25, 0.45, 0.3] },
  // The 8th category of the paper's obf instance (8 categories, k = 30): a small four-valued one.
  { name: 'housing', population: [0.55, 0.25, 0.15, 0.05] },
];

/**
 * A pool shaped like the paper's real instances: volunteers self-select (older, more educated people and
 * some regions volunteer more, with correlations through a latent "engagement" level), while the quotas
 * follow the population with the usual tolerance around k·share (±15 % by default; `tolerance` changes it).
 * Up to 8 categories (the paper's obf has 8). When k is a large share of n (the paper's nexus: 342 people,
 * k = 170) a value the pool lacks cannot reach k·share: its minimum is capped by the volunteers who have it,
 * as the paper's practitioners do.
 */
export function paperLikeInstance(options: {
  n: number;
  k: number;
  categories: number;
  seed: number;
  tolerance?: number;
}): SortitionInput {
  const tolerance = options.tolerance ?? 0.15;
  const random = seededRandom(options.seed);
  const shapes = SHAPES.slice(0, options.categories);
  const people: PoolPerson[] = [];
  for (let i = 0; i < options.n; i++) {
    const engagement = random();
    const values: Record<string, string> = {};
    shapes.forEach((shape, c) => {
      // Volunteering bias: value v's weight grows with v for engaged people (older, more educated…).
      const weights = shape.population.map(
        (p, v) =>
          p * (1 + 1.5 * engagement * (v / shape.population.length)) * (c % 2 === 0 ? 1 : 1 + 0.5 * (v === 0 ? 1 : 0)),
      );
      const total = weights.reduce((a, b) => a + b, 0);
      let u = random() * total;
      let v = 0;
      while (v < weights.length - 1 && u >= weights[v]) u -= weights[v++];
      values[shape.name] = `${shape.name}_${v}`;
    });
    people.push({ id: `v${i + 1}`, values });
  }
  const quotas: Quota[] = [];
  for (const shape of shapes) {
    shape.population.forEach((share, v) => {
      const ideal = options.k * share;
      const available = people.filter((p) => p.values[shape.name] === `${shape.name}_${v}`).length;
      const min = Math.min(available, Math.max(0, Math.floor(ideal * (1 - tolerance)) - (share < 0.05 ? 1 : 0)));
      const max = Math.max(min, Math.ceil(ideal * (1 + tolerance)) + 1);
      quotas.push({ category: shape.name, feature: `${shape.name}_${v}`, min, max });
    });
  }
  return { quotas, people, k: options.k };
}
