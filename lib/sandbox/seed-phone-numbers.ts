import type { SeededRandom } from './seeded-random';

/** A phone number in the format of the country, from the seeded random (one draw per digit). */
export function phoneFor(rng: SeededRandom, country: string): string {
  const digits = (n: number): string => Array.from({ length: n }, () => rng.int(0, 9)).join('');
  switch (country) {
    case 'United Kingdom':
      return `+44 20 ${digits(4)} ${digits(4)}`;
    case 'Germany':
      return `+49 89 ${digits(8)}`;
    case 'Canada':
    case 'United States':
      return `+1 (${rng.int(212, 989)}) ${rng.int(200, 989)}-${digits(4)}`;
    default:
      return `+${rng.int(30, 91)} ${digits(3)} ${digits(3)} ${digits(3)}`;
  }
}
