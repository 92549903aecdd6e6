// The plan editor as a planner sees it: the toolbar, the table of indicators,
// the detail panel and the summary.
import { readFileSync } from "node:fs";

export class Editor {
  constructor(page) {
    this.page = page;
    this.table = page.locator("table.indicator-table");
    this.detail = page.locator("aside.detail");
  }

  async startBlank() {
    await this.page.getByRole("button", { name: "Tạo kế hoạch trống" }).click();
    await this.page.locator(".toolbar").waitFor();
  }

  async startSample() {
    await this.page.locator("[data-action=start-sample]").click();
    await this.table.waitFor();
  }

  /** Adds an indicator of a kind (the value of the kind list) and names it in the detail panel. */
  async addIndicator(kind, code, name) {
    await this.page.getByRole("button", { name: "+ Thêm chỉ tiêu" }).click();
    await this.detail.waitFor();
    await this.detail.locator("select[name=kind]").selectOption(kind);
    await this.detail.getByLabel("Mã", { exact: true }).fill(code);
    await this.detail.getByLabel("Tên (tiếng Việt)").fill(name);
    await this.detail.getByRole("button", { name: "Đóng" }).click();
  }

  /** Sets the date the figures are counted to ("Số liệu tính đến ngày"), dd/mm/yyyy. */
  async setAsOf(text) {
    const field = this.page.getByLabel("Số liệu tính đến ngày");
    await field.fill(text);
    await field.press("Tab");
  }

  /** Opens an indicator's detail panel by its code. */
  async openDetail(code) {
    await this.row(code).locator(".name-button").click();
    await this.detail.waitFor();
  }

  /** Runs an action from the toolbar's "Thêm" menu. */
  async more(name) {
    const toggle = this.page.getByRole("button", { name: "Thêm thao tác" });
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await this.page.locator("#more-actions").getByRole("button", { name, exact: true }).click();
  }

  /** Looks for indicators with the table's own search box, as a planner does in a long plan
   * (rows far from the screen are drawn only when scrolled to). */
  async find(text) {
    await this.page.getByRole("searchbox", { name: /^Tìm chỉ tiêu/ }).fill(text);
  }

  row(code) {
    return this.page.locator(`tr[data-code="${code}"]`);
  }

  cell(code, column) {
    return this.row(code).locator(`input[data-col=${column}]`);
  }

  /** Types into a figure cell key by key, as a planner does, then leaves it with Tab. */
  async type(code, column, text) {
    const cell = this.cell(code, column);
    await cell.click();
    await cell.press("Control+a");
    await cell.pressSequentially(text);
    await cell.press("Tab");
  }

  status(code) {
    return this.row(code).locator(".status");
  }

  gap(code) {
    return this.row(code).locator(".col-gap");
  }

  tile(status) {
    return this.page.locator(`.tile[data-status=${status}] .tile-number`);
  }

  /** Exports the plan as a planner does; the file's suggested name and its text. */
  async exportJson() {
    const download = this.page.waitForEvent("download");
    await this.more("Xuất tệp JSON");
    const d = await download;
    return { name: d.suggestedFilename(), text: readFileSync(await d.path(), "utf8") };
  }

  /** Waits until the toolbar says the plan on screen is what storage holds. */
  async waitSaved() {
    await this.page.locator(".save-state[data-state=saved]").waitFor();
  }

  /** Back to the start screen and its list of stored plans. */
  async backToPlans() {
    await this.page.getByRole("button", { name: "Danh sách kế hoạch" }).click();
    await this.page.locator("#empty-title").waitFor();
  }
}
