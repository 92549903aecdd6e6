// What the browser holds for chitieu, read from inside the page as any
// script of the site could: IndexedDB's plan store, and the plans an
// earlier chitieu kept in local storage.

/** The stored plan files by id, the list's entries by id, the number of versions kept, and the files
 * collected against each plan (their texts as stored) by the plan's id. */
export async function stored(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("chitieu");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["plans", "list", "versions", "collections"], "readonly");
          const all = (name) =>
            new Promise((ok) => {
              const store = tx.objectStore(name);
              const keys = store.getAllKeys();
              const values = store.getAll();
              values.onsuccess = () => ok(keys.result.map((k, i) => [k, values.result[i]]));
            });
          Promise.all([all("plans"), all("list"), all("versions"), all("collections")]).then(([plans, list, versions, collections]) => {
            db.close();
            resolve({
              plans: Object.fromEntries(plans),
              list: Object.fromEntries(list.map(([k, v]) => [k, JSON.parse(v)])),
              versions: versions.length,
              collections: Object.fromEntries(collections.map(([k, v]) => [k, JSON.parse(v)])),
            });
          });
        };
      }),
  );
}

/** The list's entries by id (titles, sizes, revisions), without reading the plans. */
export async function storedList(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("chitieu");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction("list", "readonly").objectStore("list");
          const keys = store.getAllKeys();
          const values = store.getAll();
          values.onsuccess = () => {
            db.close();
            resolve(Object.fromEntries(keys.result.map((k, i) => [k, JSON.parse(values.result[i])])));
          };
        };
      }),
  );
}
