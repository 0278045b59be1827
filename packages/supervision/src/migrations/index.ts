/** The supervision module's migrations, oldest first (generated list). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const supervisionMigrations: Function[] = [];
