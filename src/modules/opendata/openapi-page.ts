/**
 * What the API page (/api) shows of the OpenAPI document: its operations grouped by tag, each with its
 * parameters and an example answer made from the 200 response's schema. Pure code.
 */

export interface JsonSchema {
  type?: string | string[];
  format?: string;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  examples?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: JsonSchema;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  responses?: Record<string, { content?: Record<string, { schema?: JsonSchema }> }>;
}

export interface OpenApiDocument {
  paths?: Record<string, Record<string, OpenApiOperation>>;
}

export interface Parameter {
  name: string;
  in: string;
  required: boolean;
  type: string;
  description: string;
}

export interface Operation {
  id: string;
  method: string;
  path: string;
  summary: string;
  description: string;
  parameters: Parameter[];
  statuses: string[];
  example: string | null;
}

const SAMPLE_UUID = '0b8f3c52-6d1e-4a7b-9c2d-5e4f3a2b1c0d';

/** Whether a string schema is a UUID (core's Uuid pattern). */
const isUuidSchema = (schema: JsonSchema) => schema.pattern?.startsWith('^[0-9a-fA-F]{8}-') === true;

/** An example value of a schema: its own example, else one made from its type. */
export function exampleOf(schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 8) return null;
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices) return exampleOf(choices.find((c) => c.type !== 'null') ?? choices[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, value]) => [key, exampleOf(value, depth + 1)]),
      );
    case 'array':
      return schema.items ? [exampleOf(schema.items, depth + 1)] : [];
    case 'integer':
      return schema.minimum ?? 1;
    case 'number':
      return 1.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      if (schema.format === 'date-time') return '2026-01-15T09:30:00.000Z';
      if (schema.format === 'date') return '2026-01-15';
      if (isUuidSchema(schema)) return SAMPLE_UUID;
      return '…';
    default:
      return null;
  }
}

function typeOf(schema: JsonSchema | undefined): string {
  if (!schema) return '';
  if (schema.enum) return schema.enum.join(' | ');
  if (isUuidSchema(schema)) return 'UUID';
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? '');
  const range =
    schema.minimum !== undefined || schema.maximum !== undefined
      ? ` (${schema.minimum ?? ''}…${schema.maximum ?? ''})`
      : schema.maxLength !== undefined
        ? ` (≤ ${schema.maxLength})`
        : '';
  return `${type}${schema.format ? ` (${schema.format})` : ''}${range}`;
}

/** The document's GET operations, grouped by their first tag, in the document's order. */
export function operationsByTag(document: OpenApiDocument): Map<string, Operation[]> {
  const groups = new Map<string, Operation[]>();
  for (const [path, methods] of Object.entries(document.paths ?? {})) {
    const operation = methods.get;
    if (!operation) continue;
    const tag = operation.tags?.[0] ?? 'other';
    const ok = operation.responses?.['200']?.content;
    const schema = ok?.['application/json']?.schema;
    const entry: Operation = {
      id: `op-${path.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '')}`,
      method: 'GET',
      path,
      summary: operation.summary ?? '',
      description: operation.description ?? '',
      parameters: (operation.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        type: typeOf(p.schema),
        description: p.description ?? p.schema?.description ?? '',
      })),
      statuses: Object.keys(operation.responses ?? { 200: {} }),
      example: schema ? JSON.stringify(exampleOf(schema), null, 2) : null,
    };
    groups.set(tag, [...(groups.get(tag) ?? []), entry]);
  }
  return groups;
}
