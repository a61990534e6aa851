// Checks an OpenAPI document with two validators that are not Planbot's own:
//  1. the OpenAPI Initiative's JSON schema for the document's version (@seriousme/openapi-schema-validator),
//     including every $ref resolving;
//  2. Redocly's strict rule set (redocly.yaml): operation ids, path parameters declared, examples
//     valid against their schemas, no unused components, ...
// Usage: node check.mjs FILE.json   Prints one line per finding; exit 0 only when both pass.
// Runs offline: Redocly's telemetry and update check are turned off.
import { Validator } from "@seriousme/openapi-schema-validator";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2];
if (!file) {
  console.error("usage: node check.mjs FILE.json");
  process.exit(2);
}
const path = resolve(file);
let failed = false;

const validator = new Validator();
const schemaResult = await validator.validate(path);
if (schemaResult.valid && validator.version !== "3.1") {
  console.log(`schema: expected OpenAPI 3.1, the document is ${validator.version}`);
  failed = true;
} else if (schemaResult.valid) {
  console.log(`schema: valid OpenAPI ${validator.version} (OpenAPI Initiative schema)`);
} else {
  failed = true;
  for (const error of [].concat(schemaResult.errors)) {
    console.log(`schema: ${error.instancePath ?? ""} ${error.message ?? JSON.stringify(error)}`);
  }
}

const lint = spawnSync(process.execPath, [
  join(here, "node_modules/@redocly/cli/bin/cli.js"), "lint", "--config", join(here, "redocly.yaml"),
  "--format", "codeframe", path,
], {
  encoding: "utf8",
  env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", CI: "true" },
  timeout: 120_000,
});
const lintOutput = `${lint.stdout ?? ""}${lint.stderr ?? ""}`.trim();
if (lint.status === 0) {
  console.log("lint: redocly recommended-strict passed");
} else {
  failed = true;
  console.log(`lint: redocly failed (exit ${lint.status ?? lint.error})`);
  console.log(lintOutput);
}
process.exit(failed ? 1 : 0);
