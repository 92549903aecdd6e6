// The peer the benchmark measures chitieu against: the same generated plan
// (read from localStorage, key "peer.plan") in jspreadsheet-ce, an open-source
// web spreadsheet, with the formulas a planner would write for the selected
// year: target, actual, percent, gap, achievement and status. Cell B1 holds
// the selected year's position (1–6); changing it switches the year.
(function () {
  const file = JSON.parse(localStorage.getItem("peer.plan"));
  const plan = file.plan;
  const years = [];
  for (let y = plan.period.start; y <= plan.period.end; y++) years.push(String(y));
  const value = (f) => (f == null ? "" : typeof f === "number" ? f : f.denominator ? (f.numerator * 100) / f.denominator : "");
  const col = (i) => String.fromCharCode(65 + i); // columns A..Z are enough here
  // A code, B name, C baseline, D..I targets, J..O actuals, P target, Q actual, R gap, S achievement, T status
  const data = [["Năm chọn", 2, "", ...years.map((y) => "T" + y), ...years.map((y) => "A" + y), "Mục tiêu", "Thực hiện", "Khoảng cách", "Mức đạt", "Trạng thái"]];
  plan.indicators.forEach((ind, k) => {
    const r = k + 2;
    const targets = years.map((y) => value((ind.targets.find((t) => t.period === y) || {}).figure));
    const actuals = years.map((y) => value((ind.actuals.find((a) => a.period === y) || {}).figure));
    const choose = (from) => `=CHOOSE($B$1,${years.map((_, i) => col(from + i) + r).join(",")})`;
    data.push([
      ind.code, ind.name.vi, value(ind.baseline && ind.baseline.figure), ...targets, ...actuals,
      choose(3), choose(3 + years.length),
      `=MAX(0,P${r}-Q${r})`, `=IF(P${r}=0,"",ROUND(Q${r}/P${r}*100,1))`, `=IF(Q${r}="","Chưa có số liệu",IF(Q${r}>=P${r},"Đạt","Chậm"))`,
    ]);
  });
  window.peer = jspreadsheet(document.getElementById("sheet"), {
    worksheets: [{ data, minDimensions: [20, data.length], lazyLoading: false, tableOverflow: false, columns: data[0].map(() => ({ width: 90 })) }],
  })[0];
  window.peerReady = true;
})();
