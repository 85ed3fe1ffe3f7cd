import {
  type DraftStorageKeys,
  forgetUserDrafts,
  formDraftKey,
  readFormDraft,
  writeFormDraft,
} from '../../../web/src/tickets/live-draft';

// «Cerrar sesión» leaves nothing the user typed in the tab (a shared computer's next person must
// not find it in the tab's storage); other users' drafts and other keys stay.

function memoryStorage(): DraftStorageKeys & { keys(): string[] } {
  const map = new Map<string, string>();
  return {
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, v),
    removeItem: (k) => void map.delete(k),
    keys: () => [...map.keys()].sort(),
  };
}

describe('drafts forgotten on «Cerrar sesión»', () => {
  it('removes every draft of the user in the tab, and only theirs', () => {
    const storage = memoryStorage();
    const draft = { fields: { body: 'Texto a medio escribir' }, at: 1 };
    writeFormDraft(storage, formDraftKey('ana', 'L3-2026-000001', 'comment'), draft);
    writeFormDraft(storage, formDraftKey('ana', 'L3-2026-000002', 'action.requestInfo'), draft);
    writeFormDraft(storage, formDraftKey('beto', 'L3-2026-000001', 'comment'), draft);
    storage.setItem('sla.language', 'es-MX');

    expect(forgetUserDrafts(storage, 'ana')).toBe(2);
    expect(
      readFormDraft(storage, formDraftKey('ana', 'L3-2026-000001', 'comment')),
    ).toBeUndefined();
    expect(storage.keys()).toEqual([
      formDraftKey('beto', 'L3-2026-000001', 'comment'),
      'sla.language',
    ]);
    // Nothing left to forget; no storage at all is no error.
    expect(forgetUserDrafts(storage, 'ana')).toBe(0);
    expect(forgetUserDrafts(undefined, 'ana')).toBe(0);
  });
});
