-- Failures recorded the old way cannot be split into account and client; they are only
-- a throttle's short memory, so they are dropped.
DELETE FROM "login_failure";

-- DropIndex
DROP INDEX "login_failure_key_at_idx";

-- AlterTable
ALTER TABLE "login_failure" DROP COLUMN "key",
ADD COLUMN     "account" TEXT NOT NULL,
ADD COLUMN     "client" TEXT NOT NULL;

-- CreateIndex
CREATE INDEX "login_failure_account_at_idx" ON "login_failure"("account", "at");

-- CreateIndex
CREATE INDEX "login_failure_client_at_idx" ON "login_failure"("client", "at");
