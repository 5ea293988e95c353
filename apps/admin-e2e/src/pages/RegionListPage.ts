import { AdminPage } from './AdminPage';

export class RegionListPage extends AdminPage {
  async open(): Promise<void> {
    await this.page.goto(this.url('/regions'));
    await this.waitForRows();
  }

  async waitForRows(): Promise<void> {
    await this.page.locator('.RaDatagrid-table tbody tr').first().waitFor();
    await this.settle();
  }

  /** The pager's "1-25 / 共 N 条" text. */
  async pageRangeText(): Promise<string> {
    return this.page.locator('.MuiTablePagination-displayedRows').first().innerText();
  }

  async search(text: string): Promise<void> {
    await this.page.locator('input[name="q"]').first().fill(text);
    // The search input is debounced; the URL carries the filter once react-admin applied it.
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes(text));
    // Then the grid re-renders with the matches only: wait until no row lacks the text.
    await this.page
      .locator('.RaDatagrid-table tbody tr')
      .filter({ hasNotText: text })
      .first()
      .waitFor({ state: 'detached' });
    await this.waitForRows();
  }

  row(name: string) {
    return this.page.locator('.RaDatagrid-table tbody tr').filter({ hasText: name });
  }

  columnHeaders() {
    return this.page.locator('.RaDatagrid-table thead th');
  }
}
