// Runs a user action and always comes back with something to show: the engine's result, or the
// exception's message when the engine throws (a button must never fail silently).
import type { ActionResult, UserAction } from '../../engine';

export function runAction(act: (action: UserAction) => ActionResult, action: UserAction): ActionResult {
  try {
    return act(action);
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
