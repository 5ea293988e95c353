import { AdminPage } from './AdminPage';

export class DashboardPage extends AdminPage {
  async open(): Promise<void> {
    await this.page.goto(this.url('/'));
    await this.waitForSummary();
  }

  async waitForSummary(): Promise<void> {
    await this.page.getByTestId('stat-regions-open').waitFor();
    await this.page.getByTestId('province-rollout-table').waitFor();
  }

  async regionsOpen(): Promise<number> {
    const text = await this.page.getByTestId('stat-regions-open').locator('p.MuiTypography-h4').innerText();
    return Number(text.trim());
  }

  async provincesOpen(): Promise<number> {
    const text = await this.page.getByTestId('stat-provinces-open').locator('p.MuiTypography-h4').innerText();
    return Number(text.trim());
  }

  provinceRows() {
    return this.page.getByTestId('province-rollout-table').locator('tbody tr');
  }

  async setDate(isoDate: string): Promise<void> {
    await this.page.getByTestId('summary-on').fill(isoDate);
    await this.settle();
  }
}
