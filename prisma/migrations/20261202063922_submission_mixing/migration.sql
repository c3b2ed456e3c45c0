-- Used codes were recorded by code id; from now on a use is a keyed pseudonym that only the
-- deployment's secret can compute, and migrations do not have it. So that no code can be used
-- twice across the upgrade, the codes already used are revoked, and the old uses and receipts
-- (by unkeyed hashes) are dropped.
UPDATE "invitation_code" SET "revoked" = true WHERE "id" IN (SELECT "code_id" FROM "code_use");
DELETE FROM "code_use";
DELETE FROM "submission_receipt";

-- DropForeignKey
ALTER TABLE "code_use" DROP CONSTRAINT "code_use_code_id_fkey";

-- AlterTable
ALTER TABLE "code_use" DROP CONSTRAINT "code_use_pkey",
DROP COLUMN "code_id",
ADD COLUMN     "pseudonym" BYTEA NOT NULL,
ADD COLUMN     "wave_id" UUID NOT NULL,
ADD CONSTRAINT "code_use_pkey" PRIMARY KEY ("pseudonym");

-- AlterTable
ALTER TABLE "submission_receipt" DROP CONSTRAINT "submission_receipt_pkey",
DROP COLUMN "key_hash",
ADD COLUMN     "content_digest" BYTEA NOT NULL,
ADD COLUMN     "key_digest" BYTEA NOT NULL,
ADD CONSTRAINT "submission_receipt_pkey" PRIMARY KEY ("key_digest");

-- CreateTable
CREATE TABLE "pending_submission" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wave_id" UUID NOT NULL,
    "sealed" BYTEA NOT NULL,

    CONSTRAINT "pending_submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "deployment_key_check" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "check" BYTEA NOT NULL,

    CONSTRAINT "deployment_key_check_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "pending_submission_wave_id_idx" ON "pending_submission"("wave_id");

-- CreateIndex
CREATE INDEX "code_use_wave_id_idx" ON "code_use"("wave_id");

-- AddForeignKey
ALTER TABLE "code_use" ADD CONSTRAINT "code_use_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "pending_submission" ADD CONSTRAINT "pending_submission_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "submission_receipt" ADD CONSTRAINT "submission_receipt_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
