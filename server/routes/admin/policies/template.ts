import { POLICY_IMPORT_COLUMNS, POLICY_KINDS, POLICY_LEVELS, POLICY_METHODS } from '../../../../types/policy';
import { importTemplate } from '../../../lib/import/template';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EXAMPLE: Record<(typeof POLICY_IMPORT_COLUMNS)[number], string> = {
  政策名称: '小微企业吸纳就业社保补贴',
  发文部门: '区人社局',
  层级: '区',
  类型: '奖补',
  标签: '社保、就业、中小微',
  摘要: '小微企业新招用高校毕业生并缴纳社会保险的，按实际缴费给予社保补贴，系统比对后直接拨付。',
  正文: '对本区小型、微型企业新招用离校2年内高校毕业生，签订1年以上劳动合同并缴纳社会保险费的，给予社会保险补贴。',
  文号: '茗人社〔2024〕6号',
  金额: '每人每月最高800元',
  开始日期: '2024-03-01',
  结束日期: '2026-12-31',
  兑现方式: '免申即享',
  联系方式: '区人社局就业促进股 0591-83261105',
};

const NOTES: [(typeof POLICY_IMPORT_COLUMNS)[number], '必填' | '选填', string][] = [
  ['政策名称', '必填', '不超过100字。文号与政策名称都相同的行视为已导入，再次导入时跳过'],
  ['发文部门', '必填', '部门全称，如“区人社局”；部门工作人员只能导入本部门的政策'],
  ['层级', '必填', POLICY_LEVELS.join('、')],
  ['类型', '必填', POLICY_KINDS.join('、')],
  ['标签', '选填', '多个标签用“、”或“,”分隔，如“社保、就业、中小微”；每个不超过20字'],
  ['摘要', '必填', '不超过500字，显示在政策列表中'],
  ['正文', '必填', '政策正文或解读'],
  ['文号', '必填', '依据文件文号，如“茗人社〔2024〕6号”'],
  ['金额', '选填', '金额或计算方式'],
  ['开始日期', '必填', '格式 YYYY-MM-DD，如 2026-01-01；也可为 Excel 日期单元格'],
  ['结束日期', '选填', '格式同上；长期有效请留空；不能早于开始日期'],
  ['兑现方式', '必填', POLICY_METHODS.join('、')],
  ['联系方式', '选填', '咨询科室与电话'],
];

/** The policy import template: the columns in order with one example row, and a 说明 sheet. */
export function policyTemplate(): Promise<Buffer> {
  return importTemplate({
    sheet: '政策',
    columns: POLICY_IMPORT_COLUMNS,
    example: EXAMPLE,
    wide: ['正文', '摘要'],
    text: ['开始日期', '结束日期'],
    notes: NOTES,
    tip: '请在“政策”工作表中填写，从第2行开始（可删除示例行）。任意一行有误时整份文件都不会导入，请按返回的行号和列名修改后重新上传。导入的政策为草稿，发布后企业才能看到。也可另存为 CSV UTF-8 上传。',
  });
}
