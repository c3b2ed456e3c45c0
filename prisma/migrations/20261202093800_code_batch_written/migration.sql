-- A large batch of codes is written in steps; "written" counts the codes stored so far, so the
-- codes page can show the progress. Batches made before are complete.
ALTER TABLE "code_batch" ADD COLUMN "written" INTEGER;
UPDATE "code_batch" SET "written" = "count";
ALTER TABLE "code_batch" ALTER COLUMN "written" SET NOT NULL;
