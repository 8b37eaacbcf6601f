import fc from 'fast-check';

/** The parts of JSON Schema that @fastify/swagger writes for our TypeBox contract. */
export interface Schema {
  $ref?: string;
  type?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  pattern?: string;
  format?: string;
}

export interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}

export interface Operation {
  method: string;
  path: string;
  key: string;
  parameters: Parameter[];
  body?: Schema;
  /** Documented as a multipart/form-data upload (the importers). */
  multipart: boolean;
}

export interface OpenApiDoc {
  paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; description?: string }>>;
  components?: { schemas?: Record<string, Schema> };
}

export function operations(doc: OpenApiDoc): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      key: `${method.toUpperCase()} ${path}`,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content['application/json']?.schema,
      multipart: /multipart\/form-data/.test(op.description ?? ''),
    })),
  );
}

// ---------------------------------------------------------------- hostile values

export const SQL_INJECTION = [
  "' OR '1'='1",
  "'; DROP TABLE users; --",
  '1; DELETE FROM sessions',
  "1' UNION SELECT password_hash FROM users --",
  '" OR ""="',
  "admin'--",
  '%',
  '_',
  '\\',
  "\\'; SELECT pg_sleep(1); --",
  '1) OR (1=1',
  'NULL',
  '*',
  'MATCH "x" OR',
  '"unbalanced',
  'NEAR(a b)',
  '社保 OR 1=1',
];

export const HTML_INJECTION = [
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(\'x\')">',
  '"><svg onload=alert(1)>',
  '<a href="javascript:alert(1)">点我</a>',
  '&lt;b&gt;&amp;&quot;',
  '<!-- 注释 --><b>粗体</b>',
  '{{constructor.constructor("alert(1)")()}}',
  '${7*7}',
];

export const CONTROL = ['\u0000', 'a\u0000b', '\u0001\u0002\u0003', '\u0007\u0008\u001b[31m', '\r\n\r\n', '\t', '\u007f', '\u200b', '\u202e反转', '\ufeff', '\ud800', '\udfff\ud800', '\u2028\u2029'];

export const WEIRD = [
  '',
  ' ',
  '\u3000',
  '__proto__',
  'constructor',
  'prototype',
  '../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '-1',
  '0',
  '1e309',
  'NaN',
  'Infinity',
  '9'.repeat(400),
  '0x1F',
  'true',
  'null',
  '[]',
  '{}',
  '😀👨‍👩‍👧‍👦',
  '𠀀𪚥',
  'Ａ１２３',
];

const hostileConstant = fc.constantFrom(...SQL_INJECTION, ...HTML_INJECTION, ...CONTROL, ...WEIRD);

/** Strings an attacker or a broken client would send, including oversize ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: hostileConstant },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.tuple(hostileConstant, fc.string({ maxLength: 10 }), hostileConstant).map(([a, b, c]) => a + b + c) },
  { weight: 1, arbitrary: fc.constantFrom(1_001, 5_000, 20_001, 100_000, 600_000).chain((n) => fc.constantFrom('x', '汉', '<', "'").map((c) => c.repeat(n))) },
);

const extremeNumber = fc.constantFrom(
  0,
  -1,
  -0,
  1.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53,
  Number.MAX_SAFE_INTEGER + 2,
  -Number.MAX_SAFE_INTEGER,
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_VALUE,
);

/** Anything of the wrong type. */
export const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  extremeNumber,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  hostileString,
  fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 })), { maxLength: 4 }),
  fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', '$where', 'toString'), fc.oneof(fc.integer(), fc.constant({ polluted: true })), { maxKeys: 2 }),
);

// ---------------------------------------------------------------- from the schema

function resolve(schema: Schema, doc: OpenApiDoc): Schema {
  let s = schema;
  for (let i = 0; s.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop()!] ?? {};
  return s;
}

const SMALL_ID = fc.integer({ min: 1, max: 12 });

function validString(s: Schema): fc.Arbitrary<string> {
  const min = s.minLength ?? 0;
  const max = Math.min(s.maxLength ?? 60, 60);
  if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  if (s.format === 'date-time') return fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (s.format === 'date') return fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const fitting = hostileConstant.filter((v) => v.length >= min && v.length <= (s.maxLength ?? Infinity));
  return fc.oneof({ weight: 3, arbitrary: fc.string({ minLength: Math.min(min, max), maxLength: Math.max(min, max) }) }, { weight: 2, arbitrary: fitting });
}

function validNumber(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const min = s.minimum ?? -1_000_000;
  const max = s.maximum ?? (s.minimum === 1 ? 12 : 1_000_000);
  if (integer) return fc.oneof(fc.integer({ min, max }), fc.constantFrom(min, max));
  return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max, 0.005, 123.456));
}

/** A value that fits the schema's shape (not always its business rules). */
function valid(schema: Schema, doc: OpenApiDoc, depth: number): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union) return fc.oneof(...union.map((u) => valueFor(u, doc, depth + 1)));
  if (s.allOf) return valueFor(Object.assign({}, ...s.allOf.map((p) => resolve(p, doc))), doc, depth + 1);
  switch (s.type) {
    case 'string':
      return validString(s);
    case 'integer':
      return validNumber(s, true);
    case 'number':
      return validNumber(s, false);
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array':
      return fc.array(valueFor(s.items ?? {}, doc, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min((s.maxItems ?? 4) + 1, 6) });
    case 'object':
    case undefined: {
      if (!s.properties) return depth > 3 ? fc.constant({}) : fc.dictionary(fc.string({ maxLength: 8 }), wrongValue, { maxKeys: 3 });
      const model = Object.fromEntries(Object.entries(s.properties).map(([k, p]) => [k, valueFor(p, doc, depth + 1)]));
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in model) });
    }
    default:
      return wrongValue;
  }
}

/** Mostly shaped like the schema; sometimes the wrong type, a hostile string, or an object with keys missing or extra. */
export function valueFor(schema: Schema, doc: OpenApiDoc, depth = 0): fc.Arbitrary<unknown> {
  const s = resolve(schema, doc);
  const shaped = valid(s, doc, depth);
  const variants: fc.WeightedArbitrary<unknown>[] = [
    { weight: 14, arbitrary: shaped },
    { weight: 1, arbitrary: wrongValue },
    { weight: 1, arbitrary: hostileString },
  ];
  if (s.properties) {
    const keys = Object.keys(s.properties);
    variants.push({
      weight: 2,
      arbitrary: fc
        .tuple(shaped, fc.constantFrom(...keys), fc.constantFrom('__proto__', 'constructor', 'extra', 'id', 'role', 'enterpriseId', 'status'), wrongValue, fc.boolean())
        .map(([v, drop, extra, value, remove]) => {
          const o = { ...(v as Record<string, unknown>) };
          if (remove) delete o[drop];
          else Object.defineProperty(o, extra, { value, enumerable: true, writable: true, configurable: true });
          return o;
        }),
    });
  }
  return fc.oneof(...variants);
}

/** A path or query value as text: mostly from the schema, else hostile. */
export function textFor(schema: Schema, doc: OpenApiDoc, name: string): fc.Arbitrary<string> {
  const s = resolve(schema, doc);
  const asText = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  const pagination =
    name === 'page' || name === 'pageSize'
      ? [{ weight: 4, arbitrary: fc.constantFrom('0', '-1', '1e9', '2147483648', '9007199254740993', '99999999999999999999', '1.5', 'NaN', '', ' 1', '1 ', '0x10', '100000', '10001') }]
      : [];
  const shaped = s.type === 'integer' && s.minimum === 1 && s.maximum === undefined ? SMALL_ID.map(String) : valid(s, doc, 0).map(asText);
  return fc.oneof({ weight: 10, arbitrary: shaped }, { weight: 2, arbitrary: hostileString }, { weight: 1, arbitrary: wrongValue.map(asText) }, ...pagination);
}
