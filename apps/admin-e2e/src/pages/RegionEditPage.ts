import { AdminPage } from './AdminPage';

export class RegionEditPage extends AdminPage {
  async open(code: string): Promise<void> {
    await this.page.goto(this.url(`/regions/${code}`));
    await this.page.locator('input[name="mutualAidUseFrom"]').waitFor();
    await this.settle();
  }

  async reload(): Promise<void> {
    await this.page.reload();
    await this.page.locator('input[name="mutualAidUseFrom"]').waitFor();
    await this.settle();
  }

  dateInput(field: string) {
    return this.page.locator(`input[name="${field}"]`);
  }

  async setDate(field: string, isoDate: string): Promise<void> {
    const input = this.dateInput(field);
    await input.fill(isoDate);
    await input.blur();
  }

  async setReason(text: string): Promise<void> {
    await this.page.locator('textarea[name="reason"]').first().fill(text);
  }

  /** The helper text under a field: the hint, or the validation error once there is one. */
  fieldHelperText(field: string) {
    return this.page.locator(`.ra-input-${field} .MuiFormHelperText-root`);
  }

  async save(): Promise<void> {
    await this.page.locator('form button[type="submit"]').click();
  }

  previewPanel() {
    return this.page.getByTestId('rollout-preview');
  }

  /** The 全域 switch: offered on provinces only (issue #10). */
  fullCoverageSwitch() {
    return this.page.locator('input[name="walletFullCoverage"]');
  }
}
