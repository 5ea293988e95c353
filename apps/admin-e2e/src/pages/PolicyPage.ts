// The policy staff pages of issue #10: the policy in force and the audit trail.
import { AdminPage } from './AdminPage';

export class PolicyInForcePage extends AdminPage {
  async open(regionCode: string, on: string): Promise<void> {
    await this.page.goto(this.url(`/policy-in-force?region=${regionCode}&on=${on}`));
    await this.page.getByTestId('policy-kinship').waitFor();
    await this.page.getByTestId('timeline-DEFAULT').first().waitFor();
    await this.settle();
  }

  heading() {
    return this.page.getByTestId('policy-in-force').locator('h5');
  }

  /** The source chip (本地区 / 所属省份 / 全国默认) of a purpose's kinship scope. */
  scopeSource(purpose: string) {
    return this.page.getByTestId(`policy-scope-source-${purpose}`);
  }

  scopeRow(purpose: string) {
    return this.page.getByTestId(`policy-scope-${purpose}`);
  }

  featureRow(feature: string) {
    return this.page.getByTestId(`policy-feature-${feature}`);
  }

  timelineRows(tier: 'DEFAULT' | 'NATIONAL' | 'PROVINCE' | 'REGION') {
    return this.page.getByTestId(`timeline-${tier}`);
  }
}

export class AuditLogPage extends AdminPage {
  async open(filter: Record<string, string> = {}): Promise<void> {
    await this.page.goto(this.url(`/audit-log?filter=${encodeURIComponent(JSON.stringify(filter))}`));
    await this.rows().first().waitFor();
    await this.settle();
  }

  rows() {
    return this.page.locator('.RaDatagrid-table tbody tr.RaDatagrid-row');
  }

  row(text: string) {
    return this.rows().filter({ hasText: text });
  }

  /** Expands a row to show its before/after table. */
  async expand(text: string) {
    await this.row(text).first().click();
    return this.page.getByTestId('audit-diff').first();
  }
}

export class BenefitSchedulePage extends AdminPage {
  async open(): Promise<void> {
    await this.page.goto(this.url('/benefit-schedules'));
    await this.page.getByTestId('calc-fund').waitFor();
    await this.settle();
  }

  async setEffectiveFrom(isoDate: string): Promise<void> {
    await this.page.getByTestId('benefit-schedules').locator('input[type="date"]').fill(isoDate);
    await this.settle();
  }

  async setInServiceRate(percent: string): Promise<void> {
    await this.page.getByTestId('rate-inService').fill(percent);
  }

  fund() {
    return this.page.getByTestId('calc-fund');
  }

  personal() {
    return this.page.getByTestId('calc-personal');
  }

  async saveSchedule(reason: string): Promise<void> {
    await this.page.getByTestId('benefit-schedules').locator('textarea').first().fill(reason);
    await this.page.getByTestId('schedule-save').click();
    await this.page.getByTestId('schedule-outcome').waitFor();
  }

  outcome() {
    return this.page.getByTestId('schedule-outcome');
  }
}
