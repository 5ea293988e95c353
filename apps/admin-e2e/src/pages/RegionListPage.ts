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

  rows() {
    return this.page.locator('.RaDatagrid-table tbody tr');
  }

  row(name: string) {
    return this.page.locator('.RaDatagrid-table tbody tr').filter({ hasText: name });
  }

  columnHeaders() {
    return this.page.locator('.RaDatagrid-table thead th');
  }

  /** One click on a province of the sidebar narrows the list to its rows (the province's own row included). */
  async filterProvince(name: string): Promise<void> {
    await this.page.getByTestId('province-sidebar').getByText(name).first().click();
    await this.page.waitForURL((url) => decodeURIComponent(url.hash).includes('provinceCode'));
    // Then the grid re-renders with that province's rows only.
    await this.rows().filter({ hasNotText: name }).first().waitFor({ state: 'detached' });
    await this.waitForRows();
  }

  sidebarItem(name: string) {
    return this.page.getByTestId('province-sidebar').locator('li').filter({ hasText: name }).first();
  }

  async select(name: string): Promise<void> {
    await this.row(name).first().locator('input[type="checkbox"]').check();
  }

  /** Bulk rollout (issue #10): feature WALLET by default, a date, a reason; returns when the results are shown. */
  async bulkRollout(date: string, reason: string): Promise<void> {
    await this.page.getByTestId('bulk-rollout-button').click();
    await this.page.getByTestId('bulk-date').fill(date);
    await this.page.getByTestId('bulk-reason').fill(reason);
    await this.page.getByTestId('bulk-confirm').click();
    await this.page.getByTestId('bulk-results').waitFor();
  }

  /** Opens the bulk dialog without running it (the selected regions are named in it). */
  async openBulk(): Promise<void> {
    await this.page.getByTestId('bulk-rollout-button').click();
    await this.page.getByTestId('bulk-selected').waitFor();
  }

  /** Leaves the bulk dialog before running it. */
  async cancelBulk(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '取消' }).click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }

  bulkSelected() {
    return this.page.getByTestId('bulk-selected');
  }

  bulkReason() {
    return this.page.getByTestId('bulk-reason');
  }

  bulkDate() {
    return this.page.getByTestId('bulk-date');
  }

  bulkResult(code: string) {
    return this.page.getByTestId(`bulk-result-${code}`);
  }

  async closeBulk(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button').last().click();
    await this.page.getByRole('dialog').waitFor({ state: 'detached' });
  }
}
