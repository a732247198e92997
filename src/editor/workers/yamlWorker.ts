// See editorWorker.ts: the same wrapper for monaco-yaml's language worker.
import 'monaco-yaml/yaml.worker.js';
