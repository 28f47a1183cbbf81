import { setUpPostgres } from "./global-setup";

// The integration-postgres project's set-up: the same tests, on PostgreSQL.
export default setUpPostgres;
