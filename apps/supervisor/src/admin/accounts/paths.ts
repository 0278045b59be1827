/** The accounts admin's paths in the supervisor app. */
export const ACCOUNTS_PATH = "admin/accounts";
