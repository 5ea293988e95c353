// Chinese texts added with the audit fixes of the counter pages (unreachable server, expired session, a person's
// own share on their statement, refunds linked to their settlement, the initial password shown once …). Merged
// over counter.zh.ts.
export const counterFixesZh = {
  gongji: {
    errors: {
      network: '无法连接服务器，请检查网络或稍后重试',
      unavailable: '服务器暂时无法处理请求，请稍后重试',
      unauthenticated: '登录已过期，请重新登录',
      relogin: '重新登录',
      retry: '重试',
    },
    persons: {
      no_transactions: '暂无交易记录',
    },
    transactions: {
      date_range_inverted: '起始日期晚于截止日期，没有符合条件的交易。请调整日期范围。',
      self: '本人',
      counterpart: '患者/付款人',
      whole_amount: '交易金额',
      own_amount: '本人账户变动',
      reversals: '退费与撤销',
      reversals_none: '无',
      cancelled_whole: '已撤销（全额 %{amount} 已原路退回）',
    },
    person_form: {
      initial_password_title: '初始支付密码',
      initial_password_label: '%{name} 的初始支付密码（6 位数字）：',
      initial_password_sms: '同一密码已通过短信发送至 %{phone}。',
      draft_restored: '已恢复登录过期前填写但未保存的内容，请核对后保存。',
      draft_discard: '清空',
      name_required: '请填写姓名，姓名不能清空',
      phone_not_removable: '手机号不能删除，只能更换为新的号码',
    },
    wallet_actions: {
      activate: '确认使用钱包',
      change: '变更使用地',
      activate_title: '确认使用医保钱包',
      activate_help:
        '参保人确认使用医保钱包：选择使用地并绑定手机号（R-WAL-5）。已确认后变更使用地，仅限允许变更的省份（R-WAL-2）。',
      usage_region: '使用地（统筹区代码）',
      usage_region_hint: '6 位统筹区代码，该地须已开通医保钱包（R-WAL-3）',
      phone: '绑定手机号',
      activated: '医保钱包已确认使用',
      transfer: '钱包转账',
      transfer_title: '医保钱包转账',
      transfer_help:
        '从 %{name} 的账户转入近亲属的医保钱包（R-WAL-3~6）。双方所在地须已开通钱包，收款人须为近亲属并已确认使用钱包。',
      recipient_id_number: '收款人身份证号',
      amount: '转账金额（元）',
      source: '资金来源',
      source_EARMARKED: '本人个人账户',
      source_WALLET: '本人医保钱包余额',
      verification: '身份核验方式',
      verification_FACE: '人脸识别',
      verification_CODE_PASSWORD: '医保码密码',
      transferred: '转账成功，金额 %{amount}',
    },
    settle: {
      patient_is_their: '患者为其%{relation}',
      account_locked:
        '该参保人连续输错支付密码，个人账户支付已锁定（R-ACC-7）：需从个人账户支付的结算将被拒绝。请先在“支付密码”处解锁。',
    },
    policy: {
      timeline_forbidden: '当前角色无权查看政策版本时间线（仅限管理员和数据分析人员）',
    },
  },
};
