// @vitest-environment node
import { unwrap } from 'idb';
import { describe, expect, it } from 'vitest';
import { freshStore } from './testing/fresh-store';
import { fragments, rawDump } from './testing/raw-dump';
import { accountDraft, botChain, profileDraft, SECRETS, userChain } from './testing/samples';

const leaks = (dump: string, secret: string) => fragments(secret).filter((fragment) => dump.includes(fragment));

describe('a raw dump of the database', () => {
  it('holds no client secret and no token, nor any part of one', async () => {
    const store = await freshStore('dumped');
    await store.profiles.put(profileDraft);
    await store.chains.saveLinked(accountDraft, [botChain, userChain]);
    await store.chains.replace(
      { ...botChain, accessToken: `${SECRETS.botAccess}2`, refreshToken: `${SECRETS.botRefresh}2` },
      1,
    );
    store.db.close();

    const dump = await rawDump('dumped');
    // The dump does see the records: clear metadata and the sealed blobs are there.
    expect(dump).toContain('Acme');
    expect(dump).toContain('sealedSecret');
    expect(dump).toContain('sealedTokens');
    expect(dump).toContain('CryptoKey');
    for (const secret of Object.values(SECRETS)) expect(leaks(dump, secret)).toEqual([]);
  });

  it('would catch a token stored in clear as bytes (control)', async () => {
    const store = await freshStore('control');
    const utf16 = Uint16Array.from(SECRETS.userAccess, (char) => char.charCodeAt(0));
    // Written around the record types: the control only needs bytes somewhere in the database.
    const history = unwrap(store.db).transaction('history', 'readwrite').objectStore('history');
    history.put({ id: 'utf8', pad: new TextEncoder().encode(`pad ${SECRETS.botAccess}`) });
    history.put({ id: 'utf16', nested: [utf16.buffer] });
    await new Promise((resolve) => (history.transaction.oncomplete = resolve));
    store.db.close();
    const dump = await rawDump('control');
    expect(leaks(dump, SECRETS.botAccess)).not.toEqual([]);
    expect(leaks(dump, SECRETS.userAccess)).not.toEqual([]);
    expect(leaks(dump, SECRETS.userRefresh)).toEqual([]);
  });
});
