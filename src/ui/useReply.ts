import { useCallback, useEffect, useState } from 'preact/hooks';
import type { UiToBg } from '../messages';
import { ask, type Reply } from './client';
import { dataVersion } from './refresh';

/**
 * Asks the service worker once per change of `message` (compared by value) and whenever the CM's data
 * changed as a whole (refresh.ts); `reload` asks again.
 */
export function useReply<M extends UiToBg>(message: M) {
  const [reply, setReply] = useState<Reply<M['type']> | null>(null);
  const [failed, setFailed] = useState(false);
  const key = JSON.stringify(message);
  const version = dataVersion.value;
  // Keyed on the serialised message: a new object with the same content must not ask again.
  const reload = useCallback(() => {
    ask(message).then(
      (next) => {
        setReply(next);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, [key, version]);
  useEffect(reload, [reload]);
  return { reply, failed, reload };
}
