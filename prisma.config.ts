// Prisma CLI configuration. The JavaScript schema engine with the PGlite driver adapter lets
// `prisma migrate` run here without downloading native engines (DESIGN.md §5).
// With DATABASE_URL set (production), run `prisma migrate deploy` on a normal machine: the CLI
// then uses its native engine against PostgreSQL.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

const embeddedDir = process.env.PGLITE_DATA_DIR ?? path.join(".data", "pglite");

// The datasource url must hold a value, or the CLI tries to download engines.
process.env.DATABASE_URL ??= "postgresql://embedded-pglite/unused";

const useEmbedded = process.env.DATABASE_URL.includes("embedded-pglite");

export default useEmbedded
  ? defineConfig({
      schema: path.join("prisma", "schema.prisma"),
      experimental: { adapter: true },
      engine: "js",
      adapter: async () => {
        mkdirSync(embeddedDir, { recursive: true });
        return new PrismaPGlite(new PGlite({ dataDir: embeddedDir }));
      },
    })
  : defineConfig({ schema: path.join("prisma", "schema.prisma") });
