// Reads, checks and sums plan files away from the page's thread, with the
// app's own WebAssembly (compiled by the page already): the page stays
// responsive and tells how far the work got. A module worker, started by
// loader.js; it asks for nothing but the app's own files.
//
// Its first message says what to start and how many files will come; the
// files follow in batches ({from, files}). Sixteen are read at a time (the
// browser reads them off this thread), and each is checked as it arrives.
const names = [];
const waiting = [];
let reading = 0;
let limit = Infinity;
let sum = null;
let total = 0;
let done = 0;
let told = 0;

const failed = (e) => postMessage({ failed: String(e) });

const add = (k, bytes) => {
  sum.addBytes(k, names[k].name, names[k].size, bytes ? new Uint8Array(bytes) : undefined);
  done++;
  // the page hears how far it got ten times a second, whatever the number of files
  if (done === total || performance.now() - told >= 100) {
    told = performance.now();
    postMessage({ read: done, total });
  }
  if (done === total) postMessage({ done: sum.finish() });
};

const read = async () => {
  reading++;
  try {
    while (waiting.length) {
      const [k, file] = waiting.shift();
      let bytes = null;
      // a file too large to read at all is handed over unread
      if (file.size <= limit) {
        try { bytes = await file.arrayBuffer(); } catch { bytes = null; }
      }
      add(k, bytes);
    }
  } catch (e) {
    failed(e);
  }
  reading--;
};

const readMore = () => {
  while (sum && reading < 16 && reading < waiting.length) read();
};

onmessage = async ({ data }) => {
  if (data.files) {
    data.files.forEach((file, i) => {
      names[data.from + i] = { name: file.name, size: file.size };
      waiting.push([data.from + i, file]);
    });
    return readMore();
  }
  try {
    ({ total, limit } = data);
    const app = await import(data.glue);
    await app.default({ module_or_path: data.wasm });
    sum = new app.SumFiles();
    if (total === 0) postMessage({ done: sum.finish() });
    readMore();
  } catch (e) {
    failed(e);
  }
};
