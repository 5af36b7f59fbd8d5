// Core tests read these where they always have; the code lives in the plugin test kit.
export { audited, formBody, runAction, statusOf, type Posted } from "../../app/plugin-api/testing/routes";
