import type { UiHandlers } from '../../shared/messages';
import { readSettings, writeSettings } from '../../storage/settings';
import type { HandlerContext } from './context';

export function settingsHandlers({
  db,
}: HandlerContext): UiHandlers<'ui→bg:get-settings' | 'ui→bg:save-settings'> {
  return {
    'ui→bg:get-settings': () => readSettings(db),
    'ui→bg:save-settings': (message) => writeSettings(db, message.settings),
  };
}
