// Offline check of Kubernetes manifests against the API schemas.
//
//   node validate.mjs PATH...    (files, or directories searched for *.yaml / *.yml)
//
// Three passes per YAML document:
//   1. it parses, and apiVersion/kind name a type we have a model for;
//   2. kubernetes-models' JSON Schema validator (types, required fields, formats);
//   3. TypeScript's excess-property check against the same models' type
//      definitions. The schemas leave objects open, so a misspelled or misplaced
//      field (livenesProbe, securityContext.runAsNonroot) only fails here.
// Prints one line per problem and exits 1 if there was any, 0 otherwise.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { parseAllDocuments } from "yaml";

const HERE = path.dirname(fileURLToPath(import.meta.url));

// Group/version -> package path of its models. Core types are "v1".
const MODEL_ROOTS = {
  "monitoring.coreos.com/v1": "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1",
};

function modelRoot(apiVersion) {
  return MODEL_ROOTS[apiVersion] ?? `kubernetes-models/${apiVersion}`;
}

function yamlFiles(target) {
  const stat = fs.statSync(target);
  if (stat.isFile()) {
    return [target];
  }
  return fs
    .readdirSync(target, { withFileTypes: true })
    .filter((e) => !e.name.startsWith(".") && e.name !== "node_modules")
    .flatMap((e) => {
      const full = path.join(target, e.name);
      if (e.isDirectory()) {
        return yamlFiles(full);
      }
      return /\.ya?ml$/.test(e.name) ? [full] : [];
    })
    .sort();
}

function readDocuments(file, problems) {
  const docs = [];
  parseAllDocuments(fs.readFileSync(file, "utf8")).forEach((doc, index) => {
    const where = `${file} [document ${index}]`;
    if (doc.errors.length > 0) {
      doc.errors.forEach((e) => problems.push(`${where}: YAML: ${e.message}`));
      return;
    }
    const body = doc.toJS();
    if (body === null || body === undefined) {
      return;
    }
    docs.push({ where, body });
  });
  return docs;
}

async function validateSchema(doc, problems) {
  const { apiVersion, kind } = doc.body;
  if (typeof apiVersion !== "string" || typeof kind !== "string") {
    problems.push(`${doc.where}: apiVersion and kind are required`);
    return false;
  }
  let model;
  try {
    model = (await import(`${modelRoot(apiVersion)}/${kind}`))[kind];
  } catch {
    model = undefined;
  }
  if (typeof model !== "function") {
    problems.push(`${doc.where}: unknown type ${apiVersion} ${kind}`);
    return false;
  }
  try {
    new model(doc.body).validate();
  } catch (e) {
    problems.push(`${doc.where}: ${kind}: ${e.message}`);
  }
  return true;
}

// One .mts module per document, typed with the model's interface, then one
// TypeScript program over all of them.
function checkKnownFields(docs, problems) {
  if (docs.length === 0) {
    return;
  }
  const dir = fs.mkdtempSync(path.join(HERE, ".check-"));
  try {
    const origin = new Map();
    const files = docs.map((doc, n) => {
      const { apiVersion, kind } = doc.body;
      const file = path.join(dir, `m${n}.mts`);
      fs.writeFileSync(
        file,
        `import type { I${kind} } from "${modelRoot(apiVersion)}/${kind}";\n` +
          `export const manifest: I${kind} = ${JSON.stringify(doc.body, null, 2)};\n`,
      );
      origin.set(path.resolve(file), doc.where);
      return file;
    });
    const program = ts.createProgram(files, {
      noEmit: true,
      strict: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    });
    for (const d of ts.getPreEmitDiagnostics(program)) {
      const where = d.file ? origin.get(path.resolve(d.file.fileName)) : undefined;
      const text = ts.flattenDiagnosticMessageText(d.messageText, " ");
      problems.push(`${where ?? "typescript"}: ${text}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(targets) {
  if (targets.length === 0) {
    console.error("usage: node validate.mjs PATH...");
    return 2;
  }
  const problems = [];
  const typed = [];
  let count = 0;
  for (const file of targets.flatMap(yamlFiles)) {
    for (const doc of readDocuments(file, problems)) {
      count++;
      if (await validateSchema(doc, problems)) {
        typed.push(doc);
      }
    }
  }
  checkKnownFields(typed, problems);

  if (count === 0) {
    problems.push(`no Kubernetes documents found under ${targets.join(", ")}`);
  }
  problems.forEach((p) => console.log(`INVALID ${p}`));
  console.log(`${count} documents checked, ${problems.length} problems`);
  return problems.length === 0 ? 0 : 1;
}

process.exitCode = await main(process.argv.slice(2));
