// The `kinship-scopes` resource (政策设置, R-KIN-1): history list and create form.
import { AdminPage } from './AdminPage';

export class KinshipScopePage extends AdminPage {
  async openList(): Promise<void> {
    await this.page.goto(this.url('/kinship-scopes'));
    await this.page.locator('input[name="regionCode"]').first().waitFor();
    await this.settle();
  }

  async openCreate(): Promise<void> {
    await this.page.goto(this.url('/kinship-scopes/create'));
    await this.page.locator('form input[name="effectiveFrom"]').waitFor();
    await this.settle();
  }

  menuItem(name: string) {
    return this.page.getByRole('menuitem', { name });
  }

  async setRegionCode(code: string): Promise<void> {
    await this.page.locator('form input[name="regionCode"]').fill(code);
  }

  /** MUI select: open it, then pick the option by its (translated) label. */
  async selectPurpose(label: string): Promise<void> {
    await this.page.locator('.ra-input-purpose [role="combobox"]').click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await this.page.getByRole('listbox').waitFor({ state: 'detached' });
  }

  async checkRelations(labels: readonly string[]): Promise<void> {
    for (const label of labels) {
      await this.page
        .locator('.ra-input-relations')
        .getByRole('checkbox', { name: label, exact: true })
        .check();
    }
  }

  async setEffectiveFrom(isoDate: string): Promise<void> {
    const input = this.page.locator('form input[name="effectiveFrom"]');
    await input.fill(isoDate);
    await input.blur();
  }

  async setReason(text: string): Promise<void> {
    await this.page.locator('form textarea[name="reason"]').first().fill(text);
  }

  async save(): Promise<void> {
    await this.page.locator('form button[type="submit"]').click();
  }

  /** The helper text under a form field: the hint, or the server's error once there is one. */
  fieldHelperText(field: string) {
    return this.page.locator(`form .ra-input-${field} .MuiFormHelperText-root`);
  }

  rows() {
    return this.page.locator('.RaDatagrid-table tbody tr');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }
}
