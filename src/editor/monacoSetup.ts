// Monaco, loaded lazily (this module is only reached through a dynamic import), with the YAML
// language and monaco-yaml's schema validation, completion and hover.
import * as monaco from 'monaco-editor/editor';
import 'monaco-editor/features/register.all';
import 'monaco-editor/languages/definitions/yaml/register';
import { configureMonacoYaml } from 'monaco-yaml';
import EditorWorker from './workers/editorWorker?worker';
import YamlWorker from './workers/yamlWorker?worker';
import { loadSchemas } from './schemas';

let ready: Promise<typeof monaco> | undefined;

export function setupMonaco(): Promise<typeof monaco> {
  ready ??= init();
  return ready;
}

async function init(): Promise<typeof monaco> {
  const makeWorker = (label: string): Worker => (label === 'yaml' ? new YamlWorker() : new EditorWorker());
  (self as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
    getWorker: (_moduleId: string, label: string) => makeWorker(label),
  };
  patchCreateWebWorker(makeWorker);
  configureMonacoYaml(monaco, {
    enableSchemaRequest: false,
    validate: true,
    completion: true,
    hover: true,
    schemas: await loadSchemas(),
  });
  return monaco;
}

// monaco-editor >= 0.53 creates workers from a `worker` option, while monaco-yaml 5 still
// passes {label, createData} (monaco-yaml issue #272): without this, validation silently never
// runs. The worker side (monaco-worker-manager) takes its first message as a start signal and
// its second as createData, so we post both before Monaco's own messages.
function patchCreateWebWorker(makeWorker: (label: string) => Worker): void {
  const editorApi = monaco.editor as unknown as { createWebWorker: (opts: Record<string, unknown>) => unknown };
  const original = editorApi.createWebWorker.bind(monaco.editor);
  editorApi.createWebWorker = (opts) => {
    if ('worker' in opts) return original(opts);
    const worker = makeWorker(String(opts.label ?? ''));
    worker.postMessage('start');
    worker.postMessage(opts.createData);
    return original({ worker, host: opts.host, keepIdleModels: opts.keepIdleModels });
  };
}
