/** The operations of a served OpenAPI 3 document, with `$ref`s resolved: what the fuzz suite walks. */

export interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  nullable?: boolean;
  items?: Schema;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  /** The path template as documented, e.g. /api/v1/residents/{id} */
  path: string;
  /** `METHOD /path/{template}`: how failures name the operation. */
  key: string;
  parameters: Parameter[];
  /** The JSON request body's schema, resolved; undefined when the operation takes no body. */
  body?: Schema;
  bodyRequired: boolean;
  /** True when the document declares no security requirement (public routes). */
  isPublic: boolean;
}

interface Document {
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, Schema> };
  security?: unknown[];
}

interface RawOperation {
  parameters?: Array<{ name: string; in: Parameter['in']; required?: boolean; schema?: Schema; $ref?: string }>;
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  security?: unknown[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Resolves `$ref` and merges `allOf`, to a depth that stops on recursive schemas. */
export function resolveSchema(schema: Schema | undefined, doc: Document, depth = 0): Schema {
  if (!schema || depth > 8) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolveSchema(doc.components?.schemas?.[name], doc, depth + 1);
  }
  let out: Schema = { ...schema };
  if (schema.allOf) {
    for (const part of schema.allOf.map((s) => resolveSchema(s, doc, depth + 1))) {
      out = { ...out, ...part, properties: { ...out.properties, ...part.properties }, required: [...(out.required ?? []), ...(part.required ?? [])] };
    }
    delete out.allOf;
  }
  if (out.properties) {
    out.properties = Object.fromEntries(Object.entries(out.properties).map(([k, v]) => [k, resolveSchema(v, doc, depth + 1)]));
  }
  if (out.items) out.items = resolveSchema(out.items, doc, depth + 1);
  return out;
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: Document): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      const content = raw.requestBody?.content ?? {};
      const json = content['application/json'] ?? Object.values(content)[0];
      const security = raw.security ?? doc.security ?? [];
      ops.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        parameters: (raw.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? p.in === 'path', schema: resolveSchema(p.schema, doc) })),
        body: raw.requestBody ? resolveSchema(json?.schema, doc) : undefined,
        bodyRequired: raw.requestBody?.required ?? false,
        isPublic: security.length === 0,
      });
    }
  }
  return ops;
}
