/**
 * Checks a GraphQL request against Shopify's Admin schema (the committed, trimmed copy for the
 * configured API version): the document validates, the variables coerce to their declared types,
 * and every `field:` of a search string is a filter Shopify documents for that connection. Shopify
 * itself would ignore an unknown filter and return unfiltered results, so nothing else catches it.
 */
import fs from "node:fs";
import path from "node:path";
import {
  buildSchema,
  getNamedType,
  getVariableValues,
  isObjectType,
  Kind,
  parse,
  TypeInfo,
  validate,
  visit,
  visitWithTypeInfo,
  valueFromAST,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";

export function adminSchemaPath(version: string): string {
  return path.join(import.meta.dirname, `admin-${version}.graphql`);
}

export function loadAdminSchema(version: string): GraphQLSchema {
  const file = adminSchemaPath(version);
  if (!fs.existsSync(file)) {
    throw new Error(`No Admin schema committed for Shopify API ${version}: run trim-admin-schema.ts for it (see its header)`);
  }
  return buildSchema(fs.readFileSync(file, "utf8"));
}

/**
 * The search filters Shopify documents for a connection field, read from the table in its `query`
 * argument's description (the same table as https://shopify.dev/docs/api/admin-graphql/<version>/queries/<field>#argument-query).
 * "default" is free text.
 */
export function documentedFilters(schema: GraphQLSchema, typeName: string, fieldName: string): Set<string> {
  const type = schema.getType(typeName);
  const description = isObjectType(type) ? type.getFields()[fieldName]?.args.find((a) => a.name === "query")?.description : null;
  const filters = new Set<string>();
  for (const m of (description ?? "").matchAll(/^\| ([a-z_][a-z0-9_.]*) \| [a-z_]+ \|/gm)) filters.add(m[1]!);
  return filters;
}

/** The `field:` names of a Shopify search string ("status:active AND (blue OR -tag:x)" → status, tag). */
export function searchFilterNames(search: string): string[] {
  const unquoted = search.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, '""');
  return [...unquoted.matchAll(/(?:^|[\s(])-?([A-Za-z_][\w.]*):/g)].map((m) => m[1]!.toLowerCase());
}

/** What is wrong with this request for the Admin API, or [] when Shopify would take it as meant. */
export function adminRequestProblems(schema: GraphQLSchema, query: string, variables: Record<string, unknown> = {}): string[] {
  let doc;
  try {
    doc = parse(query);
  } catch (error) {
    return [`does not parse: ${(error as Error).message}`];
  }
  const problems = validate(schema, doc).map((e) => e.message);
  if (problems.length) return problems;
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables);
  if (coerced.errors) return coerced.errors.map((e) => e.message);
  const typeInfo = new TypeInfo(schema);
  visit(
    doc,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const field = typeInfo.getFieldDef();
        const parent = typeInfo.getParentType();
        const argDef = typeInfo.getArgument();
        if (node.name.value !== "query" || !field || !parent || !argDef || getNamedType(argDef.type).name !== "String") return;
        const search = valueFromAST(node.value, argDef.type, coerced.variableValues.coerced as Record<string, unknown>);
        if (typeof search !== "string") return;
        const known = documentedFilters(schema, parent.name, field.name);
        for (const name of searchFilterNames(search)) {
          if (!known.has(name)) problems.push(`"${name}:" is not a search filter of ${parent.name}.${field.name} (search "${search}"); Shopify ignores it`);
        }
      },
    }),
  );
  return problems;
}
