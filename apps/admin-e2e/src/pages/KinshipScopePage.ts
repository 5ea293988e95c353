// The `kinship-scopes` resource (政策设置, R-KIN-1): history list and create form.
import { AdminPage } from './AdminPage';

export class KinshipScopePage extends AdminPage {
  private reason = '';

  async openList(): Promise<void> {
    await this.page.goto(this.url('/kinship-scopes'));
    await this.regionInput().waitFor();
    await this.settle();
  }

  /** The region is an autocomplete over `regions` (issue #10), in the form and in the list filter. */
  regionInput() {
    return this.page.locator('.ra-input-regionCode input, [data-source="regionCode"] input').first();
  }

  async openCreate(): Promise<void> {
    await this.page.goto(this.url('/kinship-scopes/create'));
    await this.page.locator('form input[name="effectiveFrom"]').waitFor();
    await this.settle();
  }

  menuItem(name: string) {
    return this.page.getByRole('menuitem', { name });
  }

  /** Types a name or code into the region search and picks the option that shows `code`. */
  async setRegionCode(code: string, search: string = code): Promise<void> {
    const input = this.regionInput();
    await input.click();
    // Typed like a person (the autocomplete searches the server as the text changes), not pasted.
    await input.fill('');
    await input.pressSequentially(search, { delay: 50 });
    await this.page.getByRole('option').filter({ hasText: code }).first().click();
    await this.page
      .getByRole('listbox')
      .waitFor({ state: 'detached' })
      .catch(() => undefined);
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

  /** The reason is asked for in the confirmation dialog that saving opens (issue #10). */
  async setReason(text: string): Promise<void> {
    this.reason = text;
  }

  /** Save → confirmation dialog (impact repeated, reason required) → confirm. */
  async save(): Promise<void> {
    await this.openConfirmation();
    await this.page.getByTestId('scope-confirm-reason').fill(this.reason);
    await this.page.getByTestId('scope-confirm').click();
  }

  async openConfirmation(): Promise<void> {
    await this.page.getByTestId('scope-save').click();
    await this.page.getByTestId('scope-confirm-reason').waitFor();
  }

  /** The server-counted impact shown beside the form (and repeated in the dialog). */
  impactCount() {
    return this.page.getByTestId('impact-panel').getByTestId('impact-count');
  }

  saveError() {
    return this.page.getByTestId('scope-save-error');
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
