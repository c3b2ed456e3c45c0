-- AlterTable
ALTER TABLE "sign_in_settings" ADD COLUMN     "break_glass_owner_id" UUID,
ADD COLUMN     "password_sign_in" BOOLEAN NOT NULL DEFAULT true;
