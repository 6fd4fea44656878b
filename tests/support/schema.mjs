// Checks API answers against the OpenAPI 3.1 document with ajv (JSON Schema 2020-12, the
// dialect OpenAPI 3.1 uses) and ajv-formats for `date-time`.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * A checker for `document`: `check(schema, value)` returns the problems (path and message),
 * empty when the value fits. `schema` may `$ref` the document's components.
 */
export function validator(document) {
  // Not strict: the document also carries OpenAPI's own keys (paths, info…) beside schemas.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: 'https://edgedesk.invalid/openapi.json' });
  const compiled = new Map();
  return (schema, value) => {
    const key = JSON.stringify(schema);
    if (!compiled.has(key)) {
      const anchored = JSON.parse(key.replaceAll('"#/components/', '"https://edgedesk.invalid/openapi.json#/components/'));
      compiled.set(key, ajv.compile(anchored));
    }
    const validate = compiled.get(key);
    return validate(value) ? [] : validate.errors.map((error) => `$${error.instancePath}: ${error.message} ${JSON.stringify(error.params)}`);
  };
}
