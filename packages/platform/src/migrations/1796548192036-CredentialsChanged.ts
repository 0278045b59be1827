import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Every update or deletion of a user, a session or an API key tells every gateway instance, on
 * commit, through the pub/sub channel (`civicline_pubsub`, topic `platform.credentials_changed`,
 * PgPubSub's message shape), so that what they cached about it is dropped at once: logout,
 * deactivation, a role, unit or password change, a revoked key — also when done by hand in SQL.
 */
export class CredentialsChanged1796548192036 implements MigrationInterface {
  name = "CredentialsChanged1796548192036";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION platform_credentials_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('civicline_pubsub', json_build_object('key', 'platform.credentials_changed', 'value',
          CASE TG_TABLE_NAME
            WHEN 'platform_user' THEN json_build_object('userId', to_jsonb(OLD) ->> 'id')
            WHEN 'platform_session' THEN json_build_object('sessionId', to_jsonb(OLD) ->> 'token_hash')
            ELSE json_build_object('apiKeyHash', to_jsonb(OLD) ->> 'key_hash')
          END)::text);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER platform_user_credentials_changed AFTER UPDATE ON "platform_user" FOR EACH ROW
      WHEN (OLD.active IS DISTINCT FROM NEW.active OR OLD.roles IS DISTINCT FROM NEW.roles OR OLD.unit_id IS DISTINCT FROM NEW.unit_id
            OR OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.password_hash IS DISTINCT FROM NEW.password_hash)
      EXECUTE FUNCTION platform_credentials_changed()`);
    await queryRunner.query(`CREATE TRIGGER platform_user_credentials_deleted AFTER DELETE ON "platform_user" FOR EACH ROW EXECUTE FUNCTION platform_credentials_changed()`);
    await queryRunner.query(`CREATE TRIGGER platform_session_credentials_changed AFTER UPDATE OR DELETE ON "platform_session" FOR EACH ROW EXECUTE FUNCTION platform_credentials_changed()`);
    await queryRunner.query(`CREATE TRIGGER platform_api_key_credentials_changed AFTER UPDATE OR DELETE ON "platform_api_key" FOR EACH ROW EXECUTE FUNCTION platform_credentials_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER platform_api_key_credentials_changed ON "platform_api_key"`);
    await queryRunner.query(`DROP TRIGGER platform_session_credentials_changed ON "platform_session"`);
    await queryRunner.query(`DROP TRIGGER platform_user_credentials_deleted ON "platform_user"`);
    await queryRunner.query(`DROP TRIGGER platform_user_credentials_changed ON "platform_user"`);
    await queryRunner.query(`DROP FUNCTION platform_credentials_changed()`);
  }
}
