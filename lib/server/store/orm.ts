import "server-only";
import type { PrismaClient } from "../generated/prisma/client";

/*
 * The ORM as stores see it. Prisma generates a client per engine (prisma/schema.prisma and
 * prisma/postgres/schema.prisma, one model description); both have this shape, and the
 * SQLite client's type stands for both.
 */
export type Orm = Omit<PrismaClient, "$connect" | "$disconnect" | "$on" | "$extends">;
