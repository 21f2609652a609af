/**
 * The SDK models what its ObjectSerializer hands back, not the JSON on the wire: `Date` where the
 * JSON carries an ISO-8601 string, and TypeScript string enums where the JSON carries the enum's
 * string value. `Wire<T>` undoes exactly those two documented serialisations, so the contract
 * tests compare like with like.
 */
export type Wire<T> = T extends Date
  ? string
  : T extends string
    ? `${T}`
    : T extends number | boolean | null | undefined
      ? T
      : T extends readonly (infer U)[]
        ? Wire<U>[]
        : T extends object
          ? { [K in keyof T]: Wire<T[K]> }
          : T;
