-- AlterTable
ALTER TABLE "wave" ADD COLUMN     "slug" TEXT;

-- CreateTable
CREATE TABLE "code_batch" (
    "id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,
    "count" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "code_batch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "invitation_code" (
    "id" UUID NOT NULL,
    "batch_id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,
    "code_hash" TEXT NOT NULL,
    "revoked" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "invitation_code_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "code_use" (
    "code_id" UUID NOT NULL,

    CONSTRAINT "code_use_pkey" PRIMARY KEY ("code_id")
);

-- CreateTable
CREATE TABLE "response" (
    "id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,

    CONSTRAINT "response_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "response_choice" (
    "response_id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "option_id" TEXT NOT NULL,

    CONSTRAINT "response_choice_pkey" PRIMARY KEY ("response_id","question_id","option_id")
);

-- CreateTable
CREATE TABLE "response_text" (
    "response_id" UUID NOT NULL,
    "wave_id" UUID NOT NULL,
    "question_id" TEXT NOT NULL,
    "text" TEXT NOT NULL,

    CONSTRAINT "response_text_pkey" PRIMARY KEY ("response_id","question_id")
);

-- CreateTable
CREATE TABLE "submission_receipt" (
    "key_hash" TEXT NOT NULL,
    "wave_id" UUID NOT NULL,

    CONSTRAINT "submission_receipt_pkey" PRIMARY KEY ("key_hash")
);

-- CreateIndex
CREATE INDEX "code_batch_wave_id_idx" ON "code_batch"("wave_id");

-- CreateIndex
CREATE UNIQUE INDEX "invitation_code_code_hash_key" ON "invitation_code"("code_hash");

-- CreateIndex
CREATE INDEX "invitation_code_wave_id_idx" ON "invitation_code"("wave_id");

-- CreateIndex
CREATE INDEX "response_wave_id_idx" ON "response"("wave_id");

-- CreateIndex
CREATE INDEX "response_choice_wave_id_question_id_option_id_idx" ON "response_choice"("wave_id", "question_id", "option_id");

-- CreateIndex
CREATE INDEX "response_text_wave_id_question_id_idx" ON "response_text"("wave_id", "question_id");

-- CreateIndex
CREATE UNIQUE INDEX "wave_slug_key" ON "wave"("slug");

-- AddForeignKey
ALTER TABLE "code_batch" ADD CONSTRAINT "code_batch_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invitation_code" ADD CONSTRAINT "invitation_code_batch_id_fkey" FOREIGN KEY ("batch_id") REFERENCES "code_batch"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "code_use" ADD CONSTRAINT "code_use_code_id_fkey" FOREIGN KEY ("code_id") REFERENCES "invitation_code"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response" ADD CONSTRAINT "response_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_choice" ADD CONSTRAINT "response_choice_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "response_text" ADD CONSTRAINT "response_text_response_id_fkey" FOREIGN KEY ("response_id") REFERENCES "response"("id") ON DELETE CASCADE ON UPDATE CASCADE;
