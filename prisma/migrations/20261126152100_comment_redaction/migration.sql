-- AlterTable
ALTER TABLE "response_text" ADD COLUMN     "id" UUID NOT NULL DEFAULT gen_random_uuid();

-- AlterTable
ALTER TABLE "wave" ADD COLUMN     "redaction_names" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateIndex
CREATE UNIQUE INDEX "response_text_id_key" ON "response_text"("id");
