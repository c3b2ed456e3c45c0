-- CreateEnum
CREATE TYPE "MailingMode" AS ENUM ('tracked', 'blind');

-- CreateEnum
CREATE TYPE "MailKind" AS ENUM ('invitation', 'reminder');

-- CreateEnum
CREATE TYPE "MailSendState" AS ENUM ('scheduled', 'sending', 'done', 'cancelled');

-- CreateEnum
CREATE TYPE "DeliveryState" AS ENUM ('pending', 'sent', 'failed');

-- CreateTable
CREATE TABLE "mailing" (
    "wave_id" UUID NOT NULL,
    "mode" "MailingMode" NOT NULL,
    "language" TEXT NOT NULL DEFAULT 'sv',
    "templates" JSONB,
    "recipient_count" INTEGER NOT NULL DEFAULT 0,
    "sealed_list" BYTEA,
    "locked_at" TIMESTAMPTZ(3),
    "list_deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "mailing_pkey" PRIMARY KEY ("wave_id")
);

-- CreateTable
CREATE TABLE "mail_send" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "wave_id" UUID NOT NULL,
    "kind" "MailKind" NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "state" "MailSendState" NOT NULL DEFAULT 'scheduled',
    "total" INTEGER NOT NULL DEFAULT 0,
    "sent" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "failures" JSONB,

    CONSTRAINT "mail_send_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "mail_delivery" (
    "send_id" UUID NOT NULL,
    "recipient_no" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "state" "DeliveryState" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3),
    "reason" TEXT,

    CONSTRAINT "mail_delivery_pkey" PRIMARY KEY ("send_id","recipient_no")
);

-- CreateIndex
CREATE INDEX "mail_send_wave_id_idx" ON "mail_send"("wave_id");

-- CreateIndex
CREATE INDEX "mail_delivery_send_id_state_position_idx" ON "mail_delivery"("send_id", "state", "position");

-- AddForeignKey
ALTER TABLE "mailing" ADD CONSTRAINT "mailing_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_send" ADD CONSTRAINT "mail_send_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "mail_delivery" ADD CONSTRAINT "mail_delivery_send_id_fkey" FOREIGN KEY ("send_id") REFERENCES "mail_send"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The participation ledger of tracked mailings, in a schema of its own, apart from the answers
-- (raw SQL: schema.prisma describes the public schema only). One row per recipient: the address,
-- the keyed pseudonym of the code mailed to them (the same HMAC as code_use, so who answered is
-- known by comparing the two, without touching the answer tables), and the day their answer was
-- noticed, never a finer time.
CREATE SCHEMA IF NOT EXISTS "participation";

CREATE TABLE "participation"."recipient" (
    "wave_id" UUID NOT NULL,
    "recipient_no" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "code_pseudonym" BYTEA,
    "answered_on" DATE,

    CONSTRAINT "recipient_pkey" PRIMARY KEY ("wave_id", "recipient_no")
);

CREATE UNIQUE INDEX "recipient_wave_address_key" ON "participation"."recipient"("wave_id", lower("address"));
CREATE UNIQUE INDEX "recipient_code_pseudonym_key" ON "participation"."recipient"("code_pseudonym");

ALTER TABLE "participation"."recipient" ADD CONSTRAINT "recipient_wave_id_fkey" FOREIGN KEY ("wave_id") REFERENCES "public"."wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
