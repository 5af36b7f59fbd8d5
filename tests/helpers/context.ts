// Core tests read these where they always have; the code lives in the plugin test kit.
export { createUser, signedInRequest, testContext, TEST_PASSWORD } from "../../app/plugin-api/testing/accounts";
