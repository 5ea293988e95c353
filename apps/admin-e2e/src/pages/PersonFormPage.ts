// The person registration and edit pages (personRegister / personUpdate) and the relatives tables' actions.
import type { Locator } from 'playwright-core';
import { AdminPage } from './AdminPage';

export class PersonFormPage extends AdminPage {
  async openCreateFromList(): Promise<void> {
    await this.page.goto(this.url('/persons'));
    await this.page.getByTestId('person-create-button').click();
    await this.page.waitForURL(/#\/persons\/create/);
    await this.input('name').waitFor();
    await this.settle();
  }

  input(name: string): Locator {
    return this.page.getByTestId(`input-${name}`);
  }

  async fill(name: string, value: string): Promise<void> {
    await this.input(name).fill(value);
  }

  /** The live check under the ID-number input: the birth date read from it, or why it is not valid. */
  idNumberCheck(): Locator {
    return this.page.getByTestId('id-number-check');
  }

  /** The helper text under a form input: the server's refusal once there is one. */
  helperText(name: string): Locator {
    return this.page
      .locator('.MuiFormControl-root')
      .filter({ has: this.input(name) })
      .locator('.MuiFormHelperText-root');
  }

  async choose(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label).first().click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async pickRegion(label: string, typed: string, option: RegExp): Promise<void> {
    const input = this.page.getByLabel(label).first();
    await input.click();
    await input.fill(typed);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  async check(label: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).check();
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存' }).click();
  }
}
