// semver ships no types (and @types/semver is not installed); the newcomer test uses only these two.
declare module 'semver' {
  export function satisfies(version: string, range: string, options?: { includePrerelease?: boolean }): boolean;
  export function minVersion(range: string): { version: string; major: number; minor: number; patch: number } | null;
}
