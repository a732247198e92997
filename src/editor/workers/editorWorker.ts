// A one-line wrapper so Vite bundles Monaco's editor worker the same way in dev and build
// (importing the package file with ?worker directly breaks under dependency pre-bundling).
import 'monaco-editor/editor/editor.worker';
