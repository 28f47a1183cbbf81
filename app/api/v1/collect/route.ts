import { unsupportedMethods } from "@/lib/server/api/unsupported-methods";

export { collectMessage as POST, collectPreflight as OPTIONS } from "@/lib/server/tracking/collect-route";

export const { GET, PUT, PATCH, DELETE } = unsupportedMethods("POST");
