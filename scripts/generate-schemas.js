#!/usr/bin/env node
// docs/schemas/<Kind>.schema.json (JSON Schema draft 2020-12), one per document the CLI prints, generated from the
// TypeScript types that define them (cli/src/render/documents.ts: OutputDocuments, and the core's model they use)
// with the TypeScript compiler itself, so the published contract cannot drift from the code. Objects are closed
// (additionalProperties: false) and list their non-optional fields as required: output that gains or loses a
// field fails validation until the types, and so the schemas, say so.
//
//   node scripts/generate-schemas.js          write docs/schemas/
//   node scripts/generate-schemas.js --check  exit 1 when docs/schemas/ is not what the types give
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const ts = require('typescript');

const ROOT = path.resolve(__dirname, '..');
const OUT_DIR = path.join(ROOT, 'docs', 'schemas');
const ENTRY = path.join(ROOT, 'cli', 'src', 'render', 'documents.ts');
const DRAFT = 'https://json-schema.org/draft/2020-12/schema';

function createProgram() {
  const configFile = path.join(ROOT, 'tsconfig.test.json');
  const { config } = ts.readConfigFile(configFile, ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, ROOT);
  return ts.createProgram([ENTRY], { ...options, noEmit: true });
}

const docOf = (symbol, checker) => (symbol ? ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() : '');
const withDescription = (schema, description) => (description ? { description, ...schema } : schema);

function generator(checker) {
  const defs = new Map();

  /** A named interface or type alias worth a $defs entry (not a generic instantiation, not a built-in). */
  function defName(type) {
    const alias = type.aliasSymbol;
    if (alias && !(type.aliasTypeArguments && type.aliasTypeArguments.length)) return alias.getName();
    if (alias) return undefined;
    const sym = type.getSymbol();
    if (!sym || !(type.flags & ts.TypeFlags.Object)) return undefined;
    if (!(type.objectFlags & ts.ObjectFlags.Interface) || (type.objectFlags & ts.ObjectFlags.Reference && type.typeArguments?.length)) return undefined;
    const name = sym.getName();
    return name.startsWith('__') || name === 'Array' || name === 'ReadonlyArray' ? undefined : name;
  }

  function toSchema(type, { inline = false } = {}) {
    const name = inline ? undefined : defName(type);
    if (name) {
      if (!defs.has(name)) {
        defs.set(name, null); // placeholder: recursive types refer to it before it is done
        const symbol = type.aliasSymbol ?? type.getSymbol();
        defs.set(name, withDescription(toSchema(type, { inline: true }), docOf(symbol, checker)));
      }
      return { $ref: `#/$defs/${name}` };
    }
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Null) return { type: 'null' };
    if (f & ts.TypeFlags.StringLiteral) return { const: type.value };
    if (f & ts.TypeFlags.NumberLiteral) return { const: type.value };
    if (f & ts.TypeFlags.BooleanLiteral) return { const: checker.typeToString(type) === 'true' };
    if (type.isUnion()) return unionSchema(type);
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      const [element] = checker.getTypeArguments(type);
      return { type: 'array', items: toSchema(element) };
    }
    if (f & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) return objectSchema(type);
    throw new Error(`generate-schemas: no JSON Schema for type ${checker.typeToString(type)}`);
  }

  function unionSchema(type) {
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined));
    const hasTrue = parts.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === 'true');
    const hasFalse = parts.some((t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === 'false');
    const rest = parts.filter((t) => !(hasTrue && hasFalse && t.flags & ts.TypeFlags.BooleanLiteral));
    const schemas = [...(hasTrue && hasFalse ? [{ type: 'boolean' }] : []), ...rest.map((t) => toSchema(t))];
    if (schemas.length === 1) return schemas[0];
    if (schemas.every((s) => 'const' in s && typeof s.const === 'string')) return { type: 'string', enum: schemas.map((s) => s.const) };
    if (schemas.every((s) => Object.keys(s).length === 1 && typeof s.type === 'string')) return { type: schemas.map((s) => s.type) };
    return { anyOf: schemas };
  }

  function objectSchema(type) {
    const properties = {};
    const required = [];
    for (const prop of checker.getPropertiesOfType(type)) {
      const declaration = prop.valueDeclaration ?? prop.declarations?.[0];
      const propType = declaration ? checker.getTypeOfSymbolAtLocation(prop, declaration) : checker.getTypeOfSymbol(prop);
      properties[prop.getName()] = withDescription(toSchema(propType), docOf(prop, checker));
      if (!(prop.flags & ts.SymbolFlags.Optional)) required.push(prop.getName());
    }
    const index = checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
    const schema = { type: 'object' };
    if (Object.keys(properties).length > 0) schema.properties = properties;
    if (required.length > 0) schema.required = required;
    schema.additionalProperties = index ? toSchema(index.type) : false;
    return schema;
  }

  return { toSchema, defs };
}

/** Every schema, by kind, as the types give them today. */
function generateSchemas() {
  const program = createProgram();
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(ENTRY);
  if (!source) throw new Error(`generate-schemas: cannot read ${ENTRY}`);
  const documents = source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === 'OutputDocuments');
  if (!documents) throw new Error('generate-schemas: interface OutputDocuments not found in documents.ts');
  const schemas = {};
  for (const member of checker.getPropertiesOfType(checker.getTypeAtLocation(documents.name))) {
    const kind = member.getName();
    const type = checker.getTypeOfSymbolAtLocation(member, documents);
    const { toSchema, defs } = generator(checker);
    const body = toSchema(type, { inline: true });
    const description = docOf(type.aliasSymbol, checker) || docOf(member, checker);
    const sortedDefs = Object.fromEntries([...defs.entries()].sort(([a], [b]) => a.localeCompare(b)));
    schemas[kind] = {
      $schema: DRAFT,
      title: kind,
      ...(description ? { description } : {}),
      ...body,
      ...(Object.keys(sortedDefs).length > 0 ? { $defs: sortedDefs } : {}),
    };
  }
  return schemas;
}

const fileText = (schema) => `${JSON.stringify(schema, null, 2)}\n`;
const fileName = (kind) => `${kind}.schema.json`;

function main() {
  const schemas = generateSchemas();
  const check = process.argv.includes('--check');
  const stale = [];
  if (!check) fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const [kind, schema] of Object.entries(schemas)) {
    const file = path.join(OUT_DIR, fileName(kind));
    const text = fileText(schema);
    if (check) {
      if (!fs.existsSync(file) || fs.readFileSync(file, 'utf8') !== text) stale.push(path.relative(ROOT, file));
    } else fs.writeFileSync(file, text);
  }
  if (check && stale.length > 0) {
    process.stderr.write(`error: out of date (run npm run schemas): ${stale.join(', ')}\n`);
    process.exit(1);
  }
}

module.exports = { generateSchemas, fileText, fileName, OUT_DIR };

if (require.main === module) main();
