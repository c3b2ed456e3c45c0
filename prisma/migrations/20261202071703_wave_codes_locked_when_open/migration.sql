-- Padding guard: new waves issue no more codes once open. Waves made before the setting
-- existed keep working as they did (false); every wave made from now on starts locked (true).
ALTER TABLE "wave" ADD COLUMN "codes_locked_when_open" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "wave" ALTER COLUMN "codes_locked_when_open" SET DEFAULT true;
