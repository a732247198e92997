// The keyboard shortcuts, shown on `?` (or the toolbar's ? button): a teacher at a projector
// drives the app from the keyboard and needs to find out how without reading docs.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** [keys, translation key of what they do], in the order a lesson uses them. */
export const SHORTCUTS: readonly (readonly [string, string])[] = [
  ['Space', 'help.playPause'],
  ['← / →', 'help.step'],
  ['Home / End', 'help.startEnd'],
  ['1 – 8', 'help.views'],
  ['Ctrl/⌘ + Enter', 'help.apply'],
  ['Shift + F10', 'help.menu'],
  ['?', 'help.toggle'],
  ['Esc', 'help.close'],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const closeButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    closeButton.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <div className="help-backdrop" onClick={onClose} data-testid="shortcuts-help">
      <div className="help-dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">{t('help.title')}</h2>
        <table>
          <tbody>
            {SHORTCUTS.map(([keys, what]) => (
              <tr key={what}>
                <td>
                  <kbd>{keys}</kbd>
                </td>
                <td>{t(what)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <button ref={closeButton} onClick={onClose} data-testid="shortcuts-close">
          {t('help.close')}
        </button>
      </div>
    </div>
  );
}
