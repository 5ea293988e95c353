import { explanationDisplay } from '../explanationLine';

describe('explanation lines in the console (API.md: messages follow Accept-Language)', () => {
  const zhLine = {
    rule: 'R-SET-1',
    message: '门诊：在职职工年度起付线1800.00 元，…统筹基金支付200.00 元的50%，即100.00 元',
  };
  const enLine = {
    rule: 'R-SET-1',
    message: 'in service: deductible 1800.00 per year, … fund pays 50% of 200.00 = 100.00',
  };

  it('R-SET-1 the Chinese console shows the Chinese line the API rendered, the rule title as tooltip', () => {
    expect(explanationDisplay(zhLine, 'zh', '适用的规则')).toEqual({
      text: zhLine.message,
      title: expect.any(String),
    });
  });

  it('R-SET-1 the English console shows the English line as it is', () => {
    expect(explanationDisplay(enLine, 'en', 'Rule applied')).toEqual({
      text: enLine.message,
      title: undefined,
    });
  });

  it('a line stored before the API had Chinese texts: the Chinese console names the rule, English as tooltip', () => {
    const shown = explanationDisplay(enLine, 'zh', '适用的规则');
    expect(shown.title).toBe(enLine.message);
    expect(shown.text).toMatch(/[\u4e00-\u9fff]/);
    expect(explanationDisplay({ rule: 'R-NONE-1', message: 'x' }, 'zh', '适用的规则').text).toBe(
      '适用的规则',
    );
  });
});
