/**
 * Writes admin-<version>.graphql: the part of Shopify's Admin GraphQL schema the connector's
 * documents touch, cut from the full introspection Shopify publishes.
 *
 *   npm pack @shopify/dev-mcp@1.16.0 && tar xzf shopify-dev-mcp-1.16.0.tgz
 *   npx tsx server/commerce/shopify/admin-schema/trim-admin-schema.ts package/dist/data/admin_2026-10.json.gz 2026-10
 *
 * Kept: every type a document selects from, with the fields it selects (all their arguments, and
 * the `query` argument's description: Shopify's table of search filters), plus each such type's
 * argument-free scalar and enum fields, so a new simple field validates without regenerating;
 * the enums, scalars and input types those need. Dropped: everything else (interfaces, unions,
 * mutations, descriptions). Run it again after changing a document or the default version.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import {
  buildClientSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isScalarType,
  isSpecifiedScalarType,
  parse,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from "graphql";
import { SHOPIFY_DOCUMENTS } from "../shopify-store";

const [source, version] = process.argv.slice(2);
if (!source || !version || !/^\d{4}-(01|04|07|10)$/.test(version)) {
  console.error("usage: trim-admin-schema.ts <admin_YYYY-MM.json[.gz]> <YYYY-MM>");
  process.exit(2);
}
const raw = fs.readFileSync(source);
const json = JSON.parse((source.endsWith(".gz") ? zlib.gunzipSync(raw) : raw).toString("utf8")) as { data?: IntrospectionQuery } & IntrospectionQuery;
const schema = buildClientSchema(json.data ?? json);

function trimSchema(full: GraphQLSchema, documents: string[]): string {
  const usedFields = new Map<string, Set<string>>();
  const use = (type: string, field: string) => usedFields.set(type, (usedFields.get(type) ?? new Set()).add(field));
  for (const doc of documents) {
    const typeInfo = new TypeInfo(full);
    visit(
      parse(doc),
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const parent = typeInfo.getParentType();
          if (parent && node.name.value !== "__typename") use(parent.name, node.name.value);
        },
      }),
    );
  }
  const out: string[] = [];
  const done = new Set<string>();
  const queue: GraphQLNamedType[] = [];
  const need = (t: GraphQLNamedType) => {
    if (!done.has(t.name) && !isSpecifiedScalarType(t)) {
      done.add(t.name);
      queue.push(t);
    }
  };
  const deprecated = (reason: string | null | undefined) => (reason ? ` @deprecated(reason: ${JSON.stringify(reason)})` : "");
  const arg = (a: GraphQLArgument, withDescription: boolean) => {
    need(getNamedType(a.type));
    const description = withDescription && a.description ? `\n    ${JSON.stringify(a.description)}\n    ` : "";
    return `${description}${a.name}: ${String(a.type)}`;
  };
  const isLeaf = (f: GraphQLField<unknown, unknown>) => {
    const t = getNamedType(f.type);
    return (isScalarType(t) || isEnumType(t)) && f.args.every((a) => isScalarType(getNamedType(a.type)) || isEnumType(getNamedType(a.type)));
  };
  const field = (f: GraphQLField<unknown, unknown>) => {
    need(getNamedType(f.type));
    const args = f.args.length ? `(${f.args.map((a) => arg(a, a.name === "query")).join(", ")})` : "";
    return `  ${f.name}${args}: ${String(f.type)}${deprecated(f.deprecationReason)}`;
  };
  const queryRoot = full.getQueryType()!;
  need(queryRoot);
  for (const name of usedFields.keys()) need(full.getType(name)!);
  while (queue.length) {
    const t = queue.shift()!;
    if (isObjectType(t)) {
      const used = usedFields.get(t.name) ?? new Set();
      const fields = Object.values(t.getFields()).filter((f) => used.has(f.name) || (t !== queryRoot && isLeaf(f)));
      out.push(`type ${t.name} {\n${fields.map(field).join("\n")}\n}`);
    } else if (isEnumType(t)) {
      out.push(`enum ${t.name} {\n${t.getValues().map((v) => `  ${v.name}${deprecated(v.deprecationReason)}`).join("\n")}\n}`);
    } else if (isInputObjectType(t)) {
      out.push(`input ${t.name} {\n${Object.values(t.getFields()).map((f) => (need(getNamedType(f.type)), `  ${f.name}: ${String(f.type)}`)).join("\n")}\n}`);
    } else if (isScalarType(t)) {
      out.push(`scalar ${t.name}`);
    } else {
      // An interface or union a document selects through: not used today.
      throw new Error(`trim-admin-schema does not handle ${t.name}; extend it`);
    }
  }
  return out.sort((a, b) => a.split(" ")[1]!.localeCompare(b.split(" ")[1]!)).join("\n\n");
}

const sdl = trimSchema(schema, SHOPIFY_DOCUMENTS);
const header = `# Shopify Admin GraphQL API ${version}, trimmed to what Parley's Shopify connector uses.
# Source: Shopify's published introspection of the Admin API ${version}, as shipped in the npm package
# @shopify/dev-mcp@1.16.0 (dist/data/admin_${version}.json.gz); the same schema is documented at
# https://shopify.dev/docs/api/admin-graphql/${version}. Cut mechanically by
# server/commerce/shopify/admin-schema/trim-admin-schema.ts (see there); do not edit by hand.
`;
const target = path.join(import.meta.dirname, `admin-${version}.graphql`);
fs.writeFileSync(target, `${header}\nschema {\n  query: ${schema.getQueryType()!.name}\n}\n\n${sdl}\n`);
console.log(`wrote ${target} (${fs.statSync(target).size} bytes)`);
