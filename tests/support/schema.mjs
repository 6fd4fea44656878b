// A small JSON Schema checker for the subset the OpenAPI document uses ($ref, type, enum,
// const, properties, required, additionalProperties: false, items, anyOf/oneOf, minimum,
// maximum, format: date-time). Returns the list of problems, empty when the value fits.

export function check(document, schema, value, path = '$') {
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    const target = document.components.schemas[name];
    if (!target) return [`${path}: unknown schema ${schema.$ref}`];
    return check(document, target, value, path);
  }
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const results = alternatives.map((alternative) => check(document, alternative, value, path));
    return results.some((problems) => problems.length === 0) ? [] : [`${path}: fits no alternative (${results.map((r) => r[0]).join(' | ')})`];
  }
  if ('const' in schema && value !== schema.const) return [`${path}: expected ${JSON.stringify(schema.const)}`];
  if (schema.enum && !schema.enum.includes(value)) return [`${path}: ${JSON.stringify(value)} is not one of ${schema.enum.join(', ')}`];
  const types = [schema.type ?? []].flat();
  if (types.length && !types.some((type) => isType(value, type))) return [`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)}`];
  const problems = [];
  if (schema.format === 'date-time' && Number.isNaN(Date.parse(value))) problems.push(`${path}: not a date-time`);
  if (schema.minimum !== undefined && value < schema.minimum) problems.push(`${path}: below ${schema.minimum}`);
  if (schema.maximum !== undefined && value > schema.maximum) problems.push(`${path}: above ${schema.maximum}`);
  if (Array.isArray(value) && schema.items) {
    value.forEach((item, index) => problems.push(...check(document, schema.items, item, `${path}[${index}]`)));
  }
  if (isType(value, 'object')) {
    const properties = schema.properties ?? {};
    for (const name of schema.required ?? []) if (!(name in value)) problems.push(`${path}: missing ${name}`);
    for (const [name, item] of Object.entries(value)) {
      if (properties[name]) problems.push(...check(document, properties[name], item, `${path}.${name}`));
      else if (schema.additionalProperties === false) problems.push(`${path}: undocumented property ${name}`);
    }
  }
  return problems;
}

function isType(value, type) {
  switch (type) {
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    default: return typeof value === type;
  }
}
