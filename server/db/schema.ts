import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Row shapes of the database. Instants are ISO-8601 UTC text, dates 'YYYY-MM-DD' text,
 * booleans integer 0/1 and arrays/objects JSON text, so SQLite and PostgreSQL behave alike.
 */
export interface Database {
  departments: DepartmentsTable;
  users: UsersTable;
  sessions: SessionsTable;
  enterprises: EnterprisesTable;
  projects: ProjectsTable;
  policies: PoliciesTable;
  idempotency_keys: IdempotencyKeysTable;
  audit_log: AuditLogTable;
}

export interface DepartmentsTable {
  id: Generated<number>;
  name: string;
  code: string;
  created_at: string;
}

export interface UsersTable {
  id: Generated<number>;
  openid: string | null;
  username: string | null;
  password_hash: string | null;
  role: 'enterprise' | 'visitor' | 'staff' | 'admin';
  display_name: string;
  department_id: number | null;
  phone_enc: string | null;
  phone_masked: string | null;
  enterprise_id: number | null;
  failed_logins: ColumnType<number, number | undefined, number>;
  locked_until: string | null;
  created_at: string;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface EnterprisesTable {
  id: Generated<number>;
  uscc: string;
  name: string;
  industry: string;
  scale: string;
  district: string;
  /** JSON array of strings. */
  qualifications: string;
  registered_on: string | null;
  created_at: string;
}

export interface ProjectsTable {
  id: Generated<number>;
  name: string;
  department_id: number;
  enterprise_id: number;
  /** JSON array of stage names. */
  stages: string;
  created_at: string;
}

export interface PoliciesTable {
  id: Generated<number>;
  title: string;
  department_id: number;
  level: string;
  kind: string;
  /** JSON array of strings. */
  tags: string;
  summary: string;
  body: string;
  basis_doc: string;
  amount: string;
  valid_from: string;
  valid_to: string | null;
  method: string;
  contact: string;
  status: string;
  /** JSON array of PolicyCondition. */
  conditions: string;
  published_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface IdempotencyKeysTable {
  id: Generated<number>;
  scope: string;
  key: string;
  request_hash: string;
  status: 'in_flight' | 'done';
  status_code: number | null;
  /** JSON text of the response body. */
  response_body: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_user_id: number | null;
  action: string;
  target: string;
  /** JSON object with non-personal details. */
  detail: string | null;
  at: string;
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type EnterpriseRow = Selectable<EnterprisesTable>;
export type PolicyRow = Selectable<PoliciesTable>;
export type DbDialect = 'sqlite' | 'postgres';
