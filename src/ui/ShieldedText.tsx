import { t } from './i18n';
import { isShielded, reveal } from './shield';

/**
 * A comment's words as the page shows them: blurred and out of the screen reader's way until the CM
 * chooses to read them; "Show" reveals the comment in every tab and page at once.
 */
export function ShieldedText({
  commentKey,
  shielded,
  text,
  onRevealed,
}: {
  commentKey: string;
  shielded: boolean;
  text: string;
  onRevealed?: () => void;
}) {
  const hidden = isShielded(commentKey, shielded);
  return (
    <div class="excerpt">
      <p class={hidden ? 'comment-text shielded' : 'comment-text'} aria-hidden={hidden}>
        {text}
      </p>
      {hidden && (
        <button type="button" class="show" onClick={() => reveal(commentKey).then(onRevealed, onRevealed)}>
          {t('badgeShow')}
        </button>
      )}
    </div>
  );
}
