import type { UiHandlers } from '../../messages';
import type { HandlerContext } from '../../storage/context';
import { changeSavedReplies, readSavedReplies } from '../../storage/saved-replies';
import { readSettings, saveSettings } from '../../storage/settings';

export function settingsHandlers({
  db,
}: HandlerContext): UiHandlers<
  'ui→bg:get-settings' | 'ui→bg:save-settings' | 'ui→bg:saved-replies' | 'ui→bg:change-replies'
> {
  return {
    'ui→bg:get-settings': () => readSettings(db),
    'ui→bg:save-settings': (message) => saveSettings(db, message.settings, message.base),
    'ui→bg:saved-replies': () => readSavedReplies(db),
    'ui→bg:change-replies': (message) => changeSavedReplies(db, message.change),
  };
}
