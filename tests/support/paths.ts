import path from "node:path";

export const TMP_DIR = path.resolve(import.meta.dirname, "../../.tmp");
export const TEMPLATE_DATABASE = path.join(TMP_DIR, "template.db");
