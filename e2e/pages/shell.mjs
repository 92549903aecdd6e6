// The shell as a planner sees it: header, language switch, empty state.
export class Shell {
  constructor(page) {
    this.page = page;
    this.name = page.locator(".brand-name");
    this.subtitle = page.locator(".brand-subtitle");
    this.emptyTitle = page.locator("#empty-title");
    this.version = page.locator(".site-footer .version");
  }

  async open() {
    await this.page.goto("/");
    await this.name.waitFor();
  }

  language(code) {
    return this.page.locator(`.lang-choice[lang=${code}]`);
  }

  async switchTo(code) {
    await this.language(code).click();
  }
}
