import type { UiHandlers } from '../../messages';
import type { HandlerContext } from '../../storage/context';
import { readSettings, writeSettings } from '../../storage/settings';

export function settingsHandlers({
  db,
}: HandlerContext): UiHandlers<'ui→bg:get-settings' | 'ui→bg:save-settings'> {
  return {
    'ui→bg:get-settings': () => readSettings(db),
    'ui→bg:save-settings': (message) => writeSettings(db, message.settings),
  };
}
