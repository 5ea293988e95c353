// Chinese texts of the institution pages (定点医药机构).
export const institutionsZh = {
  gongji: {
    institutions: {
      kinds: { HOSPITAL: '定点医疗机构', PHARMACY: '定点零售药店' },
      levels: { TERTIARY: '三级', SECONDARY: '二级', PRIMARY: '一级', OTHER: '其他（药店、未定级）' },
      designated_yes: '定点',
      designated_no: '非定点',
      code_hint: '国家医保机构编码：H（医疗机构）或 P（药店）+ 6 位行政区划 + 5 位顺序号，如 H11010100001',
      code_invalid: '编码格式应为 H 或 P 加 11 位数字，如 H11010100001',
      code_kind_mismatch: '医疗机构的编码以 H 开头，药店的编码以 P 开头',
      name_too_long: '名称不超过 128 个字符',
      pharmacy_level: '药店的等级只能是“其他”',
      level_hint: '药店的等级为“其他”',
      region_hint: '所在统筹区编码，如 110000',
      designated_hint: '非定点机构不能结算（R-USE-1）',
      open_to_all_hint: '中医、专科或甲类医院：无需参保人选定即可使用（R-USE-1）',
      accepts_wallet_hint: '可用医保钱包支付（R-WAL-7）',
      reason_hint: '写入审计日志（可不填）',
    },
  },
  resources: {
    institutions: {
      name: '定点医药机构 |||| 定点医药机构',
      fields: {
        q: '搜索名称或编码',
        id: '机构 ID（绑定接口客户端时使用）',
        code: '机构编码',
        name: '名称',
        kind: '类型',
        level: '等级',
        regionCode: '统筹区编码',
        designated: '定点',
        openToAll: '无需选定',
        acceptsWallet: '支持医保钱包',
        reason: '办理原因',
      },
    },
  },
};
