-- CreateEnum
CREATE TYPE "WaveState" AS ENUM ('draft', 'open', 'closed');

-- CreateEnum
CREATE TYPE "AccessMode" AS ENUM ('codes', 'open_link');

-- CreateTable
CREATE TABLE "question_set_version" (
    "id" UUID NOT NULL,
    "series_id" UUID NOT NULL,
    "content_hash" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "question_set_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "wave" (
    "id" UUID NOT NULL,
    "series_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "state" "WaveState" NOT NULL DEFAULT 'draft',
    "draft" JSONB,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "version_id" UUID,
    "opens_at" TIMESTAMPTZ(3),
    "closes_at" TIMESTAMPTZ(3),
    "audience" TEXT NOT NULL DEFAULT '',
    "invited_count" INTEGER,
    "min_group_size" INTEGER NOT NULL DEFAULT 5,
    "free_text_min_group" INTEGER NOT NULL DEFAULT 10,
    "access_mode" "AccessMode" NOT NULL DEFAULT 'codes',
    "anonymity_note" TEXT NOT NULL DEFAULT '',
    "results_before_close" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "published_at" TIMESTAMPTZ(3),
    "closed_at" TIMESTAMPTZ(3),

    CONSTRAINT "wave_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "question_set_version_series_id_content_hash_key" ON "question_set_version"("series_id", "content_hash");

-- CreateIndex
CREATE UNIQUE INDEX "wave_series_id_name_key" ON "wave"("series_id", "name");

-- AddForeignKey
ALTER TABLE "question_set_version" ADD CONSTRAINT "question_set_version_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "survey_series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wave" ADD CONSTRAINT "wave_series_id_fkey" FOREIGN KEY ("series_id") REFERENCES "survey_series"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "wave" ADD CONSTRAINT "wave_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "question_set_version"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
