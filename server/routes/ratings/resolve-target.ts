import type { RatingTarget } from '../../../types/satisfaction';
import type { AppConfig } from '../../config';
import { HttpError } from '../../lib/http-error';
import type { Repositories } from '../../repositories';

export interface ResolvedTarget {
  kind: RatingTarget['kind'];
  targetId: number;
  stage: string;
  /** Who answers for it: the project's department, the named one, or the delivery-handling one. */
  departmentId: number;
  projectId: number | null;
}

/** Checks that this enterprise may rate the thing, and finds the department responsible for it. */
export async function resolveTarget(repos: Repositories, target: RatingTarget, enterpriseId: number, config: AppConfig): Promise<ResolvedTarget> {
  if (target.kind === 'project') {
    const project = await repos.ratings.findProject(target.projectId);
    // Someone else's project is answered like a missing one: its existence is not ours to reveal.
    if (!project || project.enterprise_id !== enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该项目', 'target.projectId');
    const stages = JSON.parse(project.stages) as string[];
    const stage = target.stage.trim();
    if (stages.length > 0 && !stages.includes(stage)) {
      throw new HttpError(400, 'VALIDATION', `阶段应为 ${stages.join('、')} 之一`, 'target.stage');
    }
    return { kind: 'project', targetId: project.id, stage, departmentId: project.department_id, projectId: project.id };
  }
  if (target.kind === 'department') {
    const department = await repos.ratings.findDepartment(target.departmentId);
    if (!department) throw new HttpError(404, 'NOT_FOUND', '未找到该部门', 'target.departmentId');
    return { kind: 'department', targetId: department.id, stage: target.stage?.trim() ?? '', departmentId: department.id, projectId: null };
  }
  const delivery = await repos.ratings.findDelivery(target.deliveryId);
  if (!delivery || delivery.enterprise_id !== enterpriseId) throw new HttpError(404, 'NOT_FOUND', '未找到该递送记录', 'target.deliveryId');
  if (delivery.status !== 'delivered') throw new HttpError(409, 'NOT_RATABLE', '证照送达后才能评价', 'target.deliveryId');
  const handler = await repos.ratings.departmentByName(config.deliveryDepartment);
  if (!handler) throw new HttpError(409, 'NOT_RATABLE', `未找到递送经办部门“${config.deliveryDepartment}”，请联系管理员`);
  return { kind: 'delivery', targetId: delivery.id, stage: '', departmentId: handler.id, projectId: null };
}
