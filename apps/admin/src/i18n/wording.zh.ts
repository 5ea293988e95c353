// Chinese wording fixes: react-admin's Chinese pack (spaces, ASCII question mark), tab titles, singular relation
// names, money typed into forms, and hints that must say what the form really requires.
import { TERMS } from '@gongji/domain';

/** Relation names where one relative is shown, from libs/domain's term catalogue. */
const relationOne = Object.fromEntries(Object.entries(TERMS.relation).map(([k, v]) => [k, v.zh]));

export const wordingZh = {
  ra: {
    page: {
      list: '%{name}列表',
      empty: '暂无%{name}',
      invite: '要新建吗？',
      create: '新建%{name}',
    },
  },
  gongji: {
    page_title: '%{page} · 共济',
    relation_one: relationOne,
    money_input: {
      required: '请填写金额',
      negative: '金额不能为负数',
      decimals: '金额最多两位小数（分）',
      invalid: '请以元为单位填写金额，例如 1800.00',
      fix_fields: '有金额填写有误，请按标红的提示修改后再保存',
    },
    schedules: {
      reason_hint: '写入审计日志；生效日期早于今天时必填',
      check_figures: '请检查试算金额（以元为单位，最多两位小数）',
      fix_schedule_first: '待遇标准中有金额填写有误，改正后即可试算',
    },
    kinship_scopes: { reason_hint: '必填，写入审计日志，例如依据的文件文号' },
  },
};
