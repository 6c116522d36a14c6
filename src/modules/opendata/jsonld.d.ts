// jsonld ships no types; the tests use its expand() only.
declare module 'jsonld' {
  const jsonld: {
    expand(
      input: unknown,
      options?: { documentLoader?: (url: string) => Promise<unknown> },
    ): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}
