import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

/** One object of a rendered overlay, loosely typed: tests read what they check. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: any;
  [field: string]: any;
}

/** kubectl from KUBECTL or the PATH; .ci/run installs it on a machine without one. */
export function findKubectl(): string {
  const candidates = [process.env.KUBECTL, ...(process.env.PATH ?? '').split(delimiter).map((d) => join(d, 'kubectl'))];
  const found = candidates.find((c): c is string => Boolean(c) && existsSync(c!));
  if (!found) {
    throw new Error(
      'kubectl is not installed: `bash .ci/run` installs it (see its kubectl step), or set KUBECTL to a kubectl 1.27+ binary.',
    );
  }
  return found;
}

/** `kubectl kustomize deploy/kubernetes/overlays/<overlay>`, parsed into objects. */
export function renderOverlay(kubectl: string, overlay: string): KubeObject[] {
  const yamlText = execFileSync(kubectl, ['kustomize', join(ROOT, 'deploy/kubernetes/overlays', overlay)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return parseAllDocuments(yamlText).map((doc) => {
    if (doc.errors.length > 0) throw new Error(`${overlay}: ${doc.errors.map((e) => e.message).join('; ')}`);
    return doc.toJSON() as KubeObject;
  });
}

interface Validatable {
  validate(): void;
}
type ModelModule = Record<string, (new (data: unknown) => Validatable) | undefined>;

/** Where the model classes (with their JSON schemas) of an apiVersion live, offline. */
function modelModulePath(apiVersion: string): string {
  if (apiVersion === 'v1') return 'kubernetes-models/v1';
  const [group, version] = apiVersion.split('/');
  if (group === 'keda.sh') return `@kubernetes-models/keda/keda.sh/${version}`;
  if (group === 'monitoring.coreos.com') return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/${version}`;
  return `kubernetes-models/${group}/${version}`;
}

/**
 * Validates an object against the schema of its kind: Kubernetes' OpenAPI schemas, KEDA's and
 * prometheus-operator's CRD schemas. Throws with the object's name and the schema's complaint.
 */
export async function validateAgainstSchema(obj: KubeObject): Promise<void> {
  const where = `${obj.kind} ${obj.metadata?.name} (${obj.apiVersion})`;
  let mod: ModelModule;
  try {
    mod = (await import(modelModulePath(obj.apiVersion))) as ModelModule;
  } catch {
    throw new Error(`${where}: no schema package for this apiVersion`);
  }
  const Model = mod[obj.kind];
  if (!Model) throw new Error(`${where}: no schema for this kind`);
  // kustomize folds long base64 values over lines; the API server's base64 decoder skips line breaks
  const data = obj.kind === 'Secret' && obj.data ? Object.fromEntries(Object.entries(obj.data as Record<string, string>).map(([k, v]) => [k, v.replace(/\s/g, '')])) : undefined;
  try {
    new Model(data ? { ...obj, data } : obj).validate();
  } catch (err) {
    throw new Error(`${where}: ${(err as Error).message}`);
  }
}
