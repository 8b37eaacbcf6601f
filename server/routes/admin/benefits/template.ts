import { importTemplate } from '../../../lib/import/template';
import { BENEFIT_IMPORT_COLUMNS } from './import';

const { doc, title, uscc, name, amount } = BENEFIT_IMPORT_COLUMNS;
const COLUMNS = [doc, title, uscc, name, amount] as const;

/** The 兑现名单 template: a department lists the enterprises a 免申即享 policy grants, one row each. */
export function benefitTemplate(): Promise<Buffer> {
  return importTemplate({
    sheet: '兑现名单',
    columns: COLUMNS,
    example: { [doc]: '茗人社〔2024〕6号', [title]: '小微企业吸纳就业社保补贴', [uscc]: '914403001922038216', [name]: '示例科技有限公司', [amount]: '12000' },
    wide: [title, name],
    // 18 characters stay text: Excel would round them as a number.
    text: [doc, uscc],
    notes: [
      [doc, '选填', '政策的依据文件文号；与“政策名称”至少填一项，两项都填时须为同一条已发布的政策'],
      [title, '选填', '政策名称，与系统中已发布的政策一致'],
      [uscc, '必填', '18位统一社会信用代码，可含小写字母或空格，导入时自动规范'],
      [name, '必填', '企业全称，须与该信用代码登记的名称一致'],
      [amount, '必填', '拟兑现金额，单位元，最多两位小数，如 12000 或 1,200.50'],
    ],
    tip: '请在“兑现名单”工作表中填写，从第2行开始（可删除示例行）。任意一行有误时整份名单都不会导入，请按返回的行号和列名修改后重新上传；已绑定的企业再次导入不会重复。企业档案不符合政策条件的行照常绑定，并在结果中提示。也可另存为 CSV UTF-8 上传。',
  });
}
