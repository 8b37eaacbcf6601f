import { Type, type Static } from '@sinclair/typebox';
import { Id } from './common';

/** An enterprise's key project (重点项目) as a visit picks it: the department that serves it and its rating stages. */
export const KeyProject = Type.Object({
  id: Id,
  name: Type.String(),
  department: Type.Object({ id: Id, name: Type.String() }),
  /** In order; empty when the project has no fixed stages (then any stage text is accepted). */
  stages: Type.Array(Type.String()),
});
export type KeyProject = Static<typeof KeyProject>;

export const KeyProjectList = Type.Object({ items: Type.Array(KeyProject) });
export type KeyProjectList = Static<typeof KeyProjectList>;

export const KeyProjectQuery = Type.Object({ enterpriseId: Id }, { additionalProperties: false });
export type KeyProjectQuery = Static<typeof KeyProjectQuery>;
