import type { MigrationInterface, QueryRunner } from "typeorm";

/**
 * Integrators (named API clients) owning API keys with scopes, rotation (expiry after an overlap),
 * revocation and a per-key rate limit; per-key usage (the current minute's count and last use);
 * outbound webhooks with their durable delivery queue and attempt log. Existing keys become one
 * integrator each (same id, so the tickets they created stay theirs) with every scope.
 */
export class IntegratorKeysAndWebhooks1796555412265 implements MigrationInterface {
  name = "IntegratorKeysAndWebhooks1796555412265";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "platform_integrator" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_fba2f8d05dc37a17e7a09da4500" UNIQUE ("name"), CONSTRAINT "PK_00688afb393c8d9a1da2168d06f" PRIMARY KEY ("id"))`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "integrator_id" uuid`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "scopes" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "key_prefix" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "rate_limit_per_minute" integer NOT NULL DEFAULT 600`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "revoked_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ADD "replaces_key_id" uuid`);
    await queryRunner.query(`INSERT INTO "platform_integrator" ("id", "name", "created_at") SELECT DISTINCT ON ("name") "id", "name", "created_at" FROM "platform_api_key" ORDER BY "name", "created_at"`);
    await queryRunner.query(`UPDATE "platform_api_key" k SET "integrator_id" = i."id", "scopes" = '{telephony,open311,tickets:write,tickets:read,webhooks}' FROM "platform_integrator" i WHERE i."name" = k."name"`);
    await queryRunner.query(`ALTER TABLE "platform_api_key" ALTER COLUMN "integrator_id" SET NOT NULL`);
    await queryRunner.query(`CREATE INDEX "platform_api_key_integrator_idx" ON "platform_api_key" ("integrator_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "platform_api_key_usage" ("key_id" uuid NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "count" integer NOT NULL, "last_used_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_9eca05a9087736903f8fbca6dff" PRIMARY KEY ("key_id"))`);
    await queryRunner.query(`CREATE TABLE "platform_webhook" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "integrator_id" uuid NOT NULL, "url" text NOT NULL, "events" text array NOT NULL, "signing_secret" text NOT NULL, "allow_private_network" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d43b958ed7fe1fcb9a543598cef" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "platform_webhook_integrator_idx" ON "platform_webhook" ("integrator_id") `);
    await queryRunner.query(`CREATE TABLE "platform_webhook_delivery" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "webhook_id" uuid NOT NULL, "event_id" text NOT NULL, "event_type" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'pending', "attempts" integer NOT NULL DEFAULT '0', "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "locked_until" TIMESTAMP WITH TIME ZONE, "give_up_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_status_code" integer, "last_latency_ms" integer, "last_response_excerpt" text, "last_error" text, "last_attempt_at" TIMESTAMP WITH TIME ZONE, "delivered_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "platform_webhook_delivery_event_uq" UNIQUE ("webhook_id", "event_id"), CONSTRAINT "PK_f899b30174c4f7c3efa4a21ec7d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "platform_webhook_delivery_due_idx" ON "platform_webhook_delivery" ("next_attempt_at") WHERE status = 'pending'`);
    await queryRunner.query(`CREATE INDEX "platform_webhook_delivery_log_idx" ON "platform_webhook_delivery" ("webhook_id", "created_at") `);
    await queryRunner.query(`CREATE TABLE "platform_webhook_attempt" ("id" BIGSERIAL NOT NULL, "delivery_id" uuid NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL, "status_code" integer, "latency_ms" integer NOT NULL, "response_excerpt" text, "error" text, CONSTRAINT "PK_f5b4baed211bcf7228bad05101c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "platform_webhook_attempt_delivery_idx" ON "platform_webhook_attempt" ("delivery_id", "at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "platform_webhook_attempt"`);
    await queryRunner.query(`DROP TABLE "platform_webhook_delivery"`);
    await queryRunner.query(`DROP TABLE "platform_webhook"`);
    await queryRunner.query(`DROP TABLE "platform_api_key_usage"`);
    await queryRunner.query(`DROP INDEX "platform_api_key_integrator_idx"`);
    for (const column of ["replaces_key_id", "revoked_at", "expires_at", "rate_limit_per_minute", "key_prefix", "scopes", "integrator_id"]) {
      await queryRunner.query(`ALTER TABLE "platform_api_key" DROP COLUMN "${column}"`);
    }
    await queryRunner.query(`DROP TABLE "platform_integrator"`);
  }
}
