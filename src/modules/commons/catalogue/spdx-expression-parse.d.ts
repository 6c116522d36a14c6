// Types for spdx-expression-parse (the package ships none): the tree of an SPDX licence expression.
declare module 'spdx-expression-parse' {
  export type SpdxNode =
    | { license: string; plus?: true; exception?: string }
    | { left: SpdxNode; conjunction: 'and' | 'or'; right: SpdxNode };
  export default function parse(source: string): SpdxNode;
}
