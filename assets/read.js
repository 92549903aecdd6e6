// Reads the files to be summed as bytes and hands each to the worker that
// checks them (assets/sum.js), so that reading one file and checking
// another go side by side. A file too large to read at all is handed over unread.
onmessage = async ({ data: { files, limit } }) => {
  let next = 0;
  const reader = async () => {
    while (next < files.length) {
      const k = next++;
      let bytes = null;
      if (files[k].size <= limit) {
        try { bytes = await files[k].arrayBuffer(); } catch { bytes = null; }
      }
      postMessage({ k, bytes }, bytes ? [bytes] : []);
    }
  };
  await Promise.all(Array.from({ length: Math.min(16, files.length) }, reader));
};
