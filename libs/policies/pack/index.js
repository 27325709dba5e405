// Entry of the policy pack for `pulumi preview|up --policy-pack libs/policies/pack`.
// Constructing the PolicyPack starts the analyzer's gRPC server, so nothing else imports this
// file; the tests and the offline plan call the same policies through ../src.
require("@swc-node/register");
const { PolicyPack } = require("@pulumi/policy");
const { PLATFORM_POLICIES, POLICY_PACK_NAME } = require("../src");

new PolicyPack(POLICY_PACK_NAME, { enforcementLevel: "mandatory", policies: [...PLATFORM_POLICIES] });
