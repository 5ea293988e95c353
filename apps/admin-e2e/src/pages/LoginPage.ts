import { AdminPage } from './AdminPage';

export class LoginPage extends AdminPage {
  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/admin/`);
    await this.page.locator('input[name="username"]').waitFor();
  }

  submitButton() {
    return this.page.locator('button[type="submit"]');
  }

  async signIn(username: string, password: string): Promise<void> {
    await this.page.locator('input[name="username"]').fill(username);
    await this.page.locator('input[name="password"]').fill(password);
    await this.submitButton().click();
    await this.page.locator('input[name="password"]').waitFor({ state: 'detached' });
  }
}
