// Chinese texts of registering and editing a person and of revoking/reordering mutual-aid relations (counter).
export const personFormsZh = {
  gongji: {
    person_form: {
      create_title: '登记参保人员',
      edit_title: '修改参保人员信息：%{name}',
      id_format: '身份证号应为 18 位：17 位数字加 1 位数字或 X（R-ACC-2）',
      id_check_digit: '不是有效的身份证号：末位校验码不符，请核对是否输错（R-ACC-2）',
      id_birth_date: '不是有效的身份证号：其中的出生日期不存在或晚于今天（R-ACC-2）',
      id_province: '不是有效的身份证号：前两位不是省级行政区划代码（R-ACC-2）',
      birth_date_read: '身份证号中的出生日期：%{date}',
      id_hint: '18 位居民身份证号，末位可为 X',
      phone_hint: '大陆手机号，用于接收初始支付密码短信',
      employment_hint: '职工医保参保人必填',
      region_hint: '输入统筹区名称或代码搜索',
      bank_card_unknown: '当前状态页面无法读取；不选择表示不修改',
      registered: '参保人员已登记',
      registered_sms: '参保人员已登记；初始支付密码已通过短信发送至 %{phone}',
      registered_no_sms: '参保人员已登记；未签发初始支付密码短信（无个人账户或未填写手机号）',
      updated: '参保人员信息已更新',
      edit: '修改信息',
    },
    persons: {
      actions: '操作',
      revoke: '撤销',
      revoke_title: '撤销家庭共济关系',
      revoke_help: '撤销后，%{beneficiary} 不能再使用 %{provider} 的个人账户支付，备案记录保留。',
      revoke_reason: '撤销原因（必填，写入审计日志）',
      relation_revoked: '共济关系已撤销',
      revoked_on: '已于 %{date} 撤销',
      move_up_title: '上移共济资金来源',
      move_down_title: '下移共济资金来源',
      reorder_help: '将 %{provider} 在 %{beneficiary} 的共济资金使用顺序中%{direction}一位。',
      up: '上移',
      down: '下移',
      reorder_reason: '调整原因（必填，写入审计日志）',
    },
  },
  resources: {
    persons: {
      fields: {
        bankCardLinked: '存折已绑定银行卡',
        reason: '办理原因（写入审计日志）',
      },
    },
  },
};
