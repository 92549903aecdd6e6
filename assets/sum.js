// Checks and sums plan files away from the page's thread, with the app's
// own WebAssembly (in the browser's cache already), while a second worker
// (read.js) reads them: the page stays responsive and tells how far the
// work got. A module worker, started by loader.js; it asks for nothing but
// the app's own files.
onmessage = async ({ data: { glue, wasm, reader, limit, files } }) => {
  const total = files.length;
  const read = new Worker(reader);
  const stop = (message) => { read.terminate(); postMessage(message); };
  try {
    // the reading starts at once; the bytes wait in line while the WebAssembly starts
    const arrived = [];
    let take = null;
    read.onmessage = ({ data }) => (take ? take(data) : arrived.push(data));
    read.onerror = (e) => stop({ failed: e.message || "reader" });
    read.postMessage({ files, limit });
    const app = await import(glue);
    await app.default({ module_or_path: wasm });
    const sum = new app.SumFiles();
    let done = 0;
    let told = 0;
    await new Promise((resolve) => {
      take = ({ k, bytes }) => {
        sum.addBytes(k, files[k].name, files[k].size, bytes ? new Uint8Array(bytes) : undefined);
        done++;
        // about a hundred steps, whatever the number of files
        if (done === total || done - told >= Math.max(1, total / 100)) {
          told = done;
          postMessage({ read: done, total });
        }
        if (done === total) resolve();
      };
      arrived.splice(0).forEach(take);
      if (total === 0) resolve();
    });
    stop({ done: sum.finish() });
  } catch (e) {
    stop({ failed: String(e) });
  }
};
