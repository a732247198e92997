// The manifest editor: Monaco with YAML schema validation, engine diagnostics as markers,
// Ctrl/Cmd+Enter to apply, and the selected object's lines highlighted.
import { useEffect, useRef } from 'react';
import type * as Monaco from 'monaco-editor/editor';
import { setupMonaco } from './monacoSetup';
import type { Diagnostic } from '../engine';

export interface YamlEditorProps {
  value: string;
  onChange: (text: string) => void;
  onApply: () => void;
  diagnostics: readonly Diagnostic[];
  highlight?: { startLine: number; endLine: number };
  onCursorLine?: (line: number) => void;
  theme: 'light' | 'dark';
}

const OWNER = 'kubeglass';

export default function YamlEditor(props: YamlEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<Monaco.editor.IStandaloneCodeEditor | null>(null);
  const monacoRef = useRef<typeof Monaco | null>(null);
  const decorations = useRef<Monaco.editor.IEditorDecorationsCollection | null>(null);
  const latest = useRef(props);
  latest.current = props;

  useEffect(() => {
    let disposed = false;
    void setupMonaco().then((monaco) => {
      if (disposed || !host.current) return;
      monacoRef.current = monaco;
      const model = monaco.editor.createModel(latest.current.value, 'yaml', monaco.Uri.parse('file:///manifest.yaml'));
      const editor = monaco.editor.create(host.current, {
        model,
        automaticLayout: true,
        minimap: { enabled: false },
        fontSize: 15,
        lineHeight: 22,
        tabSize: 2,
        scrollBeyondLastLine: false,
        // Monaco's EditContext input drops spaces typed by automation (and some IMEs).
        editContext: false,
        theme: latest.current.theme === 'dark' ? 'vs-dark' : 'vs',
        renderValidationDecorations: 'on',
        fixedOverflowWidgets: true,
      });
      editorRef.current = editor;
      decorations.current = editor.createDecorationsCollection();
      editor.onDidChangeModelContent(() => latest.current.onChange(editor.getValue()));
      editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => latest.current.onApply());
      editor.onDidChangeCursorPosition((e: Monaco.editor.ICursorPositionChangedEvent) => latest.current.onCursorLine?.(e.position.lineNumber));
      applyMarkers(monaco, model, latest.current.diagnostics);
      (window as unknown as { __kubeglassEditor?: unknown }).__kubeglassEditor = editor;
    });
    return () => {
      disposed = true;
      editorRef.current?.getModel()?.dispose();
      editorRef.current?.dispose();
      editorRef.current = null;
    };
  }, []);

  // External text changes (a sample inserted, a scene loaded) replace the buffer as one undoable edit.
  useEffect(() => {
    const editor = editorRef.current;
    const model = editor?.getModel();
    if (!editor || !model || model.getValue() === props.value) return;
    editor.pushUndoStop();
    editor.executeEdits('kubeglass', [{ range: model.getFullModelRange(), text: props.value }]);
    editor.pushUndoStop();
  }, [props.value]);

  useEffect(() => {
    const monaco = monacoRef.current;
    const model = editorRef.current?.getModel();
    if (monaco && model) applyMarkers(monaco, model, props.diagnostics);
  }, [props.diagnostics]);

  useEffect(() => {
    monacoRef.current?.editor.setTheme(props.theme === 'dark' ? 'vs-dark' : 'vs');
  }, [props.theme]);

  useEffect(() => {
    const editor = editorRef.current;
    const monaco = monacoRef.current;
    if (!editor || !monaco || !decorations.current) return;
    if (!props.highlight) {
      decorations.current.clear();
      return;
    }
    const { startLine, endLine } = props.highlight;
    decorations.current.set([{ range: new monaco.Range(startLine, 1, endLine, 1), options: { isWholeLine: true, className: 'editor-highlight' } }]);
    editor.revealLinesInCenterIfOutsideViewport(startLine, endLine);
  }, [props.highlight]);

  return <div ref={host} className="yaml-editor" data-testid="editor" />;
}

function applyMarkers(monaco: typeof Monaco, model: Monaco.editor.ITextModel, diagnostics: readonly Diagnostic[]) {
  const severity = { error: monaco.MarkerSeverity.Error, warning: monaco.MarkerSeverity.Warning, info: monaco.MarkerSeverity.Info };
  const lines = model.getLineCount();
  monaco.editor.setModelMarkers(
    model,
    OWNER,
    diagnostics.map((d) => {
      const line = Math.min(Math.max(1, d.line), lines);
      return {
        severity: severity[d.severity],
        message: d.message,
        source: 'kubeglass',
        startLineNumber: line,
        startColumn: Math.max(1, d.column),
        endLineNumber: Math.min(d.endLine ?? line, lines),
        endColumn: d.endColumn ?? model.getLineMaxColumn(line),
      };
    }),
  );
}
