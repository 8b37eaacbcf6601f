/** Page addresses of the policy, benefit and message screens (one place, since pages link across features). */
export const POLICIES_TAB = '/pages/policies/index';
export const POLICY_DETAIL_PAGE = '/pages/policy-detail/index';
export const BENEFITS_PAGE = '/pages/benefits/index';
export const BENEFIT_DETAIL_PAGE = '/pages/benefit-detail/index';
// Rarely used enterprise pages live in the policy-tools subpackage.
export const CALCULATOR_PAGE = '/policy-tools/pages/calculator/index';
export const MESSAGE_PAGE = '/policy-tools/pages/message/index';
export const MY_MESSAGES_PAGE = '/policy-tools/pages/messages/index';
// Staff subpackage.
export const STAFF_POLICIES_PAGE = '/staff/pages/policies/index';
export const STAFF_POLICY_EDIT_PAGE = '/staff/pages/policy-edit/index';
export const STAFF_IMPORT_PAGE = '/staff/pages/import/index';
export const STAFF_BENEFITS_PAGE = '/staff/pages/benefits/index';
export const STAFF_INBOX_PAGE = '/staff/pages/inbox/index';
