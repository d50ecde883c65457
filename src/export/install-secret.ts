/**
 * The per-install secret that keys study pseudonyms together with the researcher's study key. Pure: the
 * caller gives the place it lives in (it must stay on the device: not in backups, not in exports).
 */
import { base64ToBytes, bytesToBase64 } from './base64';

export const INSTALL_SECRET_BYTES = 32;

/** Where the secret is kept, as base64 text. */
export interface InstallSecretStore {
  read(): Promise<string | null | undefined>;
  write(secretBase64: string): Promise<void>;
}

const VALID = /^[A-Za-z0-9+/]{43}=$/;

/** The stored secret, or a new random one stored first (a damaged value is replaced). */
export async function loadOrCreateInstallSecret(store: InstallSecretStore): Promise<Uint8Array<ArrayBuffer>> {
  const stored = await store.read();
  if (typeof stored === 'string' && VALID.test(stored)) return base64ToBytes(stored);
  const secret = crypto.getRandomValues(new Uint8Array(INSTALL_SECRET_BYTES));
  await store.write(bytesToBase64(secret));
  return secret;
}
