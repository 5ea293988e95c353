// Shared navigation of the react-admin console (hash router under /admin/).
import type { Page } from 'playwright-core';

export class AdminPage {
  constructor(
    protected readonly page: Page,
    protected readonly baseUrl: string,
  ) {}

  protected url(route: string): string {
    return `${this.baseUrl}/admin/#${route}`;
  }

  /** Waits until react-admin has no request in flight (its loading indicator in the app bar is gone). */
  async settle(): Promise<void> {
    await this.page.waitForLoadState('networkidle');
    await this.page
      .locator('[data-testid="loading"], .RaLoadingIndicator-loader')
      .first()
      .waitFor({ state: 'hidden' })
      .catch(() => undefined);
  }

  async screenshot(file: string): Promise<void> {
    await this.page.screenshot({ path: file, fullPage: true });
  }

  /** The language switcher of the app bar (react-admin's LocalesMenuButton). */
  async switchLanguage(currentName: string, targetName: string): Promise<void> {
    // react-admin renders it with an empty aria-label, so find it by its visible text in the app bar.
    await this.page.locator('header button').filter({ hasText: currentName }).click();
    await this.page.getByRole('menuitem', { name: targetName }).click();
  }

  async notification(text: string | RegExp): Promise<void> {
    await this.page.getByRole('alert').filter({ hasText: text }).first().waitFor({ state: 'visible' });
  }
}
