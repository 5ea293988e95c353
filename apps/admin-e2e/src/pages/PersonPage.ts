// Counter pages: the person search and the person page with its dialogs (issue #10).
import type { Locator } from 'playwright-core';
import { AdminPage } from './AdminPage';

export class PersonPage extends AdminPage {
  async openSearch(): Promise<void> {
    await this.page.goto(this.url('/persons'));
    await this.page.locator('input[name="q"]').waitFor();
    await this.settle();
  }

  /** Types an ID number or a name into the one search box and waits until every row shows `rowText`. */
  async search(text: string, rowText: string): Promise<void> {
    await this.page.locator('input[name="q"]').fill(text);
    await this.page.waitForFunction((expected) => {
      const rows = [...document.querySelectorAll('tbody tr')];
      return rows.length > 0 && rows.every((row) => (row as HTMLElement).innerText.includes(expected));
    }, rowText);
    await this.settle();
  }

  async openRow(name: string): Promise<void> {
    // A row re-rendered by the search's last response can swallow a click: retry until the page opens.
    for (let attempt = 0; ; attempt += 1) {
      await this.page.locator('tbody tr').filter({ hasText: name }).first().click();
      try {
        await this.page.waitForURL(/\/show$/, { timeout: 3000 });
        break;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await this.page.getByTestId('person-identity').waitFor();
    await this.settle();
  }

  async openById(id: string): Promise<void> {
    await this.page.goto(this.url(`/persons/${id}/show`));
    await this.page.getByTestId('person-identity').waitFor();
    await this.settle();
  }

  dialog(testId: string): Locator {
    return this.page.getByTestId(testId);
  }

  async openDialog(testId: string): Promise<Locator> {
    await this.page.getByTestId(`${testId}-button`).click();
    const dialog = this.dialog(testId);
    await dialog.getByRole('dialog').waitFor();
    return dialog;
  }

  async fill(dialog: Locator, name: string, value: string): Promise<void> {
    await dialog.getByTestId(`input-${name}`).fill(value);
  }

  /** Picks an option of a select input of a dialog by its visible label. */
  async choose(dialog: Locator, label: string, option: string): Promise<void> {
    await dialog.getByLabel(label).first().click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async confirm(dialog: Locator): Promise<void> {
    await dialog.locator('[data-testid$="-confirm"]').click();
  }

  /** The helper text under a dialog input: the server's refusal once there is one. */
  helperText(dialog: Locator, name: string): Locator {
    return dialog
      .locator('.MuiFormControl-root')
      .filter({ has: this.page.getByTestId(`input-${name}`) })
      .locator('.MuiFormHelperText-root');
  }

  fundingSourceRows(): Locator {
    return this.page.getByTestId('person-funding-sources').getByTestId('funding-source-row');
  }

  cardState(): Locator {
    return this.page.getByTestId('card-state');
  }
}
